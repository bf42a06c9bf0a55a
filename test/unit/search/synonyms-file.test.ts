import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { parseSynonymsFile } from '../../../src/lib/search/synonyms-file.ts';

const FILE = 'content/search/synonyms.yaml';
const lines = (source: string) => parseSynonymsFile(source, FILE).problems.map(formatProblem);

describe('parseSynonymsFile', () => {
	it('reads groups written in flow or block style', () => {
		const source = 'groups:\n  - [公文系統, 電子公文]\n  -\n    - 資訊室\n    - 資訊中心\n';
		expect(parseSynonymsFile(source, FILE)).toEqual({
			groups: [
				['公文系統', '電子公文'],
				['資訊室', '資訊中心'],
			],
			problems: [],
		});
	});

	it('accepts an empty file or one with comments only', () => {
		expect(parseSynonymsFile('# 尚無自訂同義詞\n', FILE)).toEqual({ groups: [], problems: [] });
		expect(parseSynonymsFile('groups:\n', FILE)).toEqual({ groups: [], problems: [] });
	});

	it('reports each fault at its line and column, in Traditional Chinese', () => {
		const source = ['groups:', '  - [公文系統]', '  - 資訊室', '  - [5G, 3]', '  - [甲, 乙, 甲]', 'group: []'].join('\n');
		expect(lines(source).sort()).toEqual([
			`${FILE}:2:5  error  synonyms/invalid-group  第 1 組同義詞「["公文系統"]」無效（只有 1 個詞，至少要有 2 個詞）；應為 以方括號列出、至少 2 個意思相同的詞，例如 [公文系統, 電子公文]`,
			`${FILE}:3:5  error  synonyms/invalid-group  第 2 組同義詞「資訊室」無效；應為 以方括號列出、至少 2 個意思相同的詞，例如 [公文系統, 電子公文]`,
			`${FILE}:4:10  error  synonyms/invalid-word  第 3 組同義詞的第 2 個詞「3」（數字）無效；應為 含文字或數字的詞；數字或 true/false 請加引號，例如 "5G"`,
			`${FILE}:5:12  warning  synonyms/duplicate-word  第 4 組同義詞中「甲」與「甲」重複；請刪除其中一個`,
			`${FILE}:6:1  error  synonyms/unknown-field  未知的欄位「group」（是否要寫 groups？）；可用的欄位為 groups`,
		]);
		// The valid group with a repeated word still counts, without the repeat.
		expect(parseSynonymsFile(source, FILE).groups).toEqual([['甲', '乙']]);
	});

	it('reports YAML syntax errors (each fault of the schema: test/unit/schemas/synonyms.test.ts)', () => {
		expect(lines('groups: [甲, 乙\n')[0]).toMatch(new RegExp(`^${FILE}:\\d+:\\d+  error  synonyms/syntax  YAML 語法錯誤`));
	});
});
