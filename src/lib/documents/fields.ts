import { CLASSIFICATION_LABELS, CLASSIFICATION_PRESETS, CLASSIFICATIONS } from './classification.ts';
import { formatCount, LIMITS } from '../limits.ts';

/**
 * The frontmatter fields of a controlled document as staff see them (AUTHORING.md): the document-number
 * pattern, tiers, attachment and control-id forms, and what each field expects in words. Pure; the zod
 * schema that enforces them is src/schemas/frontmatter.ts.
 */

/** `ISMS-<capital letter>-<3 digits>` (AUTHORING.md); configurable in the portal configuration. */
export const DEFAULT_DOCNO_PATTERN = '^ISMS-[A-Z]-\\d{3}$';
export const DEFAULT_DOCNO_DESCRIPTION = 'ISMS-<大寫英文字母>-<3 位數字>，例如 ISMS-P-005';

/** File types a version may offer for download (fillable forms and their PDF): `attachments`. */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'odt', 'ods', 'odp', 'docx', 'xlsx', 'pptx', 'csv', 'txt'] as const;
/** A relative path inside the document's folder (`./assets/1.0/資產清冊.odt`): no scheme, no `/` start, no `..`, `?` or `#`. */
export const ATTACHMENT_PATTERN = new RegExp(
	`^(?!/)(?![a-z][a-z0-9+.-]*:)(?!.*(?:^|/)\\.\\.(?:/|$))[^?#\\\\]+\\.(?:${ATTACHMENT_EXTENSIONS.join('|')})$`,
	'i',
);

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
	return {
		1: configured['1'] ?? TIER_KINDS[1],
		2: configured['2'] ?? TIER_KINDS[2],
		3: configured['3'] ?? TIER_KINDS[3],
		4: configured['4'] ?? TIER_KINDS[4],
	};
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
export interface FieldExpectation {
	label: string;
	expected: string;
	/** What staff may write, for 「是否要寫…？」 on a near miss. */
	values?: readonly string[];
	/** A hint for a typical mistake with this value, or ''. */
	hint?: (value: unknown) => string;
}

export function fieldExpectations(options: SchemaOptions = {}): Record<string, FieldExpectation> {
	return {
		docNo: { label: '文件編號', expected: options.docNoDescription ?? DEFAULT_DOCNO_DESCRIPTION },
		title: { label: '文件名稱', expected: `非空白的單行文字（不可換行），最多 ${LIMITS.title} 字` },
		version: { label: '版次', expected: '加引號的「主版.次版」字串，例如 "1.0"、"1.10"', hint: versionHint },
		tier: {
			label: '文件類別',
			expected: '1、2、3 或 4（第一階 政策/手冊、第二階 程序書、第三階 作業說明/規範、第四階 表單/紀錄）',
			hint: tierHint,
		},
		classification: {
			label: '機密等級',
			expected: `${CLASSIFICATIONS.join('、')}，或 ${CLASSIFICATIONS.map((c) => CLASSIFICATION_LABELS[c]).join('、')}`,
			values: [...new Set([...CLASSIFICATIONS, ...Object.values(CLASSIFICATION_PRESETS).flatMap((labels) => Object.values(labels))])],
		},
		effective: { label: '發行/生效日期', expected: `${DATE_FORMS}，例如 2020-10-16 或 民國109年10月16日` },
		issuedBy: { label: '發行單位', expected: `非空白的單行文字（不可換行），最多 ${LIMITS.text} 字` },
		approvedBy: { label: '核准', expected: `非空白的單行文字（不可換行），最多 ${LIMITS.text} 字` },
		reviewedBy: { label: '審核', expected: `非空白的單行文字（不可換行），最多 ${LIMITS.text} 字` },
		owner: { label: '權責單位', expected: `非空白的單行文字（不可換行），最多 ${LIMITS.text} 字` },
		status: { label: '狀態', expected: 'draft（草稿）或 withdrawn（廢止）；已核准的版次不寫此欄' },
		reviewEveryMonths: { label: '審查週期（月）', expected: '1 到 120 之間的整數，預設 12' },
		lastReviewed: { label: '最近評估檢討日期', expected: DATE_FORMS },
		controls: {
			label: '對應控制措施',
			expected: `Annex A 控制措施編號的清單（最多 ${LIMITS.controls} 項），例如 A.9.2.1（2013 版）或 A.5.15（2022 版）`,
		},
		changes: { label: '修訂說明', expected: `非空白的文字，最多 ${formatCount(LIMITS.changes)} 字` },
		attachments: {
			label: '附件',
			expected: `本文件資料夾內檔案的相對路徑清單，例如 ./assets/1.0/資訊資產清冊.odt（可用 ${ATTACHMENT_EXTENSIONS.join('、')}）`,
		},
		example: { label: '範例文件', expected: 'true 或 false' },
	};
}

/** The date forms frontmatter accepts, as explained to authors. */
export const DATE_FORMS = '實際存在的日期，寫成 YYYY-MM-DD、民國113年10月18日，或民國年三位數的 113-10-18、113.10.18';

/** A version written as a number loses its trailing zero: 1.10 becomes 1.1. */
function versionHint(value: unknown): string {
	return typeof value === 'number' ? '（未加引號的版次會被當成數字，1.10 會變成 1.1；請寫成 version: "1.10"）' : '';
}

const TIER_NUMERALS: Record<string, 1 | 2 | 3 | 4> = {
	一: 1,
	二: 2,
	三: 3,
	四: 4,
	壹: 1,
	貳: 2,
	參: 3,
	肆: 4,
	'1': 1,
	'2': 2,
	'3': 3,
	'4': 4,
};

/** `tier: "2"` or `tier: 第二階`: the number meant. */
function tierHint(value: unknown): string {
	if (typeof value !== 'string') return '';
	const numerals = [...new Set([...value].map((c) => TIER_NUMERALS[c]).filter((n) => n !== undefined))];
	return numerals.length === 1 ? `（請寫數字，不加引號）；是否要寫「tier: ${numerals[0]}」？` : '（請寫數字，不加引號）';
}
