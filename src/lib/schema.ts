import { z } from 'astro/zod';
import { distance } from 'fastest-levenshtein';
import { CLASSIFICATIONS, CLASSIFICATION_LABELS, parseClassification } from './documents/classification.ts';
import { parseDateInput, toIsoDate } from './documents/dates.ts';
import { formatCount, LIMITS } from './limits.ts';
import { VERSION_PATTERN } from './documents/version.ts';
import { describeValue } from './yaml-source.ts';

/** `ISMS-<capital letter>-<3 digits>` (AUTHORING.md); configurable in the portal configuration. */
export const DEFAULT_DOCNO_PATTERN = '^ISMS-[A-Z]-\\d{3}$';
export const DEFAULT_DOCNO_DESCRIPTION = 'ISMS-<大寫英文字母>-<3 位數字>，例如 ISMS-P-005';

/** File types a version may offer for download (fillable forms and their PDF): `attachments`. */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'odt', 'ods', 'odp', 'docx', 'xlsx', 'pptx', 'csv', 'txt'] as const;
/** A relative path inside the document's folder (`./assets/1.0/資產清冊.odt`): no scheme, no `/` start, no `..`, `?` or `#`. */
export const ATTACHMENT_PATTERN = new RegExp(`^(?!/)(?![a-z][a-z0-9+.-]*:)(?!.*(?:^|/)\\.\\.(?:/|$))[^?#\\\\]+\\.(?:${ATTACHMENT_EXTENSIONS.join('|')})$`, 'i');

/** Annex A control ids: 2013 has three numbers after A (A.9.2.1), 2022 two (A.5.15). */
export const CONTROL_ID_PATTERN = /^A\.(?:[5-9]|1[0-8])\.\d{1,2}(?:\.\d{1,2})?$/;

export const TIER_LABELS: Record<1 | 2 | 3 | 4, string> = {
	1: '第一階文件',
	2: '第二階文件',
	3: '第三階文件',
	4: '第四階文件',
};
export const TIER_KINDS: Record<1 | 2 | 3 | 4, string> = {
	1: '政策/手冊',
	2: '程序書',
	3: '作業說明/規範',
	4: '表單/紀錄',
};

/** What each tier holds (the agency's names, e.g. 計畫 in the first tier): configured kinds over the defaults. */
export function tierKinds(configured: Partial<Record<'1' | '2' | '3' | '4', string>> = {}): Record<1 | 2 | 3 | 4, string> {
	return { 1: configured['1'] ?? TIER_KINDS[1], 2: configured['2'] ?? TIER_KINDS[2], 3: configured['3'] ?? TIER_KINDS[3], 4: configured['4'] ?? TIER_KINDS[4] };
}

export interface SchemaOptions {
	/** Regular expression source for docNo. */
	docNoPattern?: string;
	/** How the pattern is explained to authors in error messages. */
	docNoDescription?: string;
}

/**
 * What each frontmatter field expects, in the words shown to the document controller.
 * The key order is the order fields are documented and reported in.
 */
export function fieldExpectations(options: SchemaOptions = {}): Record<string, { label: string; expected: string }> {
	return {
		docNo: { label: '文件編號', expected: options.docNoDescription ?? DEFAULT_DOCNO_DESCRIPTION },
		title: { label: '文件名稱', expected: `非空白的單行文字（不可換行），最多 ${LIMITS.title} 字` },
		version: { label: '版次', expected: '加引號的「主版.次版」字串，例如 "1.0"、"1.10"' },
		tier: { label: '文件類別', expected: '1、2、3 或 4（第一階 政策/手冊、第二階 程序書、第三階 作業說明/規範、第四階 表單/紀錄）' },
		classification: {
			label: '機密等級',
			expected: `${CLASSIFICATIONS.join('、')}，或 ${CLASSIFICATIONS.map((c) => CLASSIFICATION_LABELS[c]).join('、')}`,
		},
		effective: { label: '發行/生效日期', expected: `${DATE_FORMS}，例如 2020-10-16 或 民國109年10月16日` },
		issuedBy: { label: '發行單位', expected: `非空白的單行文字（不可換行），最多 ${LIMITS.text} 字` },
		approvedBy: { label: '核准', expected: `非空白的單行文字（不可換行），最多 ${LIMITS.text} 字` },
		reviewedBy: { label: '審核', expected: `非空白的單行文字（不可換行），最多 ${LIMITS.text} 字` },
		owner: { label: '權責單位', expected: `非空白的單行文字（不可換行），最多 ${LIMITS.text} 字` },
		status: { label: '狀態', expected: 'draft（草稿）或 withdrawn（廢止）；已核准的版次不寫此欄' },
		reviewEveryMonths: { label: '審查週期（月）', expected: '1 到 120 之間的整數，預設 12' },
		lastReviewed: { label: '最近評估檢討日期', expected: DATE_FORMS },
		controls: { label: '對應控制措施', expected: `Annex A 控制措施編號的清單（最多 ${LIMITS.controls} 項），例如 A.9.2.1（2013 版）或 A.5.15（2022 版）` },
		changes: { label: '修訂說明', expected: `非空白的文字，最多 ${formatCount(LIMITS.changes)} 字` },
		attachments: { label: '附件', expected: `本文件資料夾內檔案的相對路徑清單，例如 ./assets/1.0/資訊資產清冊.odt（可用 ${ATTACHMENT_EXTENSIONS.join('、')}）` },
		example: { label: '範例文件', expected: 'true 或 false' },
	};
}

/** A required text field: not empty, not only spaces. */
export const text = () => z.string().trim().min(1);

/** The date forms frontmatter accepts, as explained to authors. */
export const DATE_FORMS = '實際存在的日期，寫成 YYYY-MM-DD、民國113年10月18日，或民國年三位數的 113-10-18、113.10.18';

/** A name shown on one line (a title, a unit): no line breaks or other control characters. */
const oneLine = (max: number) => text().max(max).regex(/^[^\u0000-\u001f\u007f]*$/);

/**
 * A calendar date, normalised to `YYYY-MM-DD`: written `YYYY-MM-DD`, `民國113年10月18日` or with a
 * three-digit ROC year `113-10-18` / `113.10.18` (dates.ts parseDateInput). YAML 1.1 parsers hand
 * over Dates: accepted too.
 */
export const isoDateSchema = z
	.union([z.string(), z.date()])
	.refine((value) => (typeof value === 'string' ? parseDateInput(value) !== undefined : !Number.isNaN(value.getTime())))
	.transform((value) => (typeof value === 'string' ? parseDateInput(value)! : toIsoDate(value)));

/**
 * The frontmatter of one version of a controlled document (AUTHORING.md, binding).
 * Unknown fields are rejected so that a typo never passes silently.
 */
export function documentFrontmatterSchema(options: SchemaOptions = {}) {
	const pattern = options.docNoPattern ?? DEFAULT_DOCNO_PATTERN;
	let schema = schemas.get(pattern);
	if (!schema) {
		schema = createSchema(pattern);
		schemas.set(pattern, schema);
	}
	return schema;
}

/** Building a zod schema costs far more than using one: one per docNo pattern. */
const schemas = new Map<string, ReturnType<typeof createSchema>>();

function createSchema(pattern: string) {
	const docNo = new RegExp(pattern);
	return z.strictObject({
		docNo: z.string().regex(docNo),
		title: oneLine(LIMITS.title),
		version: z.string().regex(VERSION_PATTERN),
		tier: z.literal([1, 2, 3, 4]),
		classification: z
			.string()
			.refine((value) => parseClassification(value) !== undefined)
			.transform((value) => parseClassification(value)!),
		effective: isoDateSchema,
		issuedBy: oneLine(LIMITS.text).optional(),
		approvedBy: oneLine(LIMITS.text).optional(),
		reviewedBy: oneLine(LIMITS.text).optional(),
		owner: oneLine(LIMITS.text).optional(),
		status: z.enum(['draft', 'withdrawn']).optional(),
		reviewEveryMonths: z.int().min(1).max(120).default(12),
		lastReviewed: isoDateSchema.optional(),
		controls: z.array(z.string().regex(CONTROL_ID_PATTERN)).max(LIMITS.controls).default([]),
		changes: text().max(LIMITS.changes).optional(),
		attachments: z.array(z.string().regex(ATTACHMENT_PATTERN)).default([]),
		example: z.boolean().default(false),
	});
}

export type DocumentFrontmatter = z.output<ReturnType<typeof createSchema>>;

/** One frontmatter problem, before it is placed in a file. */
export interface FieldIssue {
	/** Path into the frontmatter, e.g. `['classification']` or `['controls', 1]`. */
	path: (string | number)[];
	/** Point at the key (unknown field) or at the value. */
	target: 'key' | 'value';
	message: string;
}

/**
 * Validates frontmatter and explains every problem in Traditional Chinese: the field as written,
 * its Chinese name, the value found and what was expected. One issue per field.
 */
export function validateFrontmatter(
	data: Record<string, unknown>,
	options: SchemaOptions = {},
): { ok: true; value: DocumentFrontmatter } | { ok: false; issues: FieldIssue[] } {
	const result = documentFrontmatterSchema(options).safeParse(data);
	if (result.success) return { ok: true, value: result.data };
	const expectations = fieldExpectations(options);
	const issues: FieldIssue[] = [];
	const seen = new Set<string>();
	for (const issue of result.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				issues.push({
					path: [key],
					target: 'key',
					message: `未知的欄位「${key}」${suggestField(key, Object.keys(expectations))}；可用的欄位為 ${Object.keys(expectations).join('、')}`,
				});
			}
			continue;
		}
		const [field, index] = issue.path as (string | number)[];
		if (typeof field !== 'string') continue;
		const key = index === undefined ? field : `${field}[${index}]`;
		if (seen.has(key)) continue;
		seen.add(key);
		const spec = expectations[field] ?? { label: field, expected: '' };
		const raw = data[field];
		if (raw === undefined) {
			issues.push({ path: [field], target: 'value', message: `缺少必填欄位 ${field}（${spec.label}）；應為 ${spec.expected}` });
			continue;
		}
		const value = typeof index === 'number' && Array.isArray(raw) ? raw[index] : raw;
		issues.push({
			path: typeof index === 'number' ? [field, index] : [field],
			target: 'value',
			message: `${key}（${spec.label}）的值${describeValue(value)}無效；應為 ${spec.expected}${hint(field, value)}`,
		});
	}
	return { ok: false, issues };
}


function hint(field: string, value: unknown): string {
	if (field === 'version' && typeof value === 'number') {
		return '（未加引號的版次會被當成數字，1.10 會變成 1.1；請寫成 version: "1.10"）';
	}
	if (field === 'tier' && typeof value === 'string') return '（請寫數字，不加引號）';
	return '';
}

/** 「（是否要寫 classification？）」 for a near miss, by edit distance. */
function suggestField(key: string, known: readonly string[]): string {
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of known) {
		const d = distance(key.toLowerCase(), candidate.toLowerCase());
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return best && bestDistance <= Math.max(2, Math.floor(best.length / 4)) ? `（是否要寫 ${best}？）` : '';
}
