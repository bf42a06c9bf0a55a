/** `npm run publish` (scripts/publish.ts is its command line): see publish.ts. */
export {
	publish,
	rollback,
	verifyAudience,
	type PublishOptions,
	type PublishResult,
	type RollbackOptions,
	type RollbackResult,
} from './publish.ts';
export { listReleases, readTargetSetup, type ReleaseInfo } from './target.ts';
export { defaultSource } from './source.ts';
export { DEFAULT_WAIT_MS, LOCK_FILE, type LockHolder } from './lock.ts';
export type { PublishFs } from './fs.ts';
export { DEFAULT_KEEP, PublishError } from '../../lib/publish/releases.ts';
