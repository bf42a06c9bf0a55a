import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { parseSynonymsFile } from '../../../src/lib/search/synonyms-file.ts';
import { synonymGroupSchema, synonymsFileSchema, synonymsIssues } from '../../../src/schemas/synonyms.ts';

/**
 * The synonyms file's schema (src/schemas/synonyms.ts) and its words through the one translator
 * (src/schemas/issues.ts): each wrong field or element is one Problem line at its line and column.
 */
const FILE = 'content/search/synonyms.yaml';
const lines = (source: string) => parseSynonymsFile(source, FILE).problems.map(formatProblem);

describe('synonyms schema', () => {
	it('accepts groups of two or more words, and no groups at all', () => {
		expect(synonymsFileSchema.safeParse({ groups: [['甲', '乙']] }).success).toBe(true);
		expect(synonymsFileSchema.safeParse({ groups: null }).success).toBe(true);
		expect(synonymsFileSchema.safeParse({}).success).toBe(true);
		expect(synonymGroupSchema.safeParse(['5G', '第五代行動通訊']).success).toBe(true);
	});

	it('refuses an unknown field, a group of one word, a word without letters or digits', () => {
		expect(synonymsFileSchema.safeParse({ group: [] }).success).toBe(false);
		expect(synonymGroupSchema.safeParse(['甲']).success).toBe(false);
		expect(synonymGroupSchema.safeParse(['甲', '——']).success).toBe(false);
	});

	it('is explained by the one translator: an element by its place, with its own rule', () => {
		const data = { groups: [['甲', 3]] };
		const checked = synonymGroupSchema.safeParse(data.groups[0]);
		expect(checked.success).toBe(false);
		// The word is wrong; the group's length is not explained on top of it.
		expect(synonymsIssues(checked.error!.issues, data, ['groups', 0])).toEqual([
			{
				path: ['groups', 0, 1],
				target: 'value',
				kind: 'invalid-value',
				rule: 'synonyms/invalid-word',
				message: '第 1 組同義詞的第 2 個詞「3」（數字）無效；應為 含文字或數字的詞；數字或 true/false 請加引號，例如 "5G"',
			},
		]);
	});
});

describe('synonyms file: one Problem line per wrong field, at its line and column', () => {
	it.each([
		[
			'an unknown field',
			'groups:\n  - [甲, 乙]\ngroup: []\n',
			`${FILE}:3:1  error  synonyms/unknown-field  未知的欄位「group」（是否要寫 groups？）；可用的欄位為 groups`,
		],
		[
			'groups that is not a list',
			'groups: 甲\n',
			`${FILE}:1:9  error  synonyms/invalid  groups（同義詞組）的值「甲」無效；應為 清單，每個項目是一組同義詞（例如 groups: 下一行寫 - [公文系統, 電子公文]）`,
		],
		[
			'a file that is not a mapping',
			'- [甲, 乙]\n',
			`${FILE}:1:1  error  synonyms/invalid  檔案內容應為 YAML 對應表，第一層寫 groups:，其下每行一組同義詞（例如 groups: 下一行寫 - [公文系統, 電子公文]）；收到「[["甲","乙"]]」`,
		],
		[
			'a group that is not a list',
			'groups:\n  - [甲, 乙]\n  - 資訊室\n',
			`${FILE}:3:5  error  synonyms/invalid-group  第 2 組同義詞「資訊室」無效；應為 以方括號列出、至少 2 個意思相同的詞，例如 [公文系統, 電子公文]`,
		],
		[
			'an empty group',
			'groups:\n  -\n',
			`${FILE}:2:4  error  synonyms/invalid-group  第 1 組同義詞「」（空白）無效；應為 以方括號列出、至少 2 個意思相同的詞，例如 [公文系統, 電子公文]`,
		],
		[
			'a group of one word',
			'groups:\n  - [公文系統]\n',
			`${FILE}:2:5  error  synonyms/invalid-group  第 1 組同義詞「["公文系統"]」無效（只有 1 個詞，至少要有 2 個詞）；應為 以方括號列出、至少 2 個意思相同的詞，例如 [公文系統, 電子公文]`,
		],
		[
			'a number as a word',
			'groups:\n  - [5G, 3]\n',
			`${FILE}:2:10  error  synonyms/invalid-word  第 1 組同義詞的第 2 個詞「3」（數字）無效；應為 含文字或數字的詞；數字或 true/false 請加引號，例如 "5G"`,
		],
		[
			'a lone word that is a number (its group is not explained on top)',
			'groups:\n  - [true]\n',
			`${FILE}:2:6  error  synonyms/invalid-word  第 1 組同義詞的第 1 個詞「true」無效；應為 含文字或數字的詞；數字或 true/false 請加引號，例如 "5G"`,
		],
		[
			'a word of punctuation only',
			'groups:\n  - [甲, "——"]\n',
			`${FILE}:2:9  error  synonyms/invalid-word  第 1 組同義詞的第 2 個詞「——」無效；應為 含文字或數字的詞`,
		],
	])('%s', (_name, source, line) => {
		expect(lines(source)).toEqual([line]);
	});
});
