import { describe, expect, it } from 'vitest';
import { describeValue, parseYamlSource } from '../../src/lib/yaml-source.ts';
import { readVersion } from '../../src/node/corpus.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import { mdx, versionFields } from './_helpers.ts';

/** The "billion laughs" of YAML: ten lines that stand for 10⁹ strings. */
const ALIAS_BOMB = [
	'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
	...Array.from({ length: 8 }, (_, i) => {
		const [name, previous] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
		return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
	}),
].join('\n');

describe('parseYamlSource: hostile YAML', () => {
	it('reports an alias bomb as one error at its first alias, instead of throwing "Excessive alias count"', () => {
		const yaml = parseYamlSource(ALIAS_BOMB, 2);
		expect(yaml.data).toBeUndefined();
		expect(yaml.errors).toEqual([
			{ line: 3, column: 8, message: expect.stringMatching(/^YAML 的別名（\*名稱）展開過多（超過 100 個），像是「別名炸彈」/) },
		]);
	});

	it('still resolves honest aliases', () => {
		expect(parseYamlSource('owner: &it 資訊室\nissuedBy: *it\n').data).toEqual({ owner: '資訊室', issuedBy: '資訊室' });
	});

	it('reports an alias without its anchor instead of throwing', () => {
		expect(parseYamlSource('title: *x\n').errors).toEqual([
			{ line: 1, column: 8, message: expect.stringContaining('別名 *x 找不到對應的 &x 錨點') },
		]);
	});

	it('reports a list used as a key (which Node would print a warning for)', () => {
		expect(parseYamlSource('? [a]\n: 1\n').errors).toEqual([
			{ line: 1, column: 3, message: expect.stringContaining('欄位名稱不可為清單或對應表') },
		]);
	});

	it('reports the first list or mapping key in document order, however deep, and takes an alias key as text', () => {
		const first = (yaml: string) => parseYamlSource(yaml).errors.map((e) => `${e.line}:${e.column}`);
		expect(first('a: 1\n? [b]\n: 2\n? {c: 1}\n: 3\n')).toEqual(['2:3']);
		expect(first('a:\n  - x: 1\n    ? {b: 1}\n    : 2\n')).toEqual(['3:7']);
		expect(first('a:\n  b:\n    ? [1, {c: d}]\n    : e\n')).toEqual(['3:7']);
		expect(first('list: [{? [k] : v}]\n')).toEqual(['1:11']);
		expect(first('x: [a: b, [c]: d]\n')).toEqual(['1:11']);
		expect(first('- ? [x]\n  : 1\n')).toEqual(['1:5']);
		expect(parseYamlSource('a: &x 1\n? *x\n: 2\n')).toMatchObject({ errors: [], data: { a: 1, 1: 2 } });
	});

	it('explains nesting the parser cannot follow in Chinese', () => {
		const yaml = parseYamlSource(`title: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
		expect(yaml.errors.length).toBeGreaterThan(0);
		expect(yaml.errors[0]!.message).toBe('YAML 語法錯誤：巢狀層次過深，無法讀取；入口網的資料最多只有兩三層');
	});
});

describe('describeValue', () => {
	it('quotes a long value shortened, on one line, with its length', () => {
		const described = describeValue(`${'長'.repeat(200_000)}`);
		expect(described).toBe(`「${'長'.repeat(60)}…（共 200,000 字）」`);
		expect(describeValue('第一行\n第二行')).toBe('「第一行 第二行」');
	});
});

describe('frontmatter text limits', () => {
	const read = (fields: Record<string, string>) =>
		readVersion(mdx(versionFields('ISMS-P-005', '1.0', fields)), 'x/ISMS-P-005/1.0.mdx', 'ISMS-P-005', '1.0');

	it.each([
		['title', LIMITS.title, `非空白的單行文字（不可換行），最多 ${LIMITS.title} 字`],
		['changes', LIMITS.changes, '非空白的文字，最多 5,000 字'],
		['owner', LIMITS.text, `非空白的單行文字（不可換行），最多 ${LIMITS.text} 字`],
	])('%s: %i characters pass, one more is an error with the limit and a shortened value', (field, limit, expected) => {
		expect(read({ [field]: '甲'.repeat(limit) }).problems).toEqual([]);
		const { problems } = read({ [field]: '甲'.repeat(limit + 1) });
		expect(problems).toEqual([
			{
				file: 'x/ISMS-P-005/1.0.mdx',
				line: expect.any(Number),
				column: expect.any(Number),
				severity: 'error',
				rule: 'frontmatter/invalid-value',
				message: expect.stringContaining(`應為 ${expected}`),
			},
		]);
		expect(problems[0]!.message).toContain(`（共 ${(limit + 1).toLocaleString('en-US')} 字）`);
	});

	it("the issue's 200,000-character title: one line of reasonable length", () => {
		const { problems } = read({ title: 'A'.repeat(200_000) });
		expect(problems).toHaveLength(1);
		expect(problems[0]!.message.length).toBeLessThan(200);
	});

	it('title, issuedBy, approvedBy and owner are one line: a line break would split every message that quotes them', () => {
		expect(read({ title: '"資訊安全\\n管理政策"' }).problems.map((p) => p.rule)).toEqual(['frontmatter/invalid-value']);
		expect(read({ owner: '|\n  資訊室\n  第二行' }).problems.map((p) => p.rule)).toEqual(['frontmatter/invalid-value']);
		expect(read({ changes: '|\n  1. 第一項\n  2. 第二項' }).problems).toEqual([]);
	});

	it(`controls: at most ${LIMITS.controls} items`, () => {
		const list = (n: number) => `[${Array(n).fill('A.5.1.1').join(', ')}]`;
		expect(read({ controls: list(LIMITS.controls) }).problems).toEqual([]);
		expect(read({ controls: list(LIMITS.controls + 1) }).problems.map((p) => p.rule)).toEqual(['frontmatter/invalid-value']);
	});
});
