import type { Problem } from '../problems.ts';
import { describeValue, parseYamlSource } from '../yaml-source.ts';
import { normalizeTerm } from './text.ts';

/**
 * The document controller's synonym list, `content/search/synonyms.yaml` (format in the README and on the
 * help page 文件撰寫說明), added to the portal's default list:
 *
 *   groups:
 *     - [公文系統, 電子公文, 公文電子交換]
 *     - [資訊室, 資訊中心]
 *
 * Each group is a list of two or more words that mean the same thing to staff.
 */
export const SYNONYMS_FILE = 'content/search/synonyms.yaml';

export interface SynonymsFile {
	groups: string[][];
	problems: Problem[];
}

const EXAMPLE = '例如 groups: 下一行寫 - [公文系統, 電子公文]';

export function parseSynonymsFile(source: string, file: string): SynonymsFile {
	const yaml = parseYamlSource(source);
	const problems: Problem[] = yaml.errors.map(({ message, ...at }) => ({
		file,
		...at,
		severity: 'error',
		rule: 'synonyms/syntax',
		message,
	}));
	if (problems.length > 0) return { groups: [], problems };
	const problem = (
		path: PropertyKey[],
		rule: string,
		message: string,
		severity: Problem['severity'] = 'error',
		target: 'key' | 'value' = 'value',
	) => problems.push({ file, ...yaml.at(path, target), severity, rule, message });

	const data = yaml.data;
	// An empty file (or only comments) adds nothing.
	if (data === undefined || data === null) return { groups: [], problems };
	if (typeof data !== 'object' || Array.isArray(data)) {
		problem([], 'synonyms/invalid', `檔案內容應為 YAML 對應表，第一層寫 groups:，其下每行一組同義詞（${EXAMPLE}）`);
		return { groups: [], problems };
	}
	for (const key of Object.keys(data)) {
		if (key !== 'groups') problem([key], 'synonyms/unknown-field', `未知的欄位「${key}」；第一層只能寫 groups（同義詞組）`, 'error', 'key');
	}
	const raw = (data as Record<string, unknown>).groups;
	if (raw === undefined || raw === null) return { groups: [], problems };
	if (!Array.isArray(raw)) {
		problem(['groups'], 'synonyms/invalid', `groups（同義詞組）應為清單，每個項目是一組同義詞；收到${describeValue(raw)}（${EXAMPLE}）`);
		return { groups: [], problems };
	}
	const groups: string[][] = [];
	raw.forEach((group: unknown, index) => {
		const where = `第 ${index + 1} 組同義詞`;
		if (!Array.isArray(group)) {
			problem(
				['groups', index],
				'synonyms/invalid-group',
				`${where}應為以方括號列出的詞，例如 [公文系統, 電子公文]；收到${describeValue(group)}`,
			);
			return;
		}
		const words: string[] = [];
		const seen = new Map<string, string>();
		let valid = true;
		group.forEach((word: unknown, position) => {
			if (typeof word !== 'string' || !/[\p{L}\p{N}]/u.test(word)) {
				valid = false;
				const hint = typeof word === 'number' || typeof word === 'boolean' ? '；數字或 true/false 請加引號，例如 "5G"' : '';
				problem(
					['groups', index, position],
					'synonyms/invalid-word',
					`${where}的第 ${position + 1} 個詞${describeValue(word)}無效；應為含文字或數字的詞${hint}`,
				);
				return;
			}
			const key = normalizeTerm(word);
			const earlier = seen.get(key);
			if (earlier !== undefined) {
				problem(
					['groups', index, position],
					'synonyms/duplicate-word',
					`${where}中「${word}」與「${earlier}」重複；請刪除其中一個`,
					'warning',
				);
				return;
			}
			seen.set(key, word);
			words.push(word.trim());
		});
		if (!valid) return;
		if (words.length < 2) {
			problem(
				['groups', index],
				'synonyms/invalid-group',
				`${where}只有 ${words.length} 個詞；一組同義詞至少要有 2 個詞，例如 [公文系統, 電子公文]`,
			);
			return;
		}
		groups.push(words);
	});
	return { groups, problems };
}
