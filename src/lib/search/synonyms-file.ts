import type { Problem } from '../problems.ts';
import { parseYamlSource, valueAt } from '../yaml-source.ts';
import { issuesToProblems, rulesOf } from '../../schemas/issues.ts';
import { synonymGroupSchema, synonymsFileSchema, synonymsIssues } from '../../schemas/synonyms.ts';
import { normalizeTerm } from './text.ts';

/**
 * The document controller's synonym list, `content/search/synonyms.yaml` (format in the README and on the
 * help page 文件撰寫說明; its schema in src/schemas/synonyms.ts), added to the portal's default list:
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

/** Problem rules of the file: synonyms/unknown-field, synonyms/missing-field, synonyms/invalid (groups' own in the schema). */
const RULES = rulesOf('synonyms', 'invalid');

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
	const data = yaml.data;
	// An empty file (or only comments) adds nothing.
	if (data === undefined || data === null) return { groups: [], problems };
	const report = (issues: Parameters<typeof synonymsIssues>[0], prefix: readonly PropertyKey[]) =>
		problems.push(...issuesToProblems(synonymsIssues(issues, data, prefix), file, yaml.at, RULES));

	// The top level first, then each group on its own: every fault at once, and the right groups count.
	const top = synonymsFileSchema.safeParse(data);
	if (!top.success) report(top.error.issues, []);
	const raw = valueAt(data, ['groups']);
	const groups: string[][] = [];
	if (!Array.isArray(raw)) return { groups, problems };
	raw.forEach((group: unknown, index) => {
		const checked = synonymGroupSchema.safeParse(group);
		if (!checked.success) {
			report(checked.error.issues, ['groups', index]);
			return;
		}
		// A word written twice in a group (case and width aside) is a warning; the group counts without the repeat.
		const words: string[] = [];
		const seen = new Map<string, string>();
		checked.data.forEach((word, position) => {
			const key = normalizeTerm(word);
			const earlier = seen.get(key);
			if (earlier === undefined) {
				seen.set(key, word);
				words.push(word.trim());
				return;
			}
			problems.push({
				file,
				...yaml.at(['groups', index, position]),
				severity: 'warning',
				rule: 'synonyms/duplicate-word',
				message: `第 ${index + 1} 組同義詞中「${word}」與「${earlier}」重複；請刪除其中一個`,
			});
		});
		if (words.length >= 2) groups.push(words);
	});
	return { groups, problems };
}
