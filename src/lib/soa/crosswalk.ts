import { catalogueIssuesToProblems, crosswalkSchema } from '../../schemas/controls.ts';
import type { Problem } from '../problems.ts';
import { controlTitle, parseYaml, type Catalogue } from './catalogue.ts';
import { compareControlIds, CONTROL_FILES, controlEdition } from './ids.ts';

/** The 2013→2022 crosswalk (ISO/IEC 27002:2022 Annex B), checked against both catalogues. */

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

export function makeCrosswalk(mappings: CrosswalkMapping[]): Crosswalk {
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
	if (!result.success) return fail(catalogueIssuesToProblems('crosswalk', result.error.issues, data, parsed.at, file, rule));

	const problems: Problem[] = [];
	const problemAt = (path: readonly PropertyKey[], ruleId: string, message: string, target: 'key' | 'value' = 'value') =>
		problems.push({ file, ...parsed.at(path, target), severity: 'error', rule: `${rule}/${ruleId}`, message });
	const mappings: CrosswalkMapping[] = [];
	const rowOf = new Map<string, number>();
	result.data.mappings.forEach((m, mi) => {
		let ok = true;
		if (!c2022.byId.has(m.to)) {
			problemAt(
				['mappings', mi, 'to'],
				'unknown-control',
				`to 的「${m.to}」不是 ${c2022.standard} 附錄 A 的控制措施（共 ${c2022.controls.length} 項，見 ${CONTROL_FILES['2022']}）`,
			);
			ok = false;
		} else if (rowOf.has(m.to)) {
			problemAt(
				['mappings', mi, 'to'],
				'duplicate',
				`${m.to} 重複：第 ${rowOf.get(m.to)} 行已有 to: ${m.to}；每個 2022 版控制措施只寫一列，所有來源列在同一個 from 清單中`,
			);
			ok = false;
		} else {
			rowOf.set(m.to, parsed.at(['mappings', mi, 'to']).line);
		}
		const from: string[] = [];
		m.from.forEach((id, fi) => {
			if (!c2013.byId.has(id)) {
				problemAt(
					['mappings', mi, 'from', fi],
					'unknown-control',
					`${m.to} 的 from 中的「${id}」不是 ${c2013.standard} 附錄 A 的控制措施（共 ${c2013.controls.length} 項，見 ${CONTROL_FILES['2013']}）`,
				);
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
				problemAt(
					['mappings'],
					'missing-mapping',
					`${c2022.standard} 的 ${control.id}（${control.zh}）沒有對應列；每個 2022 版控制措施都要寫一列，新增的控制措施寫成 { to: ${control.id}, from: [] }`,
					'key',
				);
			}
		}
		for (const control of c2013.controls) {
			if (!covered.has(control.id)) {
				problemAt(
					['mappings'],
					'uncovered-control',
					`${c2013.standard} 的 ${control.id}（${control.zh}）未出現在任何 from 清單中；ISO/IEC 27002:2022 附錄 B 的對照表中每個 2013 版控制措施都有對應的 2022 版控制措施`,
					'key',
				);
			}
		}
	}
	return { ...makeCrosswalk(mappings), problems };
}

/** Both catalogues, as loaded (either may be missing when its file has problems). */
export type Catalogues = Partial<Record<'2013' | '2022', Catalogue>>;

/**
 * The ids of the other edition an id maps to: for a 2013 id the 2022 controls it was carried into,
 * for a 2022 id the 2013 controls it derives from; [] when new in 2022 or unknown.
 */
export function counterparts(crosswalk: Crosswalk, id: string): string[] {
	const edition = controlEdition(id);
	if (edition === '2013') return crosswalk.to2022(id);
	if (edition === '2022') return crosswalk.from2013(id);
	return [];
}

/** 「A.5.17 鑑別資訊」: an id with its zh title when the catalogue knows it. */
export function titled(id: string, catalogues: Catalogues): string {
	const edition = controlEdition(id);
	const control = edition ? catalogues[edition]?.byId.get(id) : undefined;
	return control ? `${id} ${controlTitle(control)}` : id;
}

/**
 * What the crosswalk says of an id, for messages: 「對照表中對應 2022 版 A.5.17 鑑別資訊」,
 * 「對照表中對應 2013 版 A.9.2.4、A.9.3.1、A.9.4.3」, or 「為 2022 版新增之控制措施，無 2013 版對應」.
 */
export function counterpartText(crosswalk: Crosswalk, id: string, catalogues: Catalogues): string {
	const edition = controlEdition(id);
	if (!edition) return '';
	const other = edition === '2013' ? '2022' : '2013';
	const ids = counterparts(crosswalk, id);
	if (ids.length === 0) return edition === '2022' ? '為 2022 版新增之控制措施，無 2013 版對應' : '對照表中沒有對應';
	return `對照表中對應 ${other} 版 ${ids.map((c) => titled(c, catalogues)).join('、')}`;
}
