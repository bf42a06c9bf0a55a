import { normalizeTerm } from './text.ts';

/**
 * Synonyms at query time: a word of the query stands for every word of the groups it belongs to
 * (groups are not merged with each other: 事件 ~ 事故 does not make 資安事件 ~ 事故). The words also
 * serve as a dictionary when the query is cut into terms: 「通行碼長度」 is 通行碼 + 長度.
 */
export type SynonymGroups = readonly (readonly string[])[];

export interface SynonymIndex {
	/** Every alternative of a word, itself first; the word alone when it is in no group. */
	alternatives(word: string): string[];
	/** The words of all groups, normalised, longest first: the dictionary for cutting a query. */
	vocabulary: readonly string[];
}

export function synonymIndex(groups: SynonymGroups): SynonymIndex {
	const byWord = new Map<string, string[]>();
	for (const group of groups) {
		const words = [...new Set(group.map((word) => word.trim()).filter(Boolean))];
		for (const word of words) {
			const key = normalizeTerm(word);
			const known = byWord.get(key) ?? [];
			for (const other of words) if (!known.includes(other)) known.push(other);
			byWord.set(key, known);
		}
	}
	const vocabulary = [...byWord.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
	return {
		alternatives(word) {
			const key = normalizeTerm(word);
			const others = (byWord.get(key) ?? []).filter((other) => normalizeTerm(other) !== key);
			return [word, ...others];
		},
		vocabulary,
	};
}

/** No synonyms: every word stands for itself. */
export const NO_SYNONYMS: SynonymIndex = synonymIndex([]);
