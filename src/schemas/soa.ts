import { z } from 'astro/zod';
import { isoDateSchema, text } from './frontmatter.ts';
import { explainIssues, type FieldIssue, type FieldSpec } from './issues.ts';
import { VERSION_PATTERN } from '../lib/documents/version.ts';

/**
 * The schema of one SoA version file (`content/soa.yaml` or `content/soa/<VERSION>.yaml`, format in
 * the README), with the words each field is explained in to the document controller.
 */
export const SOA_REASONS = { risk: '風險評鑑', law: '法規要求', contract: '契約要求', practice: '最佳實務' } as const;
/** In order of progress, least advanced last. */
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

export const soaEntrySchema = z.strictObject({
	applicable: z.boolean(),
	reasons: z
		.array(
			z
				.string()
				.refine((v) => REASON_ALIASES.has(v))
				.transform((v) => REASON_ALIASES.get(v)!),
		)
		.optional(),
	status: z
		.string()
		.refine((v) => STATUS_ALIASES.has(v))
		.transform((v) => STATUS_ALIASES.get(v)!)
		.optional(),
	owner: text().optional(),
	evidence: text().optional(),
	justification: text().optional(),
	lastReviewed: isoDateSchema.optional(),
	note: text().optional(),
});

export const soaSchema = z.strictObject({
	version: z.string().regex(VERSION_PATTERN),
	effective: isoDateSchema,
	approvedBy: text(),
	preparedBy: text().optional(),
	catalogue: z.enum(['2013', '2022']),
	changes: text().optional(),
	controls: z.record(z.string(), z.unknown()),
});

export const SOA_FIELDS: Record<string, FieldSpec> = {
	version: { label: '版次', expected: '加引號的「主版.次版」字串，例如 "1.2"' },
	effective: { label: '生效日期', expected: 'YYYY-MM-DD 格式的實際日期' },
	approvedBy: { label: '核准', expected: '非空白的文字' },
	preparedBy: { label: '制定單位', expected: '非空白的文字' },
	catalogue: { label: '控制措施版本', expected: '"2013" 或 "2022"（加引號）' },
	changes: { label: '修訂說明', expected: '非空白的文字' },
	controls: { label: '控制措施', expected: '以控制措施編號為鍵的對應表，例如 A.5.1.1: { applicable: true, … }' },
	applicable: { label: '是否適用', expected: 'true 或 false' },
	reasons: {
		label: '選用理由',
		expected: `清單，值為 ${spelled(SOA_REASONS)}`,
		values: [...Object.values(SOA_REASONS), ...Object.keys(SOA_REASONS)],
	},
	status: { label: '實施狀態', expected: spelled(SOA_STATUSES), values: [...Object.values(SOA_STATUSES), ...Object.keys(SOA_STATUSES)] },
	owner: { label: '權責單位', expected: '非空白的文字' },
	evidence: { label: '佐證', expected: '非空白的文字' },
	justification: { label: '不適用理由', expected: '非空白的文字' },
	lastReviewed: { label: '最近審查日期', expected: 'YYYY-MM-DD 格式的實際日期' },
	note: { label: '備註', expected: '非空白的文字' },
};

/** The fields allowed at a level, for unknown-field messages. */
export function soaFieldsOf(prefix: readonly PropertyKey[]): string[] {
	return Object.keys(prefix.length === 0 ? soaSchema.shape : soaEntrySchema.shape);
}

/**
 * zod issues of the SoA schemas (found at `prefix` in the file: `[]` or `['controls', id]`), explained by
 * the one translator (issues.ts), each field once; a control's fields are named after it (「A.9.2.1：…」).
 */
export function soaIssues(issues: readonly z.core.$ZodIssue[], data: unknown, prefix: readonly PropertyKey[]): FieldIssue[] {
	const fieldsOf = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, SOA_FIELDS[key]!]));
	const top = fieldsOf(Object.keys(soaSchema.shape));
	const entry = fieldsOf(Object.keys(soaEntrySchema.shape));
	return explainIssues(
		issues,
		data,
		(path) => (path[0] === 'controls' && typeof path[1] === 'string' ? { fields: entry, where: path[1] } : { fields: top }),
		prefix,
	);
}
