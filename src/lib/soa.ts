import { z } from 'astro/zod';
import type { Catalogue, Control, Edition } from './controls.ts';
import { isoDateSchema, text } from './schema.ts';
import type { Problem } from './problems.ts';
import { VERSION_PATTERN } from './version.ts';
import { describeValue, parseYamlSource, valueAt } from './yaml-source.ts';

/**
 * The Statement of Applicability (適用性聲明書): which Annex A controls apply and why, how far each
 * is implemented, by whom, with what evidence. Its data is `content/soa.yaml` (format in the README);
 * which documents implement a control comes from the documents' own `controls` frontmatter.
 */
export const SOA_REASONS = { risk: '風險評鑑', law: '法規要求', contract: '契約要求', practice: '最佳實務' } as const;
export const SOA_STATUSES = { implemented: '已實施', partial: '部分實施', planned: '規劃中', 'not-implemented': '未實施' } as const;
export type SoaReason = keyof typeof SOA_REASONS;
export type SoaStatus = keyof typeof SOA_STATUSES;

const aliasOf = <K extends string>(labels: Record<K, string>) => {
	const map = new Map<string, K>();
	for (const [key, label] of Object.entries(labels) as [K, string][]) {
		map.set(key, key);
		map.set(label, key);
	}
	return map;
};
const REASON_ALIASES = aliasOf(SOA_REASONS);
const STATUS_ALIASES = aliasOf(SOA_STATUSES);
const spelled = (labels: Record<string, string>) => `${Object.values(labels).join('、')}（或 ${Object.keys(labels).join('、')}）`;

const entrySchema = z.strictObject({
	applicable: z.boolean(),
	reasons: z.array(z.string().refine((v) => REASON_ALIASES.has(v)).transform((v) => REASON_ALIASES.get(v)!)).optional(),
	status: z.string().refine((v) => STATUS_ALIASES.has(v)).transform((v) => STATUS_ALIASES.get(v)!).optional(),
	owner: text().optional(),
	evidence: text().optional(),
	justification: text().optional(),
	lastReviewed: isoDateSchema.optional(),
	note: text().optional(),
});
const soaSchema = z.strictObject({
	version: z.string().regex(VERSION_PATTERN),
	effective: isoDateSchema,
	approvedBy: text(),
	preparedBy: text().optional(),
	catalogue: z.enum(['2013', '2022']),
	changes: text().optional(),
	controls: z.record(z.string(), z.unknown()),
});

const FIELDS: Record<string, { label: string; expected: string }> = {
	version: { label: '版次', expected: '加引號的「主版.次版」字串，例如 "1.2"' },
	effective: { label: '生效日期', expected: 'YYYY-MM-DD 格式的實際日期' },
	approvedBy: { label: '核准', expected: '非空白的文字' },
	preparedBy: { label: '制定單位', expected: '非空白的文字' },
	catalogue: { label: '控制措施版本', expected: '"2013" 或 "2022"（加引號）' },
	changes: { label: '修訂說明', expected: '非空白的文字' },
	controls: { label: '控制措施', expected: '以控制措施編號為鍵的對應表，例如 A.5.1.1: { applicable: true, … }' },
	applicable: { label: '是否適用', expected: 'true 或 false' },
	reasons: { label: '選用理由', expected: `清單，值為 ${spelled(SOA_REASONS)}` },
	status: { label: '實施狀態', expected: spelled(SOA_STATUSES) },
	owner: { label: '權責單位', expected: '非空白的文字' },
	evidence: { label: '佐證', expected: '非空白的文字' },
	justification: { label: '不適用理由', expected: '非空白的文字' },
	lastReviewed: { label: '最近審查日期', expected: 'YYYY-MM-DD 格式的實際日期' },
	note: { label: '備註', expected: '非空白的文字' },
};

export interface SoaEntry {
	id: string;
	applicable: boolean;
	reasons: SoaReason[];
	status?: SoaStatus;
	owner?: string;
	evidence?: string;
	justification?: string;
	lastReviewed?: string;
	note?: string;
}

export interface Soa {
	file: string;
	version: string;
	effective: string;
	approvedBy: string;
	preparedBy?: string;
	catalogue: Edition;
	changes?: string;
	entries: Record<string, SoaEntry>;
}

/** Parses and validates the SoA data against the active catalogue. */
export function parseSoa(source: string, file: string, catalogue: Catalogue): { soa?: Soa; problems: Problem[] } {
	const yaml = parseYamlSource(source);
	const problems: Problem[] = yaml.errors.map(({ message, ...at }) => ({ file, ...at, severity: 'error', rule: 'soa/syntax', message }));
	if (problems.length > 0) return { problems };
	if (yaml.data !== undefined && yaml.data !== null && (typeof yaml.data !== 'object' || Array.isArray(yaml.data))) {
		const at = yaml.at([]);
		return {
			problems: [{ file, ...at, severity: 'error', rule: 'soa/invalid-value', message: '檔案內容應為 YAML 對應表，第一層寫 version、effective、approvedBy、catalogue 及 controls' }],
		};
	}
	const problem = (path: PropertyKey[], rule: string, message: string, target: 'key' | 'value' = 'value') =>
		problems.push({ file, ...yaml.at(path, target), severity: 'error', rule, message });

	const reportIssues = (issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]) => {
		const seen = new Set<string>();
		for (const issue of issues) {
			const path = [...prefix, ...issue.path];
			if (issue.code === 'unrecognized_keys') {
				for (const key of issue.keys) problem([...path, key], 'soa/unknown-field', `${where(path)}未知的欄位「${key}」；可用的欄位為 ${fieldsOf(prefix).join('、')}`, 'key');
				continue;
			}
			const fieldIndex = path.findLastIndex((segment) => typeof segment === 'string' && segment in FIELDS);
			const fieldPath = fieldIndex === -1 ? path : path.slice(0, fieldIndex + 1);
			const key = fieldPath.map(String).join('/');
			if (seen.has(key)) continue;
			seen.add(key);
			const field = String(fieldPath.at(-1) ?? '');
			const spec = FIELDS[field] ?? { label: field, expected: '' };
			const value = valueAt(yaml.data, fieldPath);
			if (value === undefined) {
				problem(fieldPath.slice(0, -1), 'soa/missing-field', `${where(fieldPath)}缺少必填欄位 ${field}（${spec.label}）；應為 ${spec.expected}`, 'key');
			} else {
				problem(path, 'soa/invalid-value', `${where(fieldPath)}${field}（${spec.label}）的值${describeValue(valueAt(yaml.data, path))}無效；應為 ${spec.expected}`);
			}
		}
	};

	// The top level first, then each control on its own, so that every fault is reported at once.
	const top = soaSchema.safeParse(yaml.data ?? {});
	if (!top.success) reportIssues(top.error.issues, []);
	const data = top.success ? top.data : undefined;
	if (data && data.catalogue !== catalogue.edition) {
		problem(['catalogue'], 'soa/catalogue-mismatch', `catalogue（控制措施版本）為「${data.catalogue}」，但入口網使用 ${catalogue.standard}；請改為 "${catalogue.edition}" 或調整入口網設定`);
	}
	const rawControls = valueAt(yaml.data, ['controls']);
	const entries: Record<string, SoaEntry> = {};
	if (rawControls && typeof rawControls === 'object' && !Array.isArray(rawControls)) {
		for (const [id, raw] of Object.entries(rawControls)) {
			if (!catalogue.byId.has(id)) {
				problem(['controls', id], 'soa/unknown-control', `「${id}」不在 ${catalogue.standard} 附錄 A 中`, 'key');
				continue;
			}
			const parsed = entrySchema.safeParse(raw ?? {});
			if (!parsed.success) {
				reportIssues(parsed.error.issues, ['controls', id]);
				continue;
			}
			const entry = parsed.data;
			if (entry.applicable) {
				for (const field of ['reasons', 'status'] as const) {
					if (entry[field] === undefined || (field === 'reasons' && entry.reasons!.length === 0)) {
						problem(['controls', id], 'soa/missing-field', `${id}：適用的控制措施須填 ${field}（${FIELDS[field]!.label}）；應為 ${FIELDS[field]!.expected}`, 'key');
					}
				}
			} else {
				for (const field of ['reasons', 'status', 'evidence'] as const) {
					if (entry[field] !== undefined) {
						problem(['controls', id, field], 'soa/invalid-value', `${id}：不適用的控制措施不填 ${field}（${FIELDS[field]!.label}）；請改寫 justification（不適用理由）`, 'key');
					}
				}
			}
			entries[id] = { id, ...entry, reasons: entry.reasons ?? [] };
		}
	}
	if (problems.length > 0 || !data) return { problems };
	return {
		problems,
		soa: {
			file,
			version: data.version,
			effective: data.effective,
			approvedBy: data.approvedBy,
			...(data.preparedBy ? { preparedBy: data.preparedBy } : {}),
			catalogue: data.catalogue,
			...(data.changes ? { changes: data.changes } : {}),
			entries,
		},
	};
}

/** The fields allowed at a level, for unknown-field messages. */
function fieldsOf(prefix: readonly PropertyKey[]): string[] {
	return Object.keys(prefix.length === 0 ? soaSchema.shape : entrySchema.shape);
}

/** 「A.9.2.1：」 for a control's field, nothing at the top level. */
function where(path: readonly PropertyKey[]): string {
	return path[0] === 'controls' && typeof path[1] === 'string' ? `${path[1]}：` : '';
}

// ───────────────────────── the matrix ─────────────────────────

/** A document (its version in force) that says it implements controls. */
export interface ImplementingDocument {
	docNo: string;
	title: string;
	url: string;
	controls: readonly string[];
}

export interface SoaRow {
	control: Control;
	entry?: SoaEntry;
	implementedBy: { docNo: string; title: string; url: string }[];
	/** Applicable and implemented by at least one document. */
	covered: boolean;
	gaps: SoaGapKind[];
}

export type SoaGapKind = 'uncovered' | 'claimed-not-applicable' | 'unjustified' | 'missing';

export const SOA_GAP_LABELS: Record<SoaGapKind, string> = {
	uncovered: '適用但無文件實作',
	'claimed-not-applicable': '文件宣稱實作不適用的控制措施',
	unjustified: '不適用但未說明理由',
	missing: '適用性聲明書未列此控制措施',
};

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
	totals: { total: number; applicable: number; excluded: number; covered: number; byStatus: Record<SoaStatus, number> };
}

/**
 * The coverage matrix: every catalogue control with its SoA entry and the documents in force that
 * implement it, and the gaps an auditor asks about first.
 */
export function computeSoa(catalogue: Catalogue, soa: Soa | undefined, documents: readonly ImplementingDocument[]): SoaMatrix {
	const implementers = new Map<string, { docNo: string; title: string; url: string }[]>();
	for (const doc of [...documents].sort((a, b) => a.docNo.localeCompare(b.docNo))) {
		for (const id of new Set(doc.controls)) {
			const list = implementers.get(id) ?? [];
			list.push({ docNo: doc.docNo, title: doc.title, url: doc.url });
			implementers.set(id, list);
		}
	}
	const gaps: Record<SoaGapKind, SoaRow[]> = { uncovered: [], 'claimed-not-applicable': [], unjustified: [], missing: [] };
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
			const row: SoaRow = { control, ...(entry ? { entry } : {}), implementedBy, covered: Boolean(entry?.applicable) && implementedBy.length > 0, gaps: rowGaps };
			for (const kind of rowGaps) gaps[kind].push(row);
			if (entry?.applicable && entry.status) byStatus[entry.status] += 1;
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
