import type { VersionState } from './resolve.ts';

/**
 * What staff read for each version state: in the version picker, the revision history, the status
 * notices and the search filter. One table, no Node imports (the search runs it in the browser).
 */
export const STATE_LABELS = {
	current: '現行版',
	superseded: '已被取代',
	upcoming: '尚未生效',
	withdrawn: '已廢止',
	draft: '草稿',
} as const satisfies Record<VersionState, string>;
