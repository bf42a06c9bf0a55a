import type { Catalogue } from './catalogue.ts';
import { compareControlIds, controlEdition, STANDARDS, type Edition } from './ids.ts';

/**
 * What the checker needs of the Annex A catalogues to judge a control id written in a document
 * (`A.9.2.1` in text or in `controls`): the shape of an id tells its edition (three numbers after A:
 * ISO/IEC 27001:2013, two: :2022, src/lib/soa/ids.ts), and the id is checked against that edition's
 * catalogue, whichever SoA is in force (AUTHORING.md: either catalogue's ids are valid).
 */
export interface KnownControls {
	editions: Partial<Record<Edition, EditionControls>>;
}

export interface EditionControls {
	standard: string;
	ids: ReadonlySet<string>;
	/** 2013 control objectives (A.9.2): written where a control is expected, they are named as such. */
	objectives: ReadonlyMap<string, string>;
	/** Domains (2013: A.5 … A.18) or themes (2022: A.5 … A.8), in order. */
	domains: readonly string[];
	count: number;
}

/** The editions of the catalogues that loaded; one missing is not checked. */
export function knownControls(catalogues: readonly (Catalogue | undefined)[]): KnownControls {
	const editions: KnownControls['editions'] = {};
	for (const catalogue of catalogues) {
		if (!catalogue) continue;
		const objectives = new Map<string, string>();
		for (const domain of catalogue.domains)
			for (const objective of domain.objectives ?? []) objectives.set(objective.id, objective.controls[0]?.id ?? '');
		const domains = [...new Set(catalogue.controls.map((c) => c.id.split('.').slice(0, 2).join('.')))].sort(compareControlIds);
		editions[catalogue.edition] = {
			standard: catalogue.standard,
			ids: new Set(catalogue.byId.keys()),
			objectives,
			domains,
			count: catalogue.controls.length,
		};
	}
	return { editions };
}

/**
 * Why `id` is no Annex A control, in Traditional Chinese and naming the standard its shape belongs to,
 * or undefined when it is one (or its edition's catalogue is not loaded).
 */
export function unknownControl(id: string, known: KnownControls): string | undefined {
	const edition = controlEdition(id);
	if (!edition) return `不是附錄 A 控制措施的編號（${STANDARDS['2013']} 如 A.9.2.1，${STANDARDS['2022']} 如 A.5.15）`;
	const controls = known.editions[edition];
	if (!controls || controls.ids.has(id)) return undefined;
	const range = `${controls.standard} 附錄 A 的控制措施在 ${controls.domains[0]} 至 ${controls.domains.at(-1)}，共 ${controls.count} 項`;
	const older = edition === '2022' ? known.editions['2013'] : undefined;
	const objective = older?.objectives.get(id);
	if (objective !== undefined) {
		return `${controls.standard} 附錄 A 沒有控制措施 ${id}；${id} 是 ${older!.standard} 的控制目標，不是控制措施，請寫其下的控制措施（如 ${objective}）`;
	}
	return `${controls.standard} 附錄 A 沒有控制措施 ${id}（${range}）`;
}
