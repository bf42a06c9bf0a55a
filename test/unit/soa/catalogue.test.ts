import { describe, it, expect } from 'vitest';
import { parseCatalogue } from '../../../src/lib/soa/catalogue.ts';
import { compareControlIds } from '../../../src/lib/soa/ids.ts';
import { c2013, c2022, CJK, expectOne, FILE, idsInFileOrder, loaded, mini2013, mini2022, SIMPLIFIED, titles } from './_controls.ts';

describe('the real catalogues in content/controls', () => {
	it('load without problems', () => {
		expect(loaded.problems).toEqual([]);
		expect(c2013.standard).toBe('ISO/IEC 27001:2013');
		expect(c2022.standard).toBe('ISO/IEC 27001:2022');
	});

	it('2013: 14 domains A.5–A.18 with the official control counts, 35 objectives, 114 controls', () => {
		const counts = Object.fromEntries(c2013.domains.map((domain) => [domain.id, domain.controls.length]));
		expect(counts).toEqual({
			'A.5': 2,
			'A.6': 7,
			'A.7': 6,
			'A.8': 10,
			'A.9': 14,
			'A.10': 2,
			'A.11': 15,
			'A.12': 14,
			'A.13': 7,
			'A.14': 13,
			'A.15': 5,
			'A.16': 7,
			'A.17': 4,
			'A.18': 8,
		});
		expect(c2013.domains.map((domain) => domain.id)).toEqual(Array.from({ length: 14 }, (_, i) => `A.${i + 5}`));
		expect(c2013.domains.flatMap((domain) => domain.objectives ?? [])).toHaveLength(35);
		expect(c2013.controls).toHaveLength(114);
		expect(c2013.byId.size).toBe(114);
	});

	it('2022: themes 5–8 with 37, 8, 14 and 34 controls, numbered without gaps, 93 in all', () => {
		expect(c2022.domains.map((theme) => [theme.id, theme.controls.length])).toEqual([
			['5', 37],
			['6', 8],
			['7', 14],
			['8', 34],
		]);
		for (const theme of c2022.domains) {
			expect(theme.controls.map((c) => c.id)).toEqual(theme.controls.map((_, i) => `A.${theme.id}.${i + 1}`));
		}
		expect(c2022.controls).toHaveLength(93);
		expect(c2022.byId.size).toBe(93);
	});

	it.each([
		['2013', () => c2013],
		['2022', () => c2022],
	])('%s: ids are unique and in natural order within the file', (_edition, catalogue) => {
		const ids = idsInFileOrder(catalogue());
		expect(new Set(ids).size).toBe(ids.length);
		for (let i = 1; i < ids.length; i++) {
			expect(compareControlIds(ids[i - 1]!, ids[i]!), `${ids[i - 1]} before ${ids[i]}`).toBeLessThan(0);
		}
	});

	it.each([
		['2013', () => c2013],
		['2022', () => c2022],
	])('%s: every title has Traditional Chinese zh and English en, no Simplified-only words', (_edition, catalogue) => {
		for (const { id, zh, en } of titles(catalogue())) {
			expect(zh.trim(), id).not.toBe('');
			expect(en.trim(), id).not.toBe('');
			expect(zh, id).toBe(zh.trim());
			expect(en, id).toBe(en.trim());
			expect(zh, id).toMatch(CJK);
			expect(en, id).not.toMatch(CJK);
			for (const word of SIMPLIFIED) expect(zh.includes(word), `${id} ${zh} contains ${word}`).toBe(false);
		}
	});

	it('controls know their domain, objective and titles', () => {
		expect(c2013.byId.get('A.9.2.1')).toEqual({
			id: 'A.9.2.1',
			zh: '使用者註冊及註銷',
			en: 'User registration and de-registration',
			domain: 'A.9',
			domainZh: '存取控制',
			domainEn: 'Access control',
			objective: { id: 'A.9.2', zh: '使用者存取管理', en: 'User access management' },
		});
		expect(c2013.byId.get('A.12.6.1')).toMatchObject({ zh: '技術脆弱性之管理', en: 'Management of technical vulnerabilities' });
		expect(c2013.byId.get('A.5.1.1')).toMatchObject({ zh: '資訊安全政策', en: 'Policies for information security' });
		expect(c2022.byId.get('A.5.15')).toEqual({
			id: 'A.5.15',
			zh: '存取控制',
			en: 'Access control',
			domain: '5',
			domainZh: '組織控制措施',
			domainEn: 'Organizational controls',
		});
		expect(c2022.byId.get('A.8.8')).toMatchObject({ zh: '技術脆弱性之管理', en: 'Management of technical vulnerabilities' });
		expect(c2022.byId.get('A.8.20')).toMatchObject({ en: 'Networks security' });
		expect(c2022.domains.map((theme) => theme.en)).toEqual([
			'Organizational controls',
			'People controls',
			'Physical controls',
			'Technological controls',
		]);
	});
});

// ───────────────────────── error paths ─────────────────────────

describe('parseCatalogue reports each fault once, where it was written', () => {
	it('accepts the mini catalogue', () => {
		const result = parseCatalogue(mini2013(), FILE, '2013');
		expect(result.problems).toEqual([]);
		expect(result.catalogue?.controls.map((c) => c.id)).toEqual(['A.5.1.1', 'A.5.1.2']);
	});

	it('a duplicate id', () => {
		const { catalogue, problems } = parseCatalogue(mini2013({ second: 'A.5.1.1' }), FILE, '2013');
		expect(catalogue).toBeUndefined();
		expectOne(problems, { line: 14, column: 17, rule: 'catalogue/duplicate-id' }, 'A.5.1.1', '第 11 行', '重複');
	});

	it('a control id outside its domain', () => {
		const { catalogue, problems } = parseCatalogue(mini2013({ second: 'A.6.1.2' }), FILE, '2013');
		expect(catalogue).toBeUndefined();
		expectOne(problems, { line: 14, column: 17, rule: 'catalogue/misplaced-id' }, 'A.6.1.2', 'A.5.1', '「A.5.1.」');
	});

	it('a 2022 control id outside its theme', () => {
		const { problems } = parseCatalogue(mini2022(['A.5.1', 'A.6.2']), FILE, '2022');
		expectOne(problems, { line: 10, column: 13, rule: 'catalogue/misplaced-id' }, 'A.6.2', '主題 5', '「A.5.」');
	});

	it('an id of the wrong form', () => {
		const { problems } = parseCatalogue(mini2013({ second: 'A.5.1' }), FILE, '2013');
		expectOne(problems, { line: 14, column: 17, rule: 'catalogue/invalid' }, 'id', '「A.5.1」', 'A.9.2.1');
	});

	it('an unknown key', () => {
		const { problems } = parseCatalogue(mini2013({ extra: '            note: 備註' }), FILE, '2013');
		expectOne(problems, { line: 17, column: 13, rule: 'catalogue/unknown-field' }, '「note」', 'id、zh、en');
	});

	it('a missing field', () => {
		const source = mini2013().replace('            zh: 資訊安全政策之審查\n', '');
		const { problems } = parseCatalogue(source, FILE, '2013');
		expectOne(problems, { line: 14, column: 13, rule: 'catalogue/missing-field' }, 'zh', '中文名稱');
	});

	it('an unquoted 2022 theme id', () => {
		const { problems } = parseCatalogue(mini2022(['A.5.1']).replace("id: '5'", 'id: 5'), FILE, '2022');
		expectOne(problems, { line: 3, column: 9, rule: 'catalogue/invalid' }, "id: '5'");
	});

	it('the other edition’s standard', () => {
		const { problems } = parseCatalogue(mini2013(), FILE, '2022');
		expect(problems.map((p) => [p.line, p.column, p.rule])).toEqual([
			[1, 1, 'catalogue/missing-field'],
			[1, 11, 'catalogue/invalid'],
			[2, 1, 'catalogue/unknown-field'],
		]);
	});

	it.each([
		['an unclosed quote', mini2013().replace('zh: 資訊安全政策之審查', 'zh: "資訊安全政策之審查'), 15, 17, '引號'],
		['a tab in the indentation', mini2013().replace('            en: Review', '\t           en: Review'), 16, 1, 'Tab'],
		[
			'a key written twice',
			mini2013().replace('            en: Policies', '            zh: 重複\n            en: Policies'),
			13,
			13,
			'重複',
		],
		['a colon and space inside a value', mini2013().replace('zh: 資訊安全政策之審查', 'zh: 審查: 政策'), 15, 17, '引號'],
	])('a YAML syntax error: %s', (_name, source, line, column, mention) => {
		const { catalogue, problems } = parseCatalogue(source, FILE, '2013');
		expect(catalogue).toBeUndefined();
		expectOne(problems, { line, column, rule: 'catalogue/syntax' }, 'YAML 語法錯誤', mention);
	});

	it('an empty file', () => {
		expectOne(parseCatalogue('', FILE, '2013').problems, { line: 1, column: 1, rule: 'catalogue/invalid' }, 'standard');
	});
});

describe('tentative zh titles (CNS 27001 wording not confirmed)', () => {
	it('are shown with the English beside them, never re-translated', async () => {
		const { controlTitle } = await import('../../../src/lib/soa/catalogue.ts');
		const a88 = c2022.byId.get('A.8.8')!;
		expect(a88.tentative).toBe(true);
		expect(controlTitle(a88)).toBe('技術脆弱性之管理（Management of technical vulnerabilities）');
		expect(controlTitle(c2022.byId.get('A.5.17')!)).toBe('鑑別資訊');
		expect(c2022.controls.filter((c) => c.tentative).map((c) => c.id)).toEqual(['A.5.24', 'A.5.31', 'A.8.8']);
	});

	it('tentative must be a boolean', () => {
		const { problems } = parseCatalogue(
			mini2022(['A.5.1']).replace('        en: Control\n', '        en: Control\n        tentative: 是\n'),
			'b.yaml',
			'2022',
		);
		expect(problems.map((p) => p.rule)).toEqual(['catalogue/invalid']);
		expect(problems[0]!.message).toContain('tentative（中文名稱待確認）');
	});
});
