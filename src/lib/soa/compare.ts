import { controlTitle, type Catalogue } from './catalogue.ts';
import { counterparts, type Crosswalk } from './crosswalk.ts';
import { SOA_STATUSES, type Soa, type SoaEntry, type SoaStatus } from './data.ts';

/**
 * What changed from one SoA version to a later one: controls added to or removed from the SoA,
 * renamed or merged between catalogues (through the crosswalk), new in the later catalogue, and
 * changes of applicability or status.
 */
export type SoaChangeKind = 'same' | 'added' | 'removed' | 'renamed' | 'merged' | 'new';

export const SOA_CHANGE_LABELS: Record<SoaChangeKind, string> = {
	same: '未變更編號',
	added: '新列入',
	removed: '移除',
	renamed: '更名／改編號',
	merged: '合併',
	new: '新版新增',
};

export interface SoaSideSummary {
	/** Whether the control (or, before a merge, any of its sources) is applicable. */
	applicable: boolean;
	/** Least advanced status among the applicable entries. */
	status?: SoaStatus;
}

export interface SoaComparisonRow {
	/** The control in the later version's catalogue (for a removed control: the earlier one's). */
	id: string;
	zh: string;
	kind: SoaChangeKind;
	/** The earlier version's controls this row comes from. */
	from: string[];
	before?: SoaSideSummary;
	after?: SoaSideSummary;
	applicabilityChanged: boolean;
	statusChanged: boolean;
}

export interface SoaComparison {
	from: { version: string; catalogue: string };
	to: { version: string; catalogue: string };
	crossCatalogue: boolean;
	rows: SoaComparisonRow[];
	counts: Record<SoaChangeKind | 'applicability' | 'status', number>;
}

const PROGRESS: SoaStatus[] = ['not-implemented', 'planned', 'partial', 'implemented'];

/** The least advanced of some statuses: 未實施 < 規劃中 < 部分實施 < 已實施. */
export function leastAdvanced(statuses: readonly (SoaStatus | undefined)[]): SoaStatus | undefined {
	const known = statuses.filter((s): s is SoaStatus => s !== undefined);
	if (known.length === 0) return undefined;
	return known.reduce((a, b) => (PROGRESS.indexOf(a) <= PROGRESS.indexOf(b) ? a : b));
}

function summarise(entries: readonly SoaEntry[]): SoaSideSummary | undefined {
	if (entries.length === 0) return undefined;
	const applicable = entries.filter((e) => e.applicable);
	const status = leastAdvanced(applicable.map((e) => e.status));
	return { applicable: applicable.length > 0, ...(status ? { status } : {}) };
}

/** Compares `older` (with its catalogue) to `newer` (with its own); the crosswalk links the two catalogues. */
export function compareSoa(
	older: { soa: Soa; catalogue: Catalogue },
	newer: { soa: Soa; catalogue: Catalogue },
	crosswalk: Crosswalk,
): SoaComparison {
	const cross = older.catalogue.edition !== newer.catalogue.edition;
	const rows: SoaComparisonRow[] = [];
	const reached = new Set<string>();
	for (const control of newer.catalogue.controls) {
		const from = cross ? counterparts(crosswalk, control.id).filter((id) => older.catalogue.byId.has(id)) : [control.id];
		for (const id of from) reached.add(id);
		const afterEntry = newer.soa.entries[control.id];
		const before = summarise(from.flatMap((id) => (older.soa.entries[id] ? [older.soa.entries[id]] : [])));
		const after = afterEntry ? summarise([afterEntry]) : undefined;
		let kind: SoaChangeKind;
		if (cross) kind = from.length === 0 ? 'new' : from.length === 1 ? 'renamed' : 'merged';
		else if (!before && !after) continue;
		else kind = !before ? 'added' : !after ? 'removed' : 'same';
		rows.push({
			id: control.id,
			zh: controlTitle(control),
			kind,
			from,
			...(before ? { before } : {}),
			...(after ? { after } : {}),
			applicabilityChanged: Boolean(before && after && before.applicable !== after.applicable),
			statusChanged: Boolean(before && after && before.applicable && after.applicable && before.status !== after.status),
		});
	}
	if (cross) {
		for (const control of older.catalogue.controls) {
			if (reached.has(control.id) || !older.soa.entries[control.id]) continue;
			const before = summarise([older.soa.entries[control.id]!]);
			rows.push({
				id: control.id,
				zh: controlTitle(control),
				kind: 'removed',
				from: [control.id],
				...(before ? { before } : {}),
				applicabilityChanged: false,
				statusChanged: false,
			});
		}
	}
	const counts = { same: 0, added: 0, removed: 0, renamed: 0, merged: 0, new: 0, applicability: 0, status: 0 };
	for (const row of rows) {
		counts[row.kind] += 1;
		if (row.applicabilityChanged) counts.applicability += 1;
		if (row.statusChanged) counts.status += 1;
	}
	return {
		from: { version: older.soa.version, catalogue: older.catalogue.standard },
		to: { version: newer.soa.version, catalogue: newer.catalogue.standard },
		crossCatalogue: cross,
		rows,
		counts,
	};
}

/** 「適用、已實施」, 「不適用」, 「—」 for one side of a comparison row. */
export function sideLabel(side: SoaSideSummary | undefined): string {
	if (!side) return '未列入';
	if (!side.applicable) return '不適用';
	return side.status ? `適用、${SOA_STATUSES[side.status]}` : '適用';
}
