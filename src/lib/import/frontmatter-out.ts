import { parseClassification } from '../documents/classification.ts';
import { parseDateInput } from '../documents/dates.ts';
import { VERSION_PATTERN } from '../documents/version.ts';
import type { Cover, CoverField } from './cover.ts';

/** The flags of `npm run import`; each takes precedence over what the file says. */
export interface ImportFlags {
	docNo?: string;
	version?: string;
	effective?: string;
	title?: string;
	tier?: string;
	lastReviewed?: string;
}

export interface Frontmatter {
	docNo?: string;
	title?: string;
	version?: string;
	tier?: number;
	classification?: string;
	effective?: string;
	issuedBy?: string;
	approvedBy?: string;
	reviewedBy?: string;
	owner?: string;
	lastReviewed?: string;
}

/** `ISMS－P－001`, `isms-p-001 ` → `ISMS-P-001`: full-width forms, dash variants and case evened out. */
export function normalizeDocNo(value: string): string {
	return value
		.normalize('NFKC')
		.trim()
		.replace(/[\u2010-\u2015\u2212\uff0d]/g, '-')
		.replace(/\s+/g, '')
		.toUpperCase();
}

/** `1.0`, `第1.0版`, `V1.0`, `1版`, `1` → `1.0`; undefined when there is no number. */
export function normalizeVersion(value: string): string | undefined {
	const match = /(\d+)(?:\.(\d+))?/.exec(value.normalize('NFKC'));
	if (!match) return undefined;
	const version = `${Number(match[1])}.${match[2] === undefined ? '0' : String(Number(match[2]))}`;
	return VERSION_PATTERN.test(version) ? version : undefined;
}

/**
 * 文件類別 from the title's kind of document (the agency's tier names): 政策/手冊/計畫 first tier,
 * 程序書 second, 作業說明/規範/要點/辦法/守則 third, 表單/紀錄 fourth. Undefined when the title
 * names none of them.
 */
export function guessTier(title: string, kinds: Readonly<Record<number, readonly string[]>> = DEFAULT_TIER_WORDS): number | undefined {
	let best: { tier: number; at: number } | undefined;
	for (const [tier, words] of Object.entries(kinds)) {
		for (const word of words) {
			const at = title.lastIndexOf(word);
			if (at >= 0 && (!best || at + word.length > best.at)) best = { tier: Number(tier), at: at + word.length };
		}
	}
	return best?.tier;
}

export const DEFAULT_TIER_WORDS: Readonly<Record<number, readonly string[]>> = {
	1: ['政策', '手冊', '計畫', '計劃'],
	2: ['程序書', '程序'],
	3: ['作業說明', '說明書', '規範', '要點', '辦法', '守則', '細則', '標準', '指引', '規定'],
	4: ['表單', '紀錄', '記錄', '清單', '表'],
};

/**
 * Kind words per tier with the agency's configured tier kinds (`{ 2: '程序書/計畫' }`): a configured
 * word counts for its tier only, on top of the defaults.
 */
export function tierWords(configured: Partial<Record<'1' | '2' | '3' | '4', string>> = {}): Record<number, string[]> {
	const extra = Object.fromEntries(
		Object.entries(configured).map(([tier, kinds]) => [
			tier,
			(kinds ?? '')
				.split(/[/、,，]/)
				.map((w) => w.trim())
				.filter(Boolean),
		]),
	);
	const claimed = new Set(Object.values(extra).flat());
	return Object.fromEntries(
		[1, 2, 3, 4].map((tier) => [tier, [...(extra[String(tier)] ?? []), ...DEFAULT_TIER_WORDS[tier]!.filter((w) => !claimed.has(w))]]),
	);
}

const LABELS: Record<CoverField, string> = {
	docNo: '文件編號',
	title: '文件名稱',
	classification: '機密等級',
	version: '版次',
	effective: '生效日期',
	approvedBy: '核准',
	reviewedBy: '審核',
	owner: '權責單位',
	issuedBy: '發行單位',
	lastReviewed: '最近評估檢討日期',
};

const SOURCES = { cover: '封面', header: '頁首', properties: '文件屬性' } as const;

/**
 * The frontmatter of an imported version: flags first, then the cover. Returns the fields and one
 * line per field that was not found or could not be used (what staff must fill in by hand).
 */
export function frontmatterFromCover(
	cover: Cover,
	flags: ImportFlags,
	kinds: Readonly<Record<number, readonly string[]>> = DEFAULT_TIER_WORDS,
): { data: Frontmatter; notes: string[] } {
	const data: Frontmatter = {};
	const notes: string[] = [];
	const from = (field: CoverField) => cover.fields[field];
	const said = (field: CoverField) => {
		const found = from(field);
		return found ? `${SOURCES[found.source]}的${LABELS[field]}「${found.value}」` : '';
	};

	const docNo = flags.docNo ?? from('docNo')?.value;
	if (docNo) data.docNo = normalizeDocNo(docNo);
	const title = flags.title ?? from('title')?.value;
	if (title) data.title = title.replace(/[\s\u3000]+/g, ' ').trim();
	const version = flags.version ?? from('version')?.value;
	if (version) {
		const normalized = normalizeVersion(version);
		if (normalized) data.version = normalized;
	}

	const effective = flags.effective ?? from('effective')?.value;
	if (effective === undefined)
		notes.push('找不到生效日期（effective）：請在檔頭填寫 effective，或以 --effective 指定，例如 --effective 113-10-18');
	else {
		const iso = parseDateInput(effective, true);
		if (iso) data.effective = iso;
		else
			notes.push(
				`${flags.effective ? `--effective「${effective}」` : said('effective')}不是可辨識的日期：請填寫 effective，格式如 2024-10-18 或 民國113年10月18日`,
			);
	}

	const reviewed = flags.lastReviewed ?? from('lastReviewed')?.value;
	if (reviewed !== undefined) {
		const iso = parseDateInput(reviewed, true);
		if (iso) data.lastReviewed = iso;
		else notes.push(`最近評估檢討日期「${reviewed}」不是可辨識的日期：請填寫 lastReviewed`);
	}

	const classification = from('classification')?.value;
	if (classification === undefined)
		notes.push('找不到機密等級（classification）：請依原文件填寫 classification（公開、內部使用或一般、限閱、機密或密）');
	else if (parseClassification(classification) === undefined) {
		notes.push(
			`${said('classification')}不是入口網的機密等級：已照原文寫入 classification，請改為 公開、內部使用（一般）、限閱、機密（密）之一`,
		);
		data.classification = classification;
	} else data.classification = classification;

	if (flags.tier !== undefined) {
		const tier = Number(flags.tier);
		if ([1, 2, 3, 4].includes(tier)) data.tier = tier;
		else notes.push(`--tier「${flags.tier}」無效：文件類別應為 1、2、3 或 4`);
	} else if (data.title) {
		const tier = guessTier(data.title, kinds);
		if (tier) {
			data.tier = tier;
			notes.push(`文件類別（tier）依文件名稱推定為 ${tier}：請確認，或以 --tier 指定`);
		} else notes.push('無法由文件名稱判斷文件類別（tier）：請填寫 tier（1、2、3 或 4），或以 --tier 指定');
	}

	for (const field of ['approvedBy', 'reviewedBy', 'owner', 'issuedBy'] as const) {
		const value = from(field)?.value;
		if (value) data[field] = value;
		else if (field !== 'issuedBy') notes.push(`找不到${LABELS[field]}（${field}）：若原文件有，請補填`);
	}
	if (data.lastReviewed === undefined) {
		notes.push(
			'找不到最近評估檢討日期（lastReviewed）：未填時以生效日期起算審查週期，舊文件會立即顯示逾期；請填寫最後一次評估檢討的日期，或以 --last-reviewed 指定',
		);
	}
	return { data, notes };
}

/** A YAML scalar: plain when YAML reads it back as the same string, else double-quoted. */
function scalar(value: string): string {
	const plain =
		/^[^\s\-?:,[\]{}#&*!|>'"%@`0-9][^:#\n]*$/u.test(value) && !/\s$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value);
	return plain ? value : JSON.stringify(value);
}

const ORDER = [
	'docNo',
	'title',
	'version',
	'tier',
	'classification',
	'effective',
	'issuedBy',
	'approvedBy',
	'reviewedBy',
	'owner',
	'lastReviewed',
] as const;
const REQUIRED_HINT: Partial<Record<(typeof ORDER)[number], string>> = {
	tier: '# tier: 請填寫 1、2、3 或 4',
	classification: '# classification: 請填寫機密等級',
	effective: '# effective: 請填寫生效日期，例如 2024-10-18',
};

/** Frontmatter lines (without the `---` fences); missing required fields as commented hints. */
export function frontmatterLines(data: Frontmatter): string[] {
	const lines: string[] = [];
	for (const key of ORDER) {
		const value = data[key];
		if (value === undefined) {
			const hint = REQUIRED_HINT[key];
			if (hint) lines.push(hint);
			continue;
		}
		if (key === 'version') lines.push(`version: "${value}"`);
		else if (typeof value === 'number') lines.push(`${key}: ${value}`);
		else if (key === 'effective' || key === 'lastReviewed') lines.push(`${key}: ${value}`);
		else lines.push(`${key}: ${scalar(String(value))}`);
	}
	return lines;
}
