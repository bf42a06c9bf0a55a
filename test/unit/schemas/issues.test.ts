import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/lib/problems.ts';
import { parseSynonymsFile } from '../../../src/lib/search/synonyms-file.ts';
import { parseCatalogue } from '../../../src/lib/soa/catalogue.ts';
import { parseCrosswalk } from '../../../src/lib/soa/crosswalk.ts';
import { parseSoa } from '../../../src/lib/soa/data.ts';
import { readVersion } from '../../../src/node/corpus.ts';
import { parsePortalConfig } from '../../../src/schemas/config.ts';
import { validateFrontmatter } from '../../../src/schemas/frontmatter.ts';
import { nearestValue } from '../../../src/schemas/issues.ts';
import { c2013, c2022, crosswalk } from '../soa/_controls.ts';

/**
 * The one translator (src/schemas/issues.ts) and the one YAML explainer (src/lib/yaml-source.ts):
 * every file and setting the portal validates gets the same Traditional Chinese words.
 */

const MINIMAL = {
	docNo: 'ISMS-P-005',
	title: '資訊安全目標管理程序書',
	version: '1.0',
	tier: 2,
	classification: 'internal',
	effective: '2026-01-15',
};
const messageOf = (data: Record<string, unknown>) => {
	const result = validateFrontmatter(data);
	if (result.ok) throw new Error('expected an issue');
	expect(result.issues).toHaveLength(1);
	return result.issues[0]!.message;
};
/** The parser's English must never reach staff: no run of Latin words. */
const NO_ENGLISH = /\b[A-Za-z]+ [A-Za-z]+ [A-Za-z]+\b/;

describe('nearestValue: the allowed value a typo means', () => {
	it.each([
		['內部', ['public', 'internal', '公開', '內部使用', '限閱', '機密'], '內部使用'],
		['機秘', ['公開', '內部使用', '限閱', '機密'], '機密'],
		['interal', ['public', 'internal'], 'internal'],
		['Internal', ['public', 'internal'], 'internal'],
		['已實行', ['已實施', '部分實施', '規劃中', '未實施'], '已實施'],
		['drafts', ['draft', 'withdrawn'], 'draft'],
	])('%s → %s', (value, candidates, meant) => {
		expect(nearestValue(value, candidates)).toBe(meant);
	});

	it.each([
		['secret', ['public', 'internal', 'restricted', 'confidential']],
		['2013', ['2013', '2022']],
		['無關', ['公開', '內部使用']],
	])('%s: nothing close, or the value itself (a number for a quoted string)', (value, candidates) => {
		expect(nearestValue(value, candidates)).toBeUndefined();
	});
});

describe('「是否要寫…？」 on an enum typo, in every validated file', () => {
	it('frontmatter classification: 內部 → 內部使用', () => {
		expect(messageOf({ ...MINIMAL, classification: '內部' })).toMatch(
			/classification（機密等級）的值「內部」無效；應為 .*；是否要寫「內部使用」？$/,
		);
	});
	it('frontmatter classification: 一班 → 一般 (the government labels)', () => {
		expect(messageOf({ ...MINIMAL, classification: '一班' })).toContain('是否要寫「一般」？');
	});
	it('frontmatter status: drafts → draft', () => {
		expect(messageOf({ ...MINIMAL, status: 'drafts' })).toContain('是否要寫「draft」？');
	});
	it('frontmatter tier: 第二階 → tier: 2', () => {
		expect(messageOf({ ...MINIMAL, tier: '第二階' })).toContain('是否要寫「tier: 2」？');
	});
	it('no suggestion when nothing is close', () => {
		expect(messageOf({ ...MINIMAL, classification: 'secret' })).not.toContain('是否要寫');
	});

	it('SoA status: 已實行 → 已實施', () => {
		const source = [
			'version: "1.0"',
			'effective: 2026-01-15',
			'approvedBy: 資通安全長',
			'catalogue: "2013"',
			'controls:',
			'  A.5.1.1:',
			'    applicable: true',
			'    reasons: [風險評鑑]',
			'    status: 已實行',
			'',
		].join('\n');
		const { problems } = parseSoa(source, 'content/soa/1.0.yaml', { '2013': c2013, '2022': c2022 }, crosswalk);
		expect(problems).toEqual([
			expect.objectContaining({
				line: 9,
				column: 13,
				rule: 'soa/invalid-value',
				message: expect.stringContaining('A.5.1.1：status（實施狀態）的值「已實行」無效；應為 '),
			}),
		]);
		expect(problems[0]!.message).toMatch(/是否要寫「已實施」？$/);
	});

	it('catalogue standard: a typo of the standard → the standard', () => {
		const source = ['standard: ISO/IEC 27001:2031', 'domains: []', ''].join('\n');
		const { problems } = parseCatalogue(source, 'content/controls/iso27001-2013.yaml', '2013');
		const standard = problems.find((p) => p.line === 1)!;
		expect(standard.message).toContain('是否要寫「ISO/IEC 27001:2013」？');
	});

	it('crosswalk: an unknown field names the field meant', () => {
		const source = ['standard2013: ISO/IEC 27001:2013', 'standard2022: ISO/IEC 27001:2022', 'mapings: []', ''].join('\n');
		const { problems } = parseCrosswalk(source, 'content/controls/crosswalk.yaml', c2013, c2022);
		expect(problems).toContainEqual(
			expect.objectContaining({
				line: 3,
				column: 1,
				rule: 'crosswalk/unknown-field',
				message: expect.stringContaining('未知的欄位「mapings」（是否要寫 mappings？）'),
			}),
		);
	});

	it('portal configuration: classificationLabels: goverment → government, in Chinese, one message per option', () => {
		const result = parsePortalConfig({
			organization: '臺北市政府警察局',
			siteTitle: '資安文件入口網',
			classificationLabels: 'goverment',
			maxClasification: 'internal',
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.messages).toEqual([
			expect.stringMatching(
				/^入口網設定 ismsPortal\(\{…\}\)：classificationLabels（機密等級標示）的值「goverment」無效；應為 .*；是否要寫「government」？$/,
			),
			expect.stringMatching(/^入口網設定 ismsPortal\(\{…\}\)：未知的欄位「maxClasification」（是否要寫 maxClassification？）/),
		]);
		for (const message of result.messages) expect(message).not.toMatch(NO_ENGLISH);
	});
});

describe('YAML syntax errors: Traditional Chinese at line:column in every YAML file', () => {
	const FRONTMATTER = (line: string) =>
		[
			'---',
			'docNo: ISMS-P-005',
			'title: 資訊安全目標管理程序書',
			'version: "1.0"',
			line,
			'classification: internal',
			'effective: 2026-01-15',
			'---',
			'',
			'內文。',
			'',
		].join('\n');
	const one = (problems: Problem[]) => {
		expect(problems).toHaveLength(1);
		return problems[0]!;
	};

	it('frontmatter `tier：2`: the full-width colon, at its column, in Chinese', () => {
		const { problems } = readVersion(FRONTMATTER('tier：2'), 'content/documents/ISMS-P-005/1.0.mdx', 'ISMS-P-005', '1.0');
		expect(one(problems)).toEqual({
			file: 'content/documents/ISMS-P-005/1.0.mdx',
			line: 5,
			column: 5,
			severity: 'error',
			rule: 'frontmatter/syntax',
			message: 'YAML 語法錯誤：「tier：」用了全形冒號「：」；欄位名稱後面要寫半形冒號加空格「: 」，例如 tier: 2',
		});
	});

	it('frontmatter `title：…` on the last line, and a frontmatter of one such line', () => {
		const last = ['---', 'docNo: ISMS-P-005', 'title：資訊安全目標管理程序書', '---', '', '內文。', ''].join('\n');
		expect(one(readVersion(last, 'f.mdx', 'ISMS-P-005', '1.0').problems)).toMatchObject({
			line: 3,
			column: 6,
			message: expect.stringContaining('「title：」用了全形冒號'),
		});
		const only = ['---', 'title：資訊安全目標管理程序書', '---', '', '內文。', ''].join('\n');
		expect(one(readVersion(only, 'f.mdx', 'ISMS-P-005', '1.0').problems)).toMatchObject({
			line: 2,
			column: 6,
			message: expect.stringContaining('「title：」用了全形冒號'),
		});
	});

	it('a value with a full-width colon is fine', () => {
		const fine = FRONTMATTER('tier: 2').replace('title: 資訊安全目標管理程序書', 'title: 第一章：總則');
		expect(readVersion(fine, 'content/documents/ISMS-P-005/1.0.mdx', 'ISMS-P-005', '1.0').problems).toEqual([]);
	});

	it('SoA, catalogue, crosswalk and synonyms files: the same message at the same place', () => {
		const soa = parseSoa(
			['version: "1.0"', 'effective：2026-01-15', ''].join('\n'),
			'content/soa/1.0.yaml',
			{ '2013': c2013, '2022': c2022 },
			crosswalk,
		);
		expect(one(soa.problems)).toMatchObject({
			line: 2,
			column: 10,
			rule: 'soa/syntax',
			message: expect.stringContaining('「effective：」用了全形冒號'),
		});
		const catalogue = parseCatalogue(['standard：ISO/IEC 27001:2013', ''].join('\n'), 'c.yaml', '2013');
		expect(one(catalogue.problems)).toMatchObject({ line: 1, column: 9, message: expect.stringContaining('「standard：」用了全形冒號') });
		const walk = parseCrosswalk(
			['standard2013: ISO/IEC 27001:2013', 'standard2022：ISO/IEC 27001:2022', ''].join('\n'),
			'w.yaml',
			c2013,
			c2022,
		);
		expect(one(walk.problems)).toMatchObject({ line: 2, column: 13, message: expect.stringContaining('「standard2022：」用了全形冒號') });
		const synonyms = parseSynonymsFile(['groups：', '  - [公文系統, 電子公文]', ''].join('\n'), 'content/search/synonyms.yaml');
		expect(synonyms.problems[0]).toMatchObject({
			line: 1,
			column: 7,
			rule: 'synonyms/syntax',
			message: expect.stringContaining('「groups：」用了全形冒號'),
		});
	});

	it.each([
		['an unclosed flow list', 'controls: [A.9.2.1, A.5.15\nowner: 資訊室\n'],
		['misaligned fields', 'controls:\n  - A.9.2.1\n owner: 資訊室\n'],
		['a value starting with @', 'owner: @資訊室\n'],
		['a value starting with `', 'owner: `資訊室`\n'],
		['a list item after a mapping', 'owner: 資訊室\n- A.9.2.1\n'],
		['a directive line', 'owner: 資訊室\n%YAML 1.2\n'],
		['a bad escape in double quotes', 'owner: "C:\\q"\n'],
		['a key without colon', 'owner: 資訊室\ntier\n'],
		['two documents', 'owner: 資訊室\n---\ntier: 2\n'],
		['a mapping inside a flow list', 'controls: [a: b: c]\n'],
		['a tab as indentation', 'controls:\n\t- A.9.2.1\n'],
	])('%s: 「YAML 語法錯誤：」, Chinese only, with a position', (_name, yaml) => {
		const { problems } = parseSynonymsFile(yaml, 'content/search/synonyms.yaml');
		expect(problems.length).toBeGreaterThan(0);
		for (const problem of problems.filter((p) => p.rule === 'synonyms/syntax')) {
			expect(problem.message).toMatch(/^YAML 語法錯誤：/);
			expect(problem.message).not.toMatch(NO_ENGLISH);
			expect(problem.line).toBeGreaterThanOrEqual(1);
			expect(problem.column).toBeGreaterThanOrEqual(1);
		}
		expect(problems.some((p) => p.rule === 'synonyms/syntax')).toBe(true);
	});
});
