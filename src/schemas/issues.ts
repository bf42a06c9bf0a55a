import type { z } from 'astro/zod';
import { distance } from 'fastest-levenshtein';
import type { Position } from '../lib/yaml-source.ts';
import { describeValue, valueAt } from '../lib/yaml-source.ts';
import type { Problem } from '../lib/problems.ts';

/**
 * The ONE translator from validation issues (zod) to what staff read: every YAML file and setting the
 * portal validates (document frontmatter, SoA versions, the Annex A catalogues and crosswalk, the portal
 * configuration in astro.config.mjs, the search synonyms) explains a wrong field here, in Traditional Chinese: where it is,
 * the field and its Chinese name, the value found, what was expected, and the allowed value meant when
 * one is close (「是否要寫「內部使用」？」). YAML syntax errors are explained where YAML is parsed
 * (src/lib/yaml-source.ts, pure), so every file gets the same words for them too.
 */

/** One field as explained to the document controller. */
export interface FieldSpec {
	/** Chinese name: 機密等級. */
	label: string;
	/** What is expected, in words: `public、internal … 或 公開、內部使用…`. */
	expected: string;
	/** The values staff may write, for 「是否要寫…？」 (zod enums and literals name theirs themselves). */
	values?: readonly string[];
	/** A hint for a typical mistake with this value (a number without quotes …), or ''. */
	hint?: (value: unknown) => string;
	/** A list's elements, when a message names an element by its place (「第 2 組同義詞」) rather than as `groups[1]`. */
	items?: ElementSpec;
}

/** The elements of a list field (and, through `items`, the elements of those), as explained to staff. */
export interface ElementSpec {
	/** The element's name from its index and its list's name (`''` for the field itself): 「第 2 組同義詞的第 1 個詞」. */
	name: (index: number, parent: string) => string;
	/** What an element is expected to be, in words. */
	expected: string;
	hint?: (value: unknown) => string;
	/** The rule of an invalid element, instead of the file's invalid-value rule (`synonyms/invalid-word`). */
	rule?: string;
	/** What the element's own elements are counted in, when it is a list too short: 「個詞」 (default 「項」). */
	count?: string;
	items?: ElementSpec;
}

/** The mapping at a path in the file: its fields and how a message names it (「領域 A.9 › 第 3 個控制措施」). */
export interface ItemSpec {
	fields: Record<string, FieldSpec>;
	/** Named before the message, `<where>：…`; none at a flat file's top level. */
	where?: string;
	/** What the file's top level must be, said when it is something else (a list, a text): 「檔案內容應為 YAML 對應表…」. */
	expected?: string;
}

export type IssueKind = 'unknown-field' | 'missing-field' | 'invalid-value';

/** One problem of one field, before it is placed in a file. */
export interface FieldIssue {
	/** Path into the data, e.g. `['classification']`, `['controls', 1]`, `['domains', 2, 'zh']`. */
	path: PropertyKey[];
	/** Point at the key (unknown or missing field) or at the value. */
	target: 'key' | 'value';
	kind: IssueKind;
	message: string;
	/** The rule, when the field's spec names its own (an element's `rule`); else the file's rule for `kind`. */
	rule?: string;
}

/**
 * Explains zod issues of `data` (found at `prefix` in the file) one field once, in the order zod found them.
 * `itemAt(path)` gives the fields of the mapping at a path (`[]` is the file's top level).
 */
export function explainIssues(
	issues: readonly z.core.$ZodIssue[],
	data: unknown,
	itemAt: (path: readonly PropertyKey[]) => ItemSpec,
	prefix: readonly PropertyKey[] = [],
): FieldIssue[] {
	const out: FieldIssue[] = [];
	const seen = new Set<string>();
	const lead = (where: string | undefined) => (where ? `${where}：` : '');
	const paths = issues.map((issue) => [...prefix, ...issue.path].map(String).join('\u0000'));
	for (const [index, issue] of issues.entries()) {
		const path = [...prefix, ...issue.path];
		// A list's length is explained only when its elements are right: one problem, at the element.
		if (issue.code === 'too_small' && paths.some((other) => other.startsWith(`${paths[index]!}\u0000`))) continue;
		if (path.length === 0 && issue.code === 'invalid_type') {
			const expected = itemAt(path).expected;
			if (expected) out.push({ path, target: 'value', kind: 'invalid-value', message: `${expected}；收到${describeValue(data)}` });
			continue;
		}
		if (issue.code === 'unrecognized_keys') {
			const item = itemAt(path);
			const known = Object.keys(item.fields);
			for (const key of issue.keys) {
				out.push({
					path: [...path, key],
					target: 'key',
					kind: 'unknown-field',
					message: `${lead(item.where)}未知的欄位「${key}」${suggestField(key, known)}；可用的欄位為 ${known.join('、')}`,
				});
			}
			continue;
		}
		const fieldIndex = fieldIndexOf(path, itemAt);
		if (fieldIndex === -1) continue;
		const dedupe = path.map(String).join('\u0000');
		if (seen.has(dedupe)) continue;
		seen.add(dedupe);
		const itemPath = path.slice(0, fieldIndex);
		const item = itemAt(itemPath);
		const field = String(path[fieldIndex]);
		const spec = item.fields[field] ?? { label: field, expected: '' };
		const fieldValue = valueAt(data, path.slice(0, fieldIndex + 1));
		if (fieldValue === undefined) {
			out.push({
				path: path.slice(0, fieldIndex + 1),
				target: 'key',
				kind: 'missing-field',
				message: `${lead(item.where)}缺少必填欄位 ${field}（${spec.label}）；應為 ${spec.expected}`,
			});
			continue;
		}
		const value = valueAt(data, path);
		const key = path
			.slice(fieldIndex)
			.map((segment, i) => (i === 0 ? String(segment) : `[${String(segment)}]`))
			.join('');
		const element = elementOf(spec, path.slice(fieldIndex + 1));
		const unit = element?.spec.count ?? '項';
		const tooFew =
			issue.code === 'too_small' && Array.isArray(value)
				? Number(issue.minimum) > 1
					? `（只有 ${value.length} ${unit}，至少要有 ${issue.minimum} ${unit}）`
					: '（清單不可為空）'
				: '';
		if (element) {
			out.push({
				path,
				target: 'value',
				kind: 'invalid-value',
				message: `${lead(item.where)}${element.name}${describeValue(value)}無效${tooFew}；應為 ${element.spec.expected}${element.spec.hint?.(value) ?? ''}`,
				...(element.spec.rule ? { rule: element.spec.rule } : {}),
			});
			continue;
		}
		const values = allowedValues(issue) ?? (path.length === fieldIndex + 1 || Array.isArray(fieldValue) ? spec.values : undefined);
		const meant = typeof value === 'string' || typeof value === 'number' ? nearestValue(String(value), values ?? []) : undefined;
		out.push({
			path,
			target: 'value',
			kind: 'invalid-value',
			message: `${lead(item.where)}${key}（${spec.label}）的值${describeValue(value)}無效${tooFew}；應為 ${spec.expected}${spec.hint?.(value) ?? ''}${meant !== undefined ? `；是否要寫「${meant}」？` : ''}`,
		});
	}
	return out;
}

/** Field issues as Problem lines of `file`, placed by `at` (a YamlSource's). */
export function issuesToProblems(
	issues: readonly FieldIssue[],
	file: string,
	at: (path: readonly PropertyKey[], target: 'key' | 'value') => Position,
	rules: Record<IssueKind, string>,
): Problem[] {
	return issues.map((issue) => ({
		file,
		...at(issue.path, issue.target),
		severity: 'error',
		rule: issue.rule ?? rules[issue.kind],
		message: issue.message,
	}));
}

/** The rule ids `<prefix>/unknown-field`, `<prefix>/missing-field`, `<prefix>/invalid-value`. */
export const rulesOf = (prefix: string, invalid = 'invalid-value'): Record<IssueKind, string> => ({
	'unknown-field': `${prefix}/unknown-field`,
	'missing-field': `${prefix}/missing-field`,
	'invalid-value': `${prefix}/${invalid}`,
});

/** The segment of `path` that is a field of its mapping (a list element `from[2]` belongs to its list `from`). */
function fieldIndexOf(path: readonly PropertyKey[], itemAt: (path: readonly PropertyKey[]) => ItemSpec): number {
	for (let i = path.length - 1; i >= 0; i--) {
		const segment = path[i];
		if (typeof segment === 'string' && segment in itemAt(path.slice(0, i)).fields) return i;
	}
	return path.findLastIndex((segment) => typeof segment === 'string');
}

/** The element of a list field at `rest` (the path below the field), when the field names its elements. */
function elementOf(spec: FieldSpec, rest: readonly PropertyKey[]): { name: string; spec: ElementSpec } | undefined {
	if (rest.length === 0) return undefined;
	let element: ElementSpec | undefined = spec.items;
	let name = '';
	for (const [depth, segment] of rest.entries()) {
		if (!element || typeof segment !== 'number') return undefined;
		name = element.name(segment, name);
		if (depth < rest.length - 1) element = element.items;
	}
	return element ? { name, spec: element } : undefined;
}

/** The values a zod enum or literal allows, as staff write them. */
function allowedValues(issue: z.core.$ZodIssue): string[] | undefined {
	if (issue.code === 'invalid_value') return issue.values.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
	return undefined;
}

/**
 * The allowed value a mistyped one most likely means, or undefined when none is close: a value that
 * holds or is held in an allowed one (內部 → 內部使用), else the nearest by edit distance (機秘 → 機密,
 * interal → internal), case aside.
 */
export function nearestValue(value: string, candidates: readonly string[]): string | undefined {
	const written = value.trim().toLowerCase();
	if (written === '') return undefined;
	let best: string | undefined;
	let bestScore = Infinity;
	for (const candidate of candidates) {
		const lower = candidate.toLowerCase();
		// The value as allowed, but of the wrong kind (a number, a single value for a list): nothing to suggest.
		if (candidate === value.trim()) return undefined;
		const score =
			lower.includes(written) || written.includes(lower) ? Math.abs(lower.length - written.length) / 2 : distance(written, lower);
		if (score < bestScore) {
			best = candidate;
			bestScore = score;
		}
	}
	return best !== undefined && bestScore <= Math.max(1, Math.floor([...best].length / 3)) ? best : undefined;
}

/** 「（是否要寫 classification？）」 for a near miss of a field name, by edit distance. */
export function suggestField(key: string, known: readonly string[]): string {
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of known) {
		const d = distance(key.toLowerCase(), candidate.toLowerCase());
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return best && bestDistance <= Math.max(2, Math.floor(best.length / 4)) ? `（是否要寫 ${best}？）` : '';
}
