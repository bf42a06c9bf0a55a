import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { loadSynonymsFile } from '../../src/node/synonyms.ts';
import { makeDir, makeTree, removeTempDirs } from '../unit/_helpers.ts';

/** Loading the document controller's synonyms file (src/node/synonyms.ts) from a project folder. */
afterEach(removeTempDirs);
const FILE = 'content/search/synonyms.yaml';

describe('loadSynonymsFile', () => {
	it('reads the groups; without the file only the defaults apply', () => {
		expect(loadSynonymsFile(makeTree({ [FILE]: 'groups:\n  - [公文系統, 電子公文]\n' }), FILE)).toEqual({
			groups: [['公文系統', '電子公文']],
			problems: [],
		});
		expect(loadSynonymsFile(makeTree({}), FILE)).toEqual({ groups: [], problems: [] });
	});

	it('gives each wrong field as one Problem line with its line and column, and keeps the right groups', () => {
		const root = makeTree({
			[FILE]: ['groups:', '  - [資訊室, 資訊中心]', '  - [公文系統]', '  - [5G, 3]', 'synonyms: []', ''].join('\n'),
		});
		const loaded = loadSynonymsFile(root, FILE);
		expect(loaded.problems.map(formatProblem)).toEqual([
			`${FILE}:5:1  error  synonyms/unknown-field  未知的欄位「synonyms」；可用的欄位為 groups`,
			`${FILE}:3:5  error  synonyms/invalid-group  第 2 組同義詞「["公文系統"]」無效（只有 1 個詞，至少要有 2 個詞）；應為 以方括號列出、至少 2 個意思相同的詞，例如 [公文系統, 電子公文]`,
			`${FILE}:4:10  error  synonyms/invalid-word  第 3 組同義詞的第 2 個詞「3」（數字）無效；應為 含文字或數字的詞；數字或 true/false 請加引號，例如 "5G"`,
		]);
		expect(loaded.groups).toEqual([['資訊室', '資訊中心']]);
	});

	it('a file that cannot be read is one line, not a stack', () => {
		const root = makeTree({});
		makeDir(root, FILE);
		expect(loadSynonymsFile(root, FILE).problems.map(formatProblem)).toEqual([
			`${FILE}:1:1  error  synonyms/unreadable  無法讀取同義詞檔：EISDIR；請確認它是一般文字檔`,
		]);
	});
});
