import { STATE_LABELS } from '../documents/states.ts';

/** `data-pagefind-filter="status"` values, one per version state: the labels staff read everywhere. */
export const STATUS_LABELS = STATE_LABELS;
export type StatusLabel = (typeof STATUS_LABELS)[keyof typeof STATUS_LABELS];

/** Versions that are not in force: left out of results unless staff ask for them. */
export const NOT_IN_FORCE: readonly StatusLabel[] = [
	STATUS_LABELS.superseded,
	STATUS_LABELS.upcoming,
	STATUS_LABELS.withdrawn,
	STATUS_LABELS.draft,
];

/** Filter keys written on document pages (index-attributes.ts) and read by the search. */
export const FILTER_KEYS = { docNo: 'docNo', status: 'status', tier: 'tier', classification: 'classification' } as const;

/** What the user chose besides the query. */
export interface SearchOptions {
	/** 「包含已取代、尚未生效及已廢止版本」 */
	includeHistory?: boolean;
	/** 文件類別 values (第一階文件 …); empty or absent: all. */
	tiers?: readonly string[];
	/** 機密等級 values (公開 …); empty or absent: all. */
	classifications?: readonly string[];
}

/**
 * Pagefind filters for the options. By default a page must not carry a status of a version out of force;
 * pages without a status (help, SoA, reviews, home) pass.
 */
export function searchFilters(options: SearchOptions = {}): Record<string, unknown> {
	const filters: Record<string, unknown> = {};
	if (!options.includeHistory) filters[FILTER_KEYS.status] = { none: [...NOT_IN_FORCE] };
	if (options.tiers?.length) filters[FILTER_KEYS.tier] = { any: [...options.tiers] };
	if (options.classifications?.length) filters[FILTER_KEYS.classification] = { any: [...options.classifications] };
	return filters;
}
