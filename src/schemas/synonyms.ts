import { z } from 'astro/zod';
import { explainIssues, type ElementSpec, type FieldIssue, type ItemSpec } from './issues.ts';

/**
 * The schema of the document controller's synonym list (`content/search/synonyms.yaml`, format in the README
 * and on the help page 文件撰寫說明), with the words each field and element is explained in:
 *
 *   groups:
 *     - [公文系統, 電子公文, 公文電子交換]
 *     - [資訊室, 資訊中心]
 *
 * The file's top level and each group are validated on their own (src/lib/search/synonyms-file.ts), so a
 * wrong group does not hide the others' faults, and the right groups still count.
 */

const EXAMPLE = '例如 groups: 下一行寫 - [公文系統, 電子公文]';

/** A word: text with at least one letter or digit (a number or true/false must be quoted). */
export const synonymWordSchema = z.string().refine((word) => /[\p{L}\p{N}]/u.test(word));

/** One group: two or more words that mean the same thing to staff. */
export const synonymGroupSchema = z.array(synonymWordSchema).min(2);

/** The file's top level: `groups`, a list (its groups are checked one by one with `synonymGroupSchema`). */
export const synonymsFileSchema = z.strictObject({ groups: z.array(z.unknown()).nullish() });

const WORD: ElementSpec = {
	name: (index, group) => `${group}的第 ${index + 1} 個詞`,
	expected: '含文字或數字的詞',
	hint: (value) => (typeof value === 'number' || typeof value === 'boolean' ? '；數字或 true/false 請加引號，例如 "5G"' : ''),
	rule: 'synonyms/invalid-word',
};

const GROUP: ElementSpec = {
	name: (index) => `第 ${index + 1} 組同義詞`,
	expected: '以方括號列出、至少 2 個意思相同的詞，例如 [公文系統, 電子公文]',
	rule: 'synonyms/invalid-group',
	count: '個詞',
	items: WORD,
};

export const SYNONYMS_FILE_SPEC: ItemSpec = {
	fields: { groups: { label: '同義詞組', expected: `清單，每個項目是一組同義詞（${EXAMPLE}）`, items: GROUP } },
	expected: `檔案內容應為 YAML 對應表，第一層寫 groups:，其下每行一組同義詞（${EXAMPLE}）`,
};

/**
 * zod issues of the synonyms schemas (found at `prefix` in the file: `[]` for the top level, `['groups', i]`
 * for a group), explained by the one translator (issues.ts): unknown fields (synonyms/unknown-field), a top
 * level or `groups` of the wrong kind (synonyms/invalid), a group (synonyms/invalid-group) or a word
 * (synonyms/invalid-word) named by its place.
 */
export function synonymsIssues(issues: readonly z.core.$ZodIssue[], data: unknown, prefix: readonly PropertyKey[] = []): FieldIssue[] {
	return explainIssues(issues, data, () => SYNONYMS_FILE_SPEC, prefix);
}
