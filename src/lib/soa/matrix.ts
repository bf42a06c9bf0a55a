import type { Catalogue, Control } from './catalogue.ts';
import { counterparts, type Crosswalk } from './crosswalk.ts';
import type { Soa, SoaEntry, SoaStatus } from './data.ts';
import { controlEdition } from './ids.ts';

/** A document (its version in force) that says it implements controls, of either catalogue. */
export interface ImplementingDocument {
	docNo: string;
	title: string;
	url: string;
	controls: readonly string[];
}

export interface Implementer {
	docNo: string;
	title: string;
	url: string;
	/**
	 * The ids of the other catalogue through which the document implements this control (its
	 * `controls` list A.9.4.3, so it implements 2022 A.5.17 依對照表); absent when cited directly.
	 */
	via?: string[];
}

export interface SoaRow {
	control: Control;
	entry?: SoaEntry;
	implementedBy: Implementer[];
	/** Applicable and implemented by at least one document. */
	covered: boolean;
	/** Documentation gaps: what the SoA or the documents fail to say. */
	gaps: SoaGapKind[];
}

/** Gaps in the documentation, apart from how far a control is implemented. */
export type SoaGapKind = 'uncovered' | 'claimed-not-applicable' | 'unjustified' | 'missing' | 'unassessed';

export const SOA_GAP_LABELS: Record<SoaGapKind, string> = {
	uncovered: '適用但無文件實作',
	'claimed-not-applicable': '文件宣稱實作不適用的控制措施',
	unjustified: '不適用但未說明理由',
	missing: '適用性聲明書未列此控制措施',
	unassessed: '2022 版新增、尚待評估（未填 lastReviewed）',
};

/** Applicable controls not (fully) implemented, by status, least advanced last. */
export type PendingStatus = Exclude<SoaStatus, 'implemented'>;
export const PENDING_STATUSES: readonly PendingStatus[] = ['partial', 'planned', 'not-implemented'];

export interface SoaDomain {
	id: string;
	zh: string;
	en: string;
	rows: SoaRow[];
	total: number;
	applicable: number;
	covered: number;
	implemented: number;
}

export interface SoaMatrix {
	domains: SoaDomain[];
	rows: SoaRow[];
	gaps: Record<SoaGapKind, SoaRow[]>;
	/** Applicable rows whose status is not 已實施 (or missing), by status. */
	pending: Record<PendingStatus, SoaRow[]>;
	totals: { total: number; applicable: number; excluded: number; covered: number; byStatus: Record<SoaStatus, number> };
}

/**
 * The coverage matrix: every control of the SoA's catalogue with its entry and the documents in force
 * that implement it — directly, or through the crosswalk when they still cite the other catalogue —
 * with the documentation gaps and the controls not yet implemented.
 */
export function computeSoa(
	catalogue: Catalogue,
	soa: Soa | undefined,
	documents: readonly ImplementingDocument[],
	crosswalk?: Crosswalk,
): SoaMatrix {
	const implementers = new Map<string, Implementer[]>();
	for (const doc of [...documents].sort((a, b) => a.docNo.localeCompare(b.docNo))) {
		const direct = new Set<string>();
		const via = new Map<string, string[]>();
		for (const id of new Set(doc.controls)) {
			if (catalogue.byId.has(id)) {
				direct.add(id);
				continue;
			}
			const edition = controlEdition(id);
			if (!crosswalk || !edition || edition === catalogue.edition) continue;
			for (const target of counterparts(crosswalk, id)) if (catalogue.byId.has(target)) via.set(target, [...(via.get(target) ?? []), id]);
		}
		for (const id of new Set([...direct, ...via.keys()])) {
			const list = implementers.get(id) ?? [];
			list.push({ docNo: doc.docNo, title: doc.title, url: doc.url, ...(direct.has(id) ? {} : { via: via.get(id)! }) });
			implementers.set(id, list);
		}
	}
	const isNew = (id: string) =>
		catalogue.edition === '2022' && crosswalk !== undefined && crosswalk.mappings.length > 0 && crosswalk.from2013(id).length === 0;
	const gaps: Record<SoaGapKind, SoaRow[]> = { uncovered: [], 'claimed-not-applicable': [], unjustified: [], missing: [], unassessed: [] };
	const pending: Record<PendingStatus, SoaRow[]> = { partial: [], planned: [], 'not-implemented': [] };
	const byStatus: Record<SoaStatus, number> = { implemented: 0, partial: 0, planned: 0, 'not-implemented': 0 };
	const rows: SoaRow[] = [];
	const domains: SoaDomain[] = catalogue.domains.map((domain) => {
		const domainRows = domain.controls.map((control): SoaRow => {
			const entry = soa?.entries[control.id];
			const implementedBy = implementers.get(control.id) ?? [];
			const rowGaps: SoaGapKind[] = [];
			if (!entry) rowGaps.push('missing');
			else if (entry.applicable && implementedBy.length === 0) rowGaps.push('uncovered');
			else if (!entry.applicable && implementedBy.length > 0) rowGaps.push('claimed-not-applicable');
			if (entry && !entry.applicable && !entry.justification) rowGaps.push('unjustified');
			if (entry && !entry.lastReviewed && isNew(control.id)) rowGaps.push('unassessed');
			const row: SoaRow = {
				control,
				...(entry ? { entry } : {}),
				implementedBy,
				covered: Boolean(entry?.applicable) && implementedBy.length > 0,
				gaps: rowGaps,
			};
			for (const kind of rowGaps) gaps[kind].push(row);
			if (entry?.applicable && entry.status) {
				byStatus[entry.status] += 1;
				if (entry.status !== 'implemented') pending[entry.status].push(row);
			}
			rows.push(row);
			return row;
		});
		return {
			id: domain.id,
			zh: domain.zh,
			en: domain.en,
			rows: domainRows,
			total: domainRows.length,
			applicable: domainRows.filter((r) => r.entry?.applicable).length,
			covered: domainRows.filter((r) => r.covered).length,
			implemented: domainRows.filter((r) => r.entry?.applicable && r.entry.status === 'implemented').length,
		};
	});
	return {
		domains,
		rows,
		gaps,
		pending,
		totals: {
			total: rows.length,
			applicable: rows.filter((r) => r.entry?.applicable).length,
			excluded: rows.filter((r) => r.entry && !r.entry.applicable).length,
			covered: rows.filter((r) => r.covered).length,
			byStatus,
		},
	};
}

/** Percentage rounded to a whole number; 0 of 0 is shown as 0 %. */
export function percent(part: number, whole: number): number {
	return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
