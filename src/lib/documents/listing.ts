import type { PublishedDocument } from './portal.ts';
import { TIER_KINDS, TIER_LABELS } from './fields.ts';

export interface TierGroup {
	tier: 1 | 2 | 3 | 4;
	label: string;
	kind: string;
	documents: PublishedDocument[];
}

/**
 * The master list (文件一覽表): documents in force grouped by tier (第一階 … 第四階), each group
 * ordered by document number; documents with no version in force are listed apart.
 */
export function masterList(
	documents: readonly PublishedDocument[],
	kinds: Record<1 | 2 | 3 | 4, string> = TIER_KINDS,
): { groups: TierGroup[]; notInForce: PublishedDocument[] } {
	const byNumber = [...documents].sort((a, b) => a.docNo.localeCompare(b.docNo, 'en', { numeric: true }));
	const groups: TierGroup[] = ([1, 2, 3, 4] as const).map((tier) => ({
		tier,
		label: TIER_LABELS[tier],
		kind: kinds[tier],
		documents: byNumber.filter((doc) => doc.current?.tier === tier),
	}));
	return {
		groups: groups.filter((group) => group.documents.length > 0),
		notInForce: byNumber.filter((doc) => !doc.current),
	};
}
