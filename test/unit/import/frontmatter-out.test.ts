import { describe, expect, it } from 'vitest';
import type { Cover, CoverField } from '../../../src/lib/import/cover.ts';
import {
	frontmatterFromCover,
	frontmatterLines,
	guessTier,
	normalizeDocNo,
	normalizeVersion,
	tierWords,
} from '../../../src/lib/import/frontmatter-out.ts';
import { validateFrontmatter } from '../../../src/schemas/frontmatter.ts';
import { parseYamlSource } from '../../../src/lib/yaml-source.ts';

const coverOf = (fields: Partial<Record<CoverField, string>>): Cover => ({
	fields: Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value, source: 'cover', rank: 0 }])),
	consumed: new Set(),
});
const FULL = {
	docNo: 'ISMS-M-201',
	title: '資通安全維護計畫',
	version: '第1版',
	classification: '一般',
	effective: '民國113年10月18日',
	approvedBy: '校長',
	reviewedBy: '資通安全長',
	owner: '資訊組',
	lastReviewed: '113.11.01',
};

describe('normalizing cover values', () => {
	it('evens out document numbers and versions as typed on covers', () => {
		expect(normalizeDocNo(' isms－p－００５ ')).toBe('ISMS-P-005');
		expect(normalizeDocNo('ISMS–P–005')).toBe('ISMS-P-005');
		expect(['1.0', '第1.0版', 'V1.2', '2版', '1', '１．１０'].map(normalizeVersion)).toEqual(['1.0', '1.0', '1.2', '2.0', '1.0', '1.10']);
		expect(normalizeVersion('初版')).toBeUndefined();
	});

	it('guesses the tier from the kind of document the title names (its last kind word)', () => {
		expect(guessTier('資通安全維護計畫')).toBe(1);
		expect(guessTier('資訊安全政策')).toBe(1);
		expect(guessTier('文件管理程序書')).toBe(2);
		expect(guessTier('花蓮縣政府資訊安全政策與管理作業要點')).toBe(3);
		expect(guessTier('資訊資產清單')).toBe(4);
		expect(guessTier('資安宣導')).toBeUndefined();
	});
});

describe('frontmatterFromCover', () => {
	it('converts ROC dates, keeps the roles, and writes frontmatter the schema accepts', () => {
		const { data, notes } = frontmatterFromCover(coverOf(FULL), {});
		expect(data).toEqual({
			docNo: 'ISMS-M-201',
			title: '資通安全維護計畫',
			version: '1.0',
			effective: '2024-10-18',
			lastReviewed: '2024-11-01',
			classification: '一般',
			tier: 1,
			approvedBy: '校長',
			reviewedBy: '資通安全長',
			owner: '資訊組',
		});
		expect(notes).toEqual(['文件類別（tier）依文件名稱推定為 1：請確認，或以 --tier 指定']);
		const yaml = parseYamlSource(frontmatterLines(data).join('\n'));
		const checked = validateFrontmatter(yaml.data as Record<string, unknown>);
		expect(checked.ok).toBe(true);
	});

	it('lets flags take precedence over the cover', () => {
		const { data } = frontmatterFromCover(coverOf(FULL), {
			docNo: 'isms-m-009',
			version: '2.1',
			effective: '2025-01-01',
			title: '新名稱',
			tier: '2',
			lastReviewed: '114-01-02',
		});
		expect(data).toMatchObject({
			docNo: 'ISMS-M-009',
			version: '2.1',
			effective: '2025-01-01',
			title: '新名稱',
			tier: 2,
			lastReviewed: '2025-01-02',
		});
	});

	it('says, one line per field, what it could not find or use', () => {
		const { data, notes } = frontmatterFromCover(coverOf({ title: '宣導', effective: '下個月', classification: '特密' }), { tier: '7' });
		expect(notes).toEqual([
			'封面的生效日期「下個月」不是可辨識的日期：請填寫 effective，格式如 2024-10-18 或 民國113年10月18日',
			'封面的機密等級「特密」不是入口網的機密等級：已照原文寫入 classification，請改為 公開、內部使用（一般）、限閱、機密（密）之一',
			'--tier「7」無效：文件類別應為 1、2、3 或 4',
			'找不到核准（approvedBy）：若原文件有，請補填',
			'找不到審核（reviewedBy）：若原文件有，請補填',
			'找不到權責單位（owner）：若原文件有，請補填',
			'找不到最近評估檢討日期（lastReviewed）：未填時以生效日期起算審查週期，舊文件會立即顯示逾期；請填寫最後一次評估檢討的日期，或以 --last-reviewed 指定',
		]);
		expect(frontmatterLines(data)).toEqual([
			'title: 宣導',
			'# tier: 請填寫 1、2、3 或 4',
			'classification: 特密',
			'# effective: 請填寫生效日期，例如 2024-10-18',
		]);
	});

	it('quotes values YAML would misread', () => {
		const lines = frontmatterLines({ title: '政策: 總則', owner: '#資訊室', approvedBy: 'true', issuedBy: '資訊室 ' });
		const yaml = parseYamlSource(lines.join('\n')).data as Record<string, unknown>;
		expect(yaml).toEqual({ title: '政策: 總則', owner: '#資訊室', approvedBy: 'true', issuedBy: '資訊室 ' });
	});
});

describe('tierWords', () => {
	it('moves a kind the agency names for another tier (計畫 as a second-tier kind) out of its default tier', () => {
		const words = tierWords({ 2: '程序書/計畫' });
		expect(guessTier('資通安全維護計畫', words)).toBe(2);
		expect(guessTier('資訊安全政策', words)).toBe(1);
		expect(words[1]).not.toContain('計畫');
	});
});
