import { readSourceFile } from '../node/source-file.ts';
import { withFile } from './failure.ts';
import { z } from 'astro/zod';
import { text } from './schema.ts';
import { describeValue, parseYamlSource, valueAt, type Position, type YamlSource } from './yaml-source.ts';
import { sortProblems, type Problem } from './problems.ts';

/**
 * Annex A control catalogues (ISO/IEC 27001:2013 and :2022) and the 2013→2022 crosswalk
 * (ISO/IEC 27002:2022 Annex B), read from `content/controls/` (AUTHORING.md). Every fault is a
 * Problem at the line and column where it was written, explained in Traditional Chinese.
 */

export type Edition = '2013' | '2022';

export const STANDARDS: Record<Edition, string> = {
	'2013': 'ISO/IEC 27001:2013',
	'2022': 'ISO/IEC 27001:2022',
};

/** File names inside the controls folder. */
export const CONTROL_FILES = {
	'2013': 'iso27001-2013.yaml',
	'2022': 'iso27001-2022.yaml',
	crosswalk: 'crosswalk-2013-2022.yaml',
} as const;

export interface ControlObjective {
	id: string;
	zh: string;
	en: string;
}

export interface Control {
	id: string;
	zh: string;
	en: string;
	/** `A.9` for 2013 (the domain), `'5'` for 2022 (the theme). */
	domain: string;
	domainZh: string;
	domainEn: string;
	/** 2013 only: the control objective (A.9.2) the control belongs to. */
	objective?: ControlObjective;
}

export interface CatalogueDomain {
	id: string;
	zh: string;
	en: string;
	controls: Control[];
	/** 2013 only: the domain's control objectives with their controls, in file order. */
	objectives?: (ControlObjective & { controls: Control[] })[];
}

export interface Catalogue {
	edition: Edition;
	standard: string;
	/** 2013: the 14 domains A.5–A.18; 2022: the 4 themes 5–8. */
	domains: CatalogueDomain[];
	/** Every control, in file order. */
	controls: Control[];
	byId: Map<string, Control>;
}

export interface CrosswalkMapping {
	/** A 2022 control. */
	to: string;
	/** The 2013 controls it derives from; empty for a control new in 2022. */
	from: string[];
}

export interface Crosswalk {
	/** One row per 2022 control, in file order. */
	mappings: CrosswalkMapping[];
	/** The 2022 controls a 2013 control was carried into (natural order); [] when unknown. */
	to2022(id2013: string): string[];
	/** The 2013 controls a 2022 control derives from (natural order); [] when new or unknown. */
	from2013(id2022: string): string[];
}

export interface LoadedControls {
	c2013?: Catalogue;
	c2022?: Catalogue;
	/** Empty (no mappings) when a file is missing or invalid; the problems say why. */
	crosswalk: Crosswalk;
	problems: Problem[];
}

const ID_2013 = /^A\.[1-9]\d*\.[1-9]\d*\.[1-9]\d*$/;
const ID_2022 = /^A\.[1-9]\d*\.[1-9]\d*$/;

/** `'2013'` for A.n.n.n (A.9.2.1), `'2022'` for A.n.n (A.5.15), undefined for anything else. */
export function controlEdition(id: string): Edition | undefined {
	if (ID_2013.test(id)) return '2013';
	if (ID_2022.test(id)) return '2022';
	return undefined;
}

/** Natural order of control ids: A.5.1.2 < A.5.1.10, A.9 < A.10, A.5 < A.5.1. */
export function compareControlIds(a: string, b: string): number {
	const pa = a.replace(/^A\./, '').split('.');
	const pb = b.replace(/^A\./, '').split('.');
	for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
		const x = pa[i]!;
		const y = pb[i]!;
		const nx = /^\d+$/.test(x) ? Number(x) : NaN;
		const ny = /^\d+$/.test(y) ? Number(y) : NaN;
		const d = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
		if (d !== 0) return d;
	}
	return pa.length - pb.length;
}

// ───────────────────────── schemas ─────────────────────────


const catalogue2013Schema = z.strictObject({
	standard: z.literal(STANDARDS['2013']),
	domains: z
		.array(
			z.strictObject({
				id: z.string().regex(/^A\.(?:[5-9]|1[0-8])$/),
				zh: text(),
				en: text(),
				objectives: z
					.array(
						z.strictObject({
							id: z.string().regex(/^A\.[1-9]\d*\.[1-9]\d*$/),
							zh: text(),
							en: text(),
							controls: z.array(z.strictObject({ id: z.string().regex(ID_2013), zh: text(), en: text() })).min(1),
						}),
					)
					.min(1),
			}),
		)
		.min(1),
});

const catalogue2022Schema = z.strictObject({
	standard: z.literal(STANDARDS['2022']),
	themes: z
		.array(
			z.strictObject({
				id: z.string().regex(/^[5-8]$/),
				zh: text(),
				en: text(),
				controls: z.array(z.strictObject({ id: z.string().regex(ID_2022), zh: text(), en: text() })).min(1),
			}),
		)
		.min(1),
});

const crosswalkSchema = z.strictObject({
	standard2013: z.literal(STANDARDS['2013']),
	standard2022: z.literal(STANDARDS['2022']),
	mappings: z.array(z.strictObject({ to: z.string().regex(ID_2022), from: z.array(z.string().regex(ID_2013)) })).min(1),
});

/** What each list holds and what each of its fields expects, in the words shown to the document controller. */
interface ItemSpec {
	name: string;
	fields: Record<string, { label: string; expected: string }>;
}

const ZH = { label: '中文名稱', expected: '非空白的文字（臺灣用語，依 CNS 27001）' };
const EN = { label: '英文名稱', expected: '非空白的文字（ISO/IEC 27001 附錄 A 英文原文）' };

const TOP_2013: ItemSpec = {
	name: '檔案第一層',
	fields: {
		standard: { label: '標準', expected: STANDARDS['2013'] },
		domains: { label: '領域', expected: '領域（A.5–A.18）的清單，每一項有 id、zh、en、objectives' },
	},
};
const TOP_2022: ItemSpec = {
	name: '檔案第一層',
	fields: {
		standard: { label: '標準', expected: STANDARDS['2022'] },
		themes: { label: '主題', expected: "主題（'5'–'8'）的清單，每一項有 id、zh、en、controls" },
	},
};
const TOP_CROSSWALK: ItemSpec = {
	name: '檔案第一層',
	fields: {
		standard2013: { label: '舊版標準', expected: STANDARDS['2013'] },
		standard2022: { label: '新版標準', expected: STANDARDS['2022'] },
		mappings: { label: '對應', expected: '對應列的清單，每一列寫成 { to: A.5.1, from: [A.5.1.1, A.5.1.2] }' },
	},
};

const ITEMS: Record<string, ItemSpec> = {
	domains: {
		name: '領域',
		fields: {
			id: { label: '領域編號', expected: 'A.5 到 A.18 的領域編號，例如 A.9' },
			zh: ZH,
			en: EN,
			objectives: { label: '控制目標', expected: '控制目標的清單，每一項有 id、zh、en、controls' },
		},
	},
	objectives: {
		name: '控制目標',
		fields: {
			id: { label: '控制目標編號', expected: 'A.<數字>.<數字> 格式的控制目標編號，例如 A.9.2' },
			zh: ZH,
			en: EN,
			controls: { label: '控制措施', expected: '控制措施的清單，每一項有 id、zh、en' },
		},
	},
	themes: {
		name: '主題',
		fields: {
			id: { label: '主題編號', expected: "加引號的主題編號 '5'、'6'、'7' 或 '8'" },
			zh: ZH,
			en: EN,
			controls: { label: '控制措施', expected: '控制措施的清單，每一項有 id、zh、en' },
		},
	},
	'controls-2013': {
		name: '控制措施',
		fields: {
			id: { label: '控制措施編號', expected: 'A 之後三個數字的 2013 版控制措施編號，例如 A.9.2.1' },
			zh: ZH,
			en: EN,
		},
	},
	'controls-2022': {
		name: '控制措施',
		fields: {
			id: { label: '控制措施編號', expected: 'A 之後兩個數字的 2022 版控制措施編號，例如 A.5.15' },
			zh: ZH,
			en: EN,
		},
	},
	mappings: {
		name: '對應列',
		fields: {
			to: { label: '2022 版控制措施', expected: 'A 之後兩個數字的 2022 版控制措施編號，例如 A.5.15' },
			from: {
				label: '源自之 2013 版控制措施',
				expected: 'A 之後三個數字的 2013 版控制措施編號清單，例如 [A.9.2.1]；2022 版新增的控制措施寫 []',
			},
		},
	},
};

type Kind = 'catalogue-2013' | 'catalogue-2022' | 'crosswalk';

function itemSpec(kind: Kind, listKey: string | undefined): ItemSpec {
	if (listKey === undefined) return kind === 'catalogue-2013' ? TOP_2013 : kind === 'catalogue-2022' ? TOP_2022 : TOP_CROSSWALK;
	if (listKey === 'controls') return ITEMS[kind === 'catalogue-2013' ? 'controls-2013' : 'controls-2022']!;
	return ITEMS[listKey] ?? { name: listKey, fields: {} };
}

// ───────────────────────── YAML with positions ─────────────────────────

interface ParsedYaml {
	data: unknown;
	at: YamlSource['at'];
	problems: Problem[];
}

function parseYaml(source: string, file: string, rulePrefix: string): ParsedYaml {
	const yaml = parseYamlSource(source);
	const problems: Problem[] = yaml.errors.map(({ message, ...position }) => ({
		file,
		...position,
		severity: 'error',
		rule: `${rulePrefix}/syntax`,
		message,
	}));
	return { data: yaml.data, at: yaml.at, problems };
}

// ───────────────────────── zod issues → problems ─────────────────────────

/** 「領域 A.9 › 控制目標 A.9.2 › 第 3 個控制措施」 for the item holding the field at `path`. */
function describeLocation(kind: Kind, data: unknown, path: readonly PropertyKey[], fieldIsName: boolean): string {
	const parts: string[] = [];
	for (let i = 0; i + 1 < path.length; i += 2) {
		const listKey = path[i];
		const index = path[i + 1];
		if (typeof listKey !== 'string' || typeof index !== 'number') break;
		const item = valueAt(data, path.slice(0, i + 2));
		const name = itemSpec(kind, listKey).name;
		const isLast = i + 2 >= path.length - 1;
		const ownId = item && typeof item === 'object' ? (item as Record<string, unknown>)[listKey === 'mappings' ? 'to' : 'id'] : undefined;
		parts.push(typeof ownId === 'string' && ownId.trim() !== '' && !(isLast && fieldIsName) ? `${name} ${ownId}` : `第 ${index + 1} 個${name}`);
	}
	return parts.length === 0 ? '檔案第一層' : parts.join(' › ');
}

function issuesToProblems(kind: Kind, issues: readonly z.core.$ZodIssue[], data: unknown, parsed: ParsedYaml, file: string, rulePrefix: string): Problem[] {
	const problems: Problem[] = [];
	const seen = new Set<string>();
	const push = (path: readonly PropertyKey[], target: 'key' | 'value', rule: string, message: string) => {
		problems.push({ file, ...parsed.at(path, target), severity: 'error', rule: `${rulePrefix}/${rule}`, message });
	};
	for (const issue of issues) {
		const path = issue.path;
		// The item's list key: the string two segments up from a field (…, 'controls', 3, 'id').
		const containerPath = issue.code === 'unrecognized_keys' ? path : path.slice(0, -1);
		const listKey = containerPath.length >= 2 ? containerPath[containerPath.length - 2] : undefined;
		const spec = itemSpec(kind, typeof listKey === 'string' ? listKey : undefined);
		if (issue.code === 'unrecognized_keys') {
			const location = describeLocation(kind, data, [...path, ''], false);
			for (const key of issue.keys) {
				push([...path, key], 'key', 'unknown-field', `${location}：未知的欄位「${key}」；此處可用的欄位為 ${Object.keys(spec.fields).join('、')}`);
			}
			continue;
		}
		// A list element (from[2]) is reported against its list's field.
		const fieldIndex = typeof path[path.length - 1] === 'number' && typeof path[path.length - 2] === 'string' ? path.length - 2 : path.length - 1;
		const field = path[fieldIndex];
		if (typeof field !== 'string') continue;
		const fieldPath = path.slice(0, fieldIndex + 1);
		const itemPath = path.slice(0, fieldIndex);
		const fieldListKey = itemPath.length >= 2 ? itemPath[itemPath.length - 2] : undefined;
		const fieldSpec = itemSpec(kind, typeof fieldListKey === 'string' ? fieldListKey : undefined).fields[field] ?? { label: field, expected: '' };
		const key = path.slice(fieldIndex).map((s, i) => (i === 0 ? String(s) : `[${String(s)}]`)).join('');
		if (seen.has(path.map(String).join('/'))) continue;
		seen.add(path.map(String).join('/'));
		const location = describeLocation(kind, data, fieldPath, field === 'id' || field === 'to');
		const value = valueAt(data, path);
		if (value === undefined && fieldIndex === path.length - 1) {
			push(itemPath, 'value', 'missing-field', `${location}：缺少必填欄位 ${field}（${fieldSpec.label}）；應為 ${fieldSpec.expected}`);
			continue;
		}
		const hint = field === 'id' && typeof value === 'number' && kind === 'catalogue-2022' ? "（未加引號的 5 會被當成數字，請寫成 id: '5'）" : '';
		const tooFew = issue.code === 'too_small' && Array.isArray(value) ? '（清單不可為空）' : '';
		push(path, 'value', 'invalid', `${location}：${key}（${fieldSpec.label}）的值${describeValue(value)}無效${tooFew}；應為 ${fieldSpec.expected}${hint}`);
	}
	return sortProblems(problems);
}

// ───────────────────────── catalogues ─────────────────────────

/**
 * Parses one Annex A catalogue (`iso27001-2013.yaml` or `iso27001-2022.yaml`). The catalogue is
 * returned only when the file has no problems.
 */
export function parseCatalogue(source: string, file: string, edition: Edition): { catalogue?: Catalogue; problems: Problem[] } {
	const rule = 'catalogue';
	const parsed = parseYaml(source, file, rule);
	if (parsed.problems.length > 0) return { problems: parsed.problems };
	const data = parsed.data;
	const topKey = edition === '2013' ? 'domains' : 'themes';
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		return {
			problems: [
				{
					file,
					line: 1,
					column: 1,
					severity: 'error',
					rule: `${rule}/invalid`,
					message: `檔案內容應為 YAML 對應表，第一層寫 standard: ${STANDARDS[edition]} 及 ${topKey}:`,
				},
			],
		};
	}
	const kind: Kind = edition === '2013' ? 'catalogue-2013' : 'catalogue-2022';
	const problems: Problem[] = [];
	const seen = new Map<string, Position>();
	const problemAt = (path: readonly PropertyKey[], ruleId: string, message: string) =>
		problems.push({ file, ...parsed.at(path), severity: 'error', rule: `${rule}/${ruleId}`, message });
	/** Every id once in the file; each nested id starts with its parent's. */
	const checkId = (id: string, path: readonly PropertyKey[], parent?: { id: string; zh: string; prefix: string; name: string }, name = '') => {
		const idPath = [...path, 'id'];
		const first = seen.get(id);
		if (first) {
			problemAt(idPath, 'duplicate-id', `編號 ${id} 重複：第 ${first.line} 行已有 ${id}；每個編號只能出現一次`);
			return;
		}
		seen.set(id, parsed.at(idPath));
		if (parent && !id.startsWith(parent.prefix)) {
			problemAt(idPath, 'misplaced-id', `${name} ${id} 不屬於其所在的${parent.name} ${parent.id}（${parent.zh}）：此處的編號應以「${parent.prefix}」開頭；請確認編號，或把它移到正確的${parent.name}之下`);
		}
	};

	const domains: CatalogueDomain[] = [];
	const controls: Control[] = [];
	if (edition === '2013') {
		const result = catalogue2013Schema.safeParse(data);
		if (!result.success) return { problems: issuesToProblems(kind, result.error.issues, data, parsed, file, rule) };
		result.data.domains.forEach((d, di) => {
			checkId(d.id, ['domains', di]);
			const domain: CatalogueDomain = { id: d.id, zh: d.zh, en: d.en, controls: [], objectives: [] };
			d.objectives.forEach((o, oi) => {
				const objectivePath = ['domains', di, 'objectives', oi];
				checkId(o.id, objectivePath, { id: d.id, zh: d.zh, prefix: `${d.id}.`, name: '領域' }, '控制目標');
				const objective: ControlObjective = { id: o.id, zh: o.zh, en: o.en };
				const inObjective: Control[] = [];
				o.controls.forEach((c, ci) => {
					checkId(c.id, [...objectivePath, 'controls', ci], { id: o.id, zh: o.zh, prefix: `${o.id}.`, name: '控制目標' }, '控制措施');
					inObjective.push({ id: c.id, zh: c.zh, en: c.en, domain: d.id, domainZh: d.zh, domainEn: d.en, objective });
				});
				domain.objectives!.push({ ...objective, controls: inObjective });
				domain.controls.push(...inObjective);
			});
			domains.push(domain);
			controls.push(...domain.controls);
		});
	} else {
		const result = catalogue2022Schema.safeParse(data);
		if (!result.success) return { problems: issuesToProblems(kind, result.error.issues, data, parsed, file, rule) };
		result.data.themes.forEach((t, ti) => {
			checkId(t.id, ['themes', ti]);
			const domain: CatalogueDomain = { id: t.id, zh: t.zh, en: t.en, controls: [] };
			t.controls.forEach((c, ci) => {
				checkId(c.id, ['themes', ti, 'controls', ci], { id: t.id, zh: t.zh, prefix: `A.${t.id}.`, name: '主題' }, '控制措施');
				domain.controls.push({ id: c.id, zh: c.zh, en: c.en, domain: t.id, domainZh: t.zh, domainEn: t.en });
			});
			domains.push(domain);
			controls.push(...domain.controls);
		});
	}
	if (problems.length > 0) return { problems };
	return {
		catalogue: {
			edition,
			standard: STANDARDS[edition],
			domains,
			controls,
			byId: new Map(controls.map((control) => [control.id, control])),
		},
		problems,
	};
}

// ───────────────────────── crosswalk ─────────────────────────

function makeCrosswalk(mappings: CrosswalkMapping[]): Crosswalk {
	const forward = new Map<string, string[]>();
	const backward = new Map<string, string[]>();
	for (const { to, from } of mappings) {
		backward.set(to, [...new Set([...(backward.get(to) ?? []), ...from])].sort(compareControlIds));
		for (const id of from) forward.set(id, [...new Set([...(forward.get(id) ?? []), to])].sort(compareControlIds));
	}
	return {
		mappings,
		to2022: (id2013) => [...(forward.get(id2013) ?? [])],
		from2013: (id2022) => [...(backward.get(id2022) ?? [])],
	};
}

/**
 * Parses the 2013→2022 crosswalk and checks it against both catalogues: every `to` a 2022 control,
 * every `from` a 2013 control, each 2022 control listed exactly once and each 2013 control in at
 * least one `from` list (true of the official ISO/IEC 27002:2022 Annex B table). The lookups use the
 * rows whose `to` passed, with their known `from` ids.
 */
export function parseCrosswalk(source: string, file: string, c2013: Catalogue, c2022: Catalogue): Crosswalk & { problems: Problem[] } {
	const rule = 'crosswalk';
	const parsed = parseYaml(source, file, rule);
	const fail = (problems: Problem[]) => ({ ...makeCrosswalk([]), problems });
	if (parsed.problems.length > 0) return fail(parsed.problems);
	const data = parsed.data;
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		return fail([
			{
				file,
				line: 1,
				column: 1,
				severity: 'error',
				rule: `${rule}/invalid`,
				message: `檔案內容應為 YAML 對應表，第一層寫 standard2013、standard2022 及 mappings:`,
			},
		]);
	}
	const result = crosswalkSchema.safeParse(data);
	if (!result.success) return fail(issuesToProblems('crosswalk', result.error.issues, data, parsed, file, rule));

	const problems: Problem[] = [];
	const problemAt = (path: readonly PropertyKey[], ruleId: string, message: string, target: 'key' | 'value' = 'value') =>
		problems.push({ file, ...parsed.at(path, target), severity: 'error', rule: `${rule}/${ruleId}`, message });
	const mappings: CrosswalkMapping[] = [];
	const rowOf = new Map<string, number>();
	result.data.mappings.forEach((m, mi) => {
		let ok = true;
		if (!c2022.byId.has(m.to)) {
			problemAt(['mappings', mi, 'to'], 'unknown-control', `to 的「${m.to}」不是 ${c2022.standard} 附錄 A 的控制措施（共 ${c2022.controls.length} 項，見 ${CONTROL_FILES['2022']}）`);
			ok = false;
		} else if (rowOf.has(m.to)) {
			problemAt(['mappings', mi, 'to'], 'duplicate', `${m.to} 重複：第 ${rowOf.get(m.to)} 行已有 to: ${m.to}；每個 2022 版控制措施只寫一列，所有來源列在同一個 from 清單中`);
			ok = false;
		} else {
			rowOf.set(m.to, parsed.at(['mappings', mi, 'to']).line);
		}
		const from: string[] = [];
		m.from.forEach((id, fi) => {
			if (!c2013.byId.has(id)) {
				problemAt(['mappings', mi, 'from', fi], 'unknown-control', `${m.to} 的 from 中的「${id}」不是 ${c2013.standard} 附錄 A 的控制措施（共 ${c2013.controls.length} 項，見 ${CONTROL_FILES['2013']}）`);
			} else if (from.includes(id)) {
				problemAt(['mappings', mi, 'from', fi], 'duplicate', `${m.to} 的 from 中 ${id} 重複出現；每個來源只寫一次`);
			} else {
				from.push(id);
			}
		});
		if (ok) mappings.push({ to: m.to, from });
	});
	if (problems.length === 0) {
		const listed = new Set(mappings.map((m) => m.to));
		const covered = new Set(mappings.flatMap((m) => m.from));
		for (const control of c2022.controls) {
			if (!listed.has(control.id)) {
				problemAt(['mappings'], 'missing-mapping', `${c2022.standard} 的 ${control.id}（${control.zh}）沒有對應列；每個 2022 版控制措施都要寫一列，新增的控制措施寫成 { to: ${control.id}, from: [] }`, 'key');
			}
		}
		for (const control of c2013.controls) {
			if (!covered.has(control.id)) {
				problemAt(['mappings'], 'uncovered-control', `${c2013.standard} 的 ${control.id}（${control.zh}）未出現在任何 from 清單中；ISO/IEC 27002:2022 附錄 B 的對照表中每個 2013 版控制措施都有對應的 2022 版控制措施`, 'key');
			}
		}
	}
	return { ...makeCrosswalk(mappings), problems };
}

// ───────────────────────── loading ─────────────────────────

/** Reads both catalogues and the crosswalk from `<root>/<dir>`; files are reported relative to root. */
export function loadControls(root: string, dir = 'content/controls'): LoadedControls {
	const problems: Problem[] = [];
	const read = (name: string): { source?: string; file: string } => {
		const file = `${dir.replace(/\\/g, '/').replace(/\/+$/, '')}/${name}`;
		const source = readSourceFile(root, file);
		if (source.ok) return { source: source.text, file };
		problems.push(source.missing ? { ...source.problem, rule: 'catalogue/missing-file', message: `找不到控制措施檔案 ${file}` } : source.problem);
		return { file };
	};
	const catalogue = (edition: Edition): Catalogue | undefined => {
		const { source, file } = read(CONTROL_FILES[edition]);
		if (source === undefined) return undefined;
		const result = withFile(file, () => parseCatalogue(source, file, edition));
		problems.push(...result.problems);
		return result.catalogue;
	};
	const c2013 = catalogue('2013');
	const c2022 = catalogue('2022');
	const { source, file } = read(CONTROL_FILES.crosswalk);
	let crosswalk = makeCrosswalk([]);
	if (source !== undefined && c2013 && c2022) {
		const { problems: crosswalkProblems, ...parsed } = withFile(file, () => parseCrosswalk(source, file, c2013, c2022));
		problems.push(...crosswalkProblems);
		crosswalk = parsed;
	}
	return { c2013, c2022, crosswalk, problems };
}
