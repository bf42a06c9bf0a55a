import type { z } from 'astro/zod';
import { distance } from 'fastest-levenshtein';
import type { Position } from '../lib/yaml-source.ts';
import { describeValue, valueAt } from '../lib/yaml-source.ts';
import type { Problem } from '../lib/problems.ts';

/**
 * The ONE translator from validation issues (zod) to what staff read: every YAML file and setting the
 * portal validates (document frontmatter, SoA versions, the Annex A catalogues and crosswalk, the portal
 * configuration in astro.config.mjs) explains a wrong field here, in Traditional Chinese: where it is,
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
}

/** The mapping at a path in the file: its fields and how a message names it (「領域 A.9 › 第 3 個控制措施」). */
export interface ItemSpec {
	fields: Record<string, FieldSpec>;
	/** Named before the message, `<where>：…`; none at a flat file's top level. */
	where?: string;
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
	for (const issue of issues) {
		const path = [...prefix, ...issue.path];
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
		const tooFew = issue.code === 'too_small' && Array.isArray(value) ? '（清單不可為空）' : '';
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
		rule: rules[issue.kind],
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
