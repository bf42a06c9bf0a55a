import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
	compareControlIds,
	controlEdition,
	loadControls,
	parseCatalogue,
	parseCrosswalk,
	type Catalogue,
} from '../../src/lib/controls.ts';
import type { Problem } from '../../src/lib/problems.ts';

const root = resolve(import.meta.dirname, '../..');
const loaded = loadControls(root);
const c2013 = loaded.c2013!;
const c2022 = loaded.c2022!;
const { crosswalk } = loaded;

/** Characters or words that only occur in Simplified Chinese or mainland usage. */
const SIMPLIFIED = ['信息', '用户', '软件', '网络', '数据', '管理员', '访问', '设备', '系统', '应用'];
const CJK = /[\u4e00-\u9fff]/;

/** ISO/IEC 27002:2022 Table B.1, as printed: 2022 control, then its 2013 controls (or New). */
const ANNEX_B = `
5.1 05.1.1 05.1.2 | 5.2 06.1.1 | 5.3 06.1.2 | 5.4 07.2.1 | 5.5 06.1.3 | 5.6 06.1.4 | 5.7 New | 5.8 06.1.5 14.1.1
5.9 08.1.1 08.1.2 | 5.10 08.1.3 08.2.3 | 5.11 08.1.4 | 5.12 08.2.1 | 5.13 08.2.2 | 5.14 13.2.1 13.2.2 13.2.3
5.15 09.1.1 09.1.2 | 5.16 09.2.1 | 5.17 09.2.4 09.3.1 09.4.3 | 5.18 09.2.2 09.2.5 09.2.6 | 5.19 15.1.1 | 5.20 15.1.2
5.21 15.1.3 | 5.22 15.2.1 15.2.2 | 5.23 New | 5.24 16.1.1 | 5.25 16.1.4 | 5.26 16.1.5 | 5.27 16.1.6 | 5.28 16.1.7
5.29 17.1.1 17.1.2 17.1.3 | 5.30 New | 5.31 18.1.1 18.1.5 | 5.32 18.1.2 | 5.33 18.1.3 | 5.34 18.1.4 | 5.35 18.2.1
5.36 18.2.2 18.2.3 | 5.37 12.1.1
6.1 07.1.1 | 6.2 07.1.2 | 6.3 07.2.2 | 6.4 07.2.3 | 6.5 07.3.1 | 6.6 13.2.4 | 6.7 06.2.2 | 6.8 16.1.2 16.1.3
7.1 11.1.1 | 7.2 11.1.2 11.1.6 | 7.3 11.1.3 | 7.4 New | 7.5 11.1.4 | 7.6 11.1.5 | 7.7 11.2.9 | 7.8 11.2.1 | 7.9 11.2.6
7.10 08.3.1 08.3.2 08.3.3 11.2.5 | 7.11 11.2.2 | 7.12 11.2.3 | 7.13 11.2.4 | 7.14 11.2.7
8.1 06.2.1 11.2.8 | 8.2 09.2.3 | 8.3 09.4.1 | 8.4 09.4.5 | 8.5 09.4.2 | 8.6 12.1.3 | 8.7 12.2.1 | 8.8 12.6.1 18.2.3
8.9 New | 8.10 New | 8.11 New | 8.12 New | 8.13 12.3.1 | 8.14 17.2.1 | 8.15 12.4.1 12.4.2 12.4.3 | 8.16 New
8.17 12.4.4 | 8.18 09.4.4 | 8.19 12.5.1 12.6.2 | 8.20 13.1.1 | 8.21 13.1.2 | 8.22 13.1.3 | 8.23 New
8.24 10.1.1 10.1.2 | 8.25 14.2.1 | 8.26 14.1.2 14.1.3 | 8.27 14.2.5 | 8.28 New | 8.29 14.2.8 14.2.9 | 8.30 14.2.7
8.31 12.1.4 14.2.6 | 8.32 12.1.2 14.2.2 14.2.3 14.2.4 | 8.33 14.3.1 | 8.34 12.7.1
`;
const annexB = new Map(
	ANNEX_B.split(/[|\n]/)
		.map((row) => row.trim().split(/\s+/))
		.filter((cells) => cells[0])
		.map(([to, ...from]) => [`A.${to}`, from[0] === 'New' ? [] : from.map((id) => `A.${id.replace(/^0/, '')}`)]),
);

const NEW_IN_2022 = ['A.5.7', 'A.5.23', 'A.5.30', 'A.7.4', 'A.8.9', 'A.8.10', 'A.8.11', 'A.8.12', 'A.8.16', 'A.8.23', 'A.8.28'];

/** Every zh/en pair in a catalogue: domains or themes, objectives, controls. */
function titles(catalogue: Catalogue): { id: string; zh: string; en: string }[] {
	return catalogue.domains.flatMap((domain) => [domain, ...(domain.objectives ?? []), ...domain.controls]);
}

/** Ids in file order: each domain, then its objectives and controls. */
function idsInFileOrder(catalogue: Catalogue): string[] {
	return catalogue.domains.flatMap((domain) => [
		domain.id,
		...(domain.objectives ? domain.objectives.flatMap((objective) => [objective.id, ...objective.controls.map((c) => c.id)]) : domain.controls.map((c) => c.id)),
	]);
}

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
		expect(c2022.domains.map((theme) => theme.en)).toEqual(['Organizational controls', 'People controls', 'Physical controls', 'Technological controls']);
	});
});

describe('the real crosswalk (ISO/IEC 27002:2022 Annex B)', () => {
	it('lists every 2022 control exactly once', () => {
		const to = crosswalk.mappings.map((m) => m.to);
		expect(to).toHaveLength(93);
		expect(new Set(to)).toEqual(new Set(c2022.controls.map((c) => c.id)));
	});

	it('carries every 2013 control into at least one 2022 control', () => {
		for (const control of c2013.controls) expect(crosswalk.to2022(control.id), control.id).not.toEqual([]);
	});

	it('gives the 11 controls new in 2022 no 2013 source, and only those', () => {
		const empty = crosswalk.mappings.filter((m) => m.from.length === 0).map((m) => m.to);
		expect(empty).toEqual(NEW_IN_2022);
		for (const id of NEW_IN_2022) expect(crosswalk.from2013(id)).toEqual([]);
	});

	it('equals the official Annex B table row for row', () => {
		expect(annexB.size).toBe(93);
		expect(new Map(crosswalk.mappings.map((m) => [m.to, m.from]))).toEqual(annexB);
	});

	it('spot checks both directions', () => {
		// Annex B maps 9.2.1 to 5.16 only; 5.18 (access rights) comes from 9.2.2, 9.2.5 and 9.2.6.
		expect(crosswalk.to2022('A.9.2.1')).toEqual(['A.5.16']);
		expect(crosswalk.from2013('A.5.18')).toEqual(['A.9.2.2', 'A.9.2.5', 'A.9.2.6']);
		expect(crosswalk.to2022('A.12.6.1')).toEqual(['A.8.8']);
		expect(crosswalk.to2022('A.5.1.1')).toEqual(['A.5.1']);
		expect(crosswalk.to2022('A.17.1.1')).toEqual(['A.5.29']);
		expect(crosswalk.to2022('A.18.2.3')).toEqual(['A.5.36', 'A.8.8']);
		expect(crosswalk.from2013('A.8.32')).toEqual(['A.12.1.2', 'A.14.2.2', 'A.14.2.3', 'A.14.2.4']);
		expect(crosswalk.from2013('A.7.10')).toEqual(['A.8.3.1', 'A.8.3.2', 'A.8.3.3', 'A.11.2.5']);
		expect(crosswalk.to2022('A.99.1.1')).toEqual([]);
	});
});

describe('controlEdition and compareControlIds', () => {
	it('tells 2013 ids (three numbers after A) from 2022 ids (two)', () => {
		expect(controlEdition('A.9.2.1')).toBe('2013');
		expect(controlEdition('A.18.2.3')).toBe('2013');
		expect(controlEdition('A.5.15')).toBe('2022');
		expect(controlEdition('A.8.34')).toBe('2022');
		for (const id of ['A.9', '9.2.1', 'A.9.2.1.1', 'A.9.x.1', 'a.5.15', 'A.05.1', '']) expect(controlEdition(id), id).toBeUndefined();
	});

	it('orders ids naturally', () => {
		expect(compareControlIds('A.5.1.2', 'A.5.1.10')).toBeLessThan(0);
		expect(compareControlIds('A.9', 'A.10')).toBeLessThan(0);
		expect(compareControlIds('A.5', 'A.5.1')).toBeLessThan(0);
		expect(compareControlIds('A.8.34', 'A.8.4')).toBeGreaterThan(0);
		expect(compareControlIds('A.5.15', 'A.5.15')).toBe(0);
		expect(['A.10.1.1', 'A.9.4.5', 'A.9.2.10', 'A.9.2.2'].sort(compareControlIds)).toEqual(['A.9.2.2', 'A.9.2.10', 'A.9.4.5', 'A.10.1.1']);
	});
});

// ───────────────────────── error paths ─────────────────────────

const FILE = 'content/controls/iso27001-2013.yaml';

/** A one-domain 2013 catalogue; line 11 is the first control's id, line 14 the second's. */
function mini2013(lines: { second?: string; extra?: string } = {}): string {
	return [
		'standard: ISO/IEC 27001:2013',
		'domains:',
		'  - id: A.5',
		'    zh: 資訊安全政策',
		'    en: Information security policies',
		'    objectives:',
		'      - id: A.5.1',
		'        zh: 資訊安全之管理指導方針',
		'        en: Management direction for information security',
		'        controls:',
		'          - id: A.5.1.1',
		'            zh: 資訊安全政策',
		'            en: Policies for information security',
		`          - id: ${lines.second ?? 'A.5.1.2'}`,
		'            zh: 資訊安全政策之審查',
		'            en: Review of the policies for information security',
		...(lines.extra === undefined ? [] : [lines.extra]),
		'',
	].join('\n');
}

function mini2022(controlIds: string[]): string {
	return [
		'standard: ISO/IEC 27001:2022',
		'themes:',
		"  - id: '5'",
		'    zh: 組織控制措施',
		'    en: Organizational controls',
		'    controls:',
		...controlIds.flatMap((id) => [`      - id: ${id}`, '        zh: 控制措施', '        en: Control']),
		'',
	].join('\n');
}

function expectOne(problems: Problem[], where: { line: number; column: number; rule: string }, ...mentions: string[]): void {
	expect(problems).toHaveLength(1);
	const [problem] = problems;
	expect(problem).toMatchObject({ file: FILE, severity: 'error', ...where });
	expect(problem!.message).toMatch(CJK);
	for (const text of mentions) expect(problem!.message).toContain(text);
}

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
		['a key written twice', mini2013().replace('            en: Policies', '            zh: 重複\n            en: Policies'), 13, 13, '重複'],
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

describe('parseCrosswalk', () => {
	const mini13 = parseCatalogue(mini2013(), 'a.yaml', '2013').catalogue!;
	const mini22 = parseCatalogue(mini2022(['A.5.1', 'A.5.7']), 'b.yaml', '2022').catalogue!;
	const CW = 'content/controls/crosswalk-2013-2022.yaml';
	const source = (rows: string[]) =>
		['standard2013: ISO/IEC 27001:2013', 'standard2022: ISO/IEC 27001:2022', 'mappings:', ...rows, ''].join('\n');

	it('accepts a complete mini crosswalk', () => {
		const result = parseCrosswalk(source(['  - to: A.5.1', '    from: [A.5.1.1, A.5.1.2]', '  - to: A.5.7', '    from: []']), CW, mini13, mini22);
		expect(result.problems).toEqual([]);
		expect(result.to2022('A.5.1.2')).toEqual(['A.5.1']);
		expect(result.from2013('A.5.1')).toEqual(['A.5.1.1', 'A.5.1.2']);
		expect(result.from2013('A.5.7')).toEqual([]);
	});

	it('an unknown 2013 control in from', () => {
		const result = parseCrosswalk(source(['  - to: A.5.1', '    from: [A.5.1.1, A.5.1.2, A.5.1.9]', '  - to: A.5.7', '    from: []']), CW, mini13, mini22);
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]).toMatchObject({ file: CW, line: 5, column: 30, severity: 'error', rule: 'crosswalk/unknown-control' });
		expect(result.problems[0]!.message).toContain('「A.5.1.9」');
		expect(result.problems[0]!.message).toMatch(CJK);
	});

	it('an unknown 2022 control in to', () => {
		const result = parseCrosswalk(source(['  - to: A.5.1', '    from: [A.5.1.1, A.5.1.2]', '  - to: A.5.99', '    from: []']), CW, mini13, mini22);
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]).toMatchObject({ line: 6, column: 9, rule: 'crosswalk/unknown-control' });
		expect(result.problems[0]!.message).toContain('「A.5.99」');
	});

	it('a 2022 control without a row, and a 2013 control in no from list', () => {
		const result = parseCrosswalk(source(['  - to: A.5.1', '    from: [A.5.1.1]']), CW, mini13, mini22);
		expect(result.problems.map((p) => [p.line, p.rule])).toEqual([
			[3, 'crosswalk/missing-mapping'],
			[3, 'crosswalk/uncovered-control'],
		]);
		expect(result.problems[0]!.message).toContain('A.5.7');
		expect(result.problems[1]!.message).toContain('A.5.1.2');
	});
});

describe('loadControls', () => {
	it('names each missing file', () => {
		const empty = mkdtempSync(join(tmpdir(), 'controls-'));
		const result = loadControls(empty);
		expect(result.c2013).toBeUndefined();
		expect(result.crosswalk.mappings).toEqual([]);
		expect(result.problems.map((p) => [p.file, p.rule])).toEqual([
			['content/controls/iso27001-2013.yaml', 'catalogue/missing-file'],
			['content/controls/iso27001-2022.yaml', 'catalogue/missing-file'],
			['content/controls/crosswalk-2013-2022.yaml', 'catalogue/missing-file'],
		]);
	});
});
