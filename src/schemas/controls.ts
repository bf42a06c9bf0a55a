import { z } from 'astro/zod';
import { text } from './frontmatter.ts';
import { ID_2013, ID_2022, STANDARDS } from '../lib/soa/ids.ts';
import { explainIssues, issuesToProblems, rulesOf, type FieldSpec } from './issues.ts';
import { valueAt, type YamlSource } from '../lib/yaml-source.ts';
import { sortProblems, type Problem } from '../lib/problems.ts';

/**
 * Schemas of the Annex A catalogues (ISO/IEC 27001:2013 and :2022) and the 2013→2022 crosswalk in
 * `content/controls/`, and the translation of their zod issues into Problems in Traditional Chinese.
 */

export const catalogue2013Schema = z.strictObject({
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
							controls: z
								.array(z.strictObject({ id: z.string().regex(ID_2013), zh: text(), en: text(), tentative: z.boolean().optional() }))
								.min(1),
						}),
					)
					.min(1),
			}),
		)
		.min(1),
});

export const catalogue2022Schema = z.strictObject({
	standard: z.literal(STANDARDS['2022']),
	themes: z
		.array(
			z.strictObject({
				id: z.string().regex(/^[5-8]$/),
				zh: text(),
				en: text(),
				controls: z
					.array(z.strictObject({ id: z.string().regex(ID_2022), zh: text(), en: text(), tentative: z.boolean().optional() }))
					.min(1),
			}),
		)
		.min(1),
});

export const crosswalkSchema = z.strictObject({
	standard2013: z.literal(STANDARDS['2013']),
	standard2022: z.literal(STANDARDS['2022']),
	mappings: z.array(z.strictObject({ to: z.string().regex(ID_2022), from: z.array(z.string().regex(ID_2013)) })).min(1),
});

/** What each list holds and what each of its fields expects, in the words shown to the document controller. */
interface ItemSpec {
	name: string;
	fields: Record<string, FieldSpec>;
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
			id: {
				label: '主題編號',
				expected: "加引號的主題編號 '5'、'6'、'7' 或 '8'",
				hint: (value) => (typeof value === 'number' ? "（未加引號的 5 會被當成數字，請寫成 id: '5'）" : ''),
			},
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
			tentative: {
				label: '中文名稱待確認',
				expected: 'true（中文名稱未能與 CNS 27001 逐字核對時寫 true，頁面於中文名稱旁並列英文）或省略',
			},
		},
	},
	'controls-2022': {
		name: '控制措施',
		fields: {
			id: { label: '控制措施編號', expected: 'A 之後兩個數字的 2022 版控制措施編號，例如 A.5.15' },
			zh: ZH,
			en: EN,
			tentative: {
				label: '中文名稱待確認',
				expected: 'true（中文名稱未能與 CNS 27001 逐字核對時寫 true，頁面於中文名稱旁並列英文）或省略',
			},
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

export type CatalogueKind = 'catalogue-2013' | 'catalogue-2022' | 'crosswalk';

function itemSpec(kind: CatalogueKind, listKey: string | undefined): ItemSpec {
	if (listKey === undefined) return kind === 'catalogue-2013' ? TOP_2013 : kind === 'catalogue-2022' ? TOP_2022 : TOP_CROSSWALK;
	if (listKey === 'controls') return ITEMS[kind === 'catalogue-2013' ? 'controls-2013' : 'controls-2022']!;
	return ITEMS[listKey] ?? { name: listKey, fields: {} };
}

/** 「領域 A.9 › 控制目標 A.9.2 › 第 3 個控制措施」 for the item holding the field at `path`. */
function describeLocation(kind: CatalogueKind, data: unknown, path: readonly PropertyKey[], fieldIsName: boolean): string {
	const parts: string[] = [];
	for (let i = 0; i + 1 < path.length; i += 2) {
		const listKey = path[i];
		const index = path[i + 1];
		if (typeof listKey !== 'string' || typeof index !== 'number') break;
		const item = valueAt(data, path.slice(0, i + 2));
		const name = itemSpec(kind, listKey).name;
		const isLast = i + 2 >= path.length - 1;
		const ownId = item && typeof item === 'object' ? (item as Record<string, unknown>)[listKey === 'mappings' ? 'to' : 'id'] : undefined;
		parts.push(
			typeof ownId === 'string' && ownId.trim() !== '' && !(isLast && fieldIsName) ? `${name} ${ownId}` : `第 ${index + 1} 個${name}`,
		);
	}
	return parts.length === 0 ? '檔案第一層' : parts.join(' › ');
}

/** zod issues of a catalogue or the crosswalk as Problems, by the one translator (issues.ts). */
export function catalogueIssuesToProblems(
	kind: CatalogueKind,
	issues: readonly z.core.$ZodIssue[],
	data: unknown,
	at: YamlSource['at'],
	file: string,
	rulePrefix: string,
): Problem[] {
	const itemAt = (path: readonly PropertyKey[]) => {
		const listKey = path.length >= 2 ? path[path.length - 2] : undefined;
		return {
			fields: itemSpec(kind, typeof listKey === 'string' ? listKey : undefined).fields,
			where: describeLocation(kind, data, [...path, ''], false),
		};
	};
	return sortProblems(issuesToProblems(explainIssues(issues, data, itemAt), file, at, rulesOf(rulePrefix, 'invalid')));
}
