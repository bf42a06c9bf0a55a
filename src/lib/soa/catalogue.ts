import { catalogue2013Schema, catalogue2022Schema, catalogueIssuesToProblems, type CatalogueKind } from '../../schemas/controls.ts';
import type { Problem } from '../problems.ts';
import { parseYamlSource, type Position, type YamlSource } from '../yaml-source.ts';
import { STANDARDS, type Edition } from './ids.ts';

/**
 * Annex A control catalogues (ISO/IEC 27001:2013 and :2022), read from `content/controls/`
 * (AUTHORING.md). Every fault is a Problem at the line and column where it was written, explained in
 * Traditional Chinese.
 */

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
	/** The zh title could not be checked word for word against CNS 27001: shown with the English beside it. */
	tentative?: boolean;
}

/** 「鑑別資訊」, or 「技術脆弱性之管理（Management of technical vulnerabilities）」 when the zh title is tentative. */
export function controlTitle(control: Pick<Control, 'zh' | 'en' | 'tentative'>): string {
	return control.tentative ? `${control.zh}（${control.en}）` : control.zh;
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

// ───────────────────────── YAML with positions ─────────────────────────

export interface ParsedYaml {
	data: unknown;
	at: YamlSource['at'];
	problems: Problem[];
}

export function parseYaml(source: string, file: string, rulePrefix: string): ParsedYaml {
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
	const kind: CatalogueKind = edition === '2013' ? 'catalogue-2013' : 'catalogue-2022';
	const problems: Problem[] = [];
	const seen = new Map<string, Position>();
	const problemAt = (path: readonly PropertyKey[], ruleId: string, message: string) =>
		problems.push({ file, ...parsed.at(path), severity: 'error', rule: `${rule}/${ruleId}`, message });
	/** Every id once in the file; each nested id starts with its parent's. */
	const checkId = (
		id: string,
		path: readonly PropertyKey[],
		parent?: { id: string; zh: string; prefix: string; name: string },
		name = '',
	) => {
		const idPath = [...path, 'id'];
		const first = seen.get(id);
		if (first) {
			problemAt(idPath, 'duplicate-id', `編號 ${id} 重複：第 ${first.line} 行已有 ${id}；每個編號只能出現一次`);
			return;
		}
		seen.set(id, parsed.at(idPath));
		if (parent && !id.startsWith(parent.prefix)) {
			problemAt(
				idPath,
				'misplaced-id',
				`${name} ${id} 不屬於其所在的${parent.name} ${parent.id}（${parent.zh}）：此處的編號應以「${parent.prefix}」開頭；請確認編號，或把它移到正確的${parent.name}之下`,
			);
		}
	};

	const domains: CatalogueDomain[] = [];
	const controls: Control[] = [];
	if (edition === '2013') {
		const result = catalogue2013Schema.safeParse(data);
		if (!result.success) return { problems: catalogueIssuesToProblems(kind, result.error.issues, data, parsed.at, file, rule) };
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
					inObjective.push({
						id: c.id,
						zh: c.zh,
						en: c.en,
						domain: d.id,
						domainZh: d.zh,
						domainEn: d.en,
						objective,
						...(c.tentative ? { tentative: true } : {}),
					});
				});
				domain.objectives!.push({ ...objective, controls: inObjective });
				domain.controls.push(...inObjective);
			});
			domains.push(domain);
			controls.push(...domain.controls);
		});
	} else {
		const result = catalogue2022Schema.safeParse(data);
		if (!result.success) return { problems: catalogueIssuesToProblems(kind, result.error.issues, data, parsed.at, file, rule) };
		result.data.themes.forEach((t, ti) => {
			checkId(t.id, ['themes', ti]);
			const domain: CatalogueDomain = { id: t.id, zh: t.zh, en: t.en, controls: [] };
			t.controls.forEach((c, ci) => {
				checkId(c.id, ['themes', ti, 'controls', ci], { id: t.id, zh: t.zh, prefix: `A.${t.id}.`, name: '主題' }, '控制措施');
				domain.controls.push({
					id: c.id,
					zh: c.zh,
					en: c.en,
					domain: t.id,
					domainZh: t.zh,
					domainEn: t.en,
					...(c.tentative ? { tentative: true } : {}),
				});
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
