import { Document, isMap, isPair, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { leastAdvanced } from './compare.ts';
import type { Catalogue } from './catalogue.ts';
import { counterparts, type Crosswalk } from './crosswalk.ts';
import { SOA_REASONS, SOA_STATUSES, type Soa, type SoaEntry, type SoaReason } from './data.ts';
import { controlEdition, STANDARDS } from './ids.ts';

/**
 * `npm run soa:migrate -- --to 2022`: the next SoA version on the 2022 catalogue, written from the
 * 2013 version in force through the crosswalk. Renamed controls carry their data; merged controls
 * combine reasons, owners and evidence, take the least advanced status and name their 2013 sources
 * in `note`; the controls new in 2022 are applicable, 規劃中, awaiting assessment (no lastReviewed).
 * 2013 ids cited in justifications, evidence and notes are rewritten when the crosswalk gives one
 * counterpart, and flagged in the note when it gives several.
 */
export interface MigrationInput {
	soa: Soa;
	c2013: Catalogue;
	c2022: Catalogue;
	crosswalk: Crosswalk;
	version: string;
	effective: string;
}

export interface MigrationSummary {
	renamed: string[];
	merged: string[];
	/** New in 2022, or whose 2013 sources the SoA did not list: applicable, 規劃中, to assess. */
	awaiting: string[];
	/** 2013 ids rewritten in text: `A.6.2.1→A.8.1` per entry. */
	rewritten: { id: string; from: string; to: string }[];
	/** 2013 ids left in text because the crosswalk gives several counterparts (or none). */
	flagged: { id: string; cited: string; counterparts: string[] }[];
}

export interface Migration {
	soa: Soa;
	summary: MigrationSummary;
}

const CITED = /(?<![\w.])A\.(?:[5-9]|1[0-8])\.\d{1,2}\.\d{1,2}(?![\w]|\.\d)/gu;
const REASON_ORDER = Object.keys(SOA_REASONS) as SoaReason[];
const unique = <T>(values: readonly T[]) => [...new Set(values)];

export const AWAITING_NOTE =
	'2022 版新增之控制措施，待評估：請依風險評鑑結果確認適用性、選用理由、實施狀態及權責單位，評估後填寫 lastReviewed。';

export function migrateSoa(input: MigrationInput): Migration {
	const { soa, c2013, c2022, crosswalk } = input;
	const summary: MigrationSummary = { renamed: [], merged: [], awaiting: [], rewritten: [], flagged: [] };
	const entries: Record<string, SoaEntry> = {};

	/** Rewrites 2013 ids in a text for entry `id`; returns the text and what it could not rewrite. */
	const rewrite = (id: string, text: string | undefined): string | undefined => {
		if (text === undefined) return undefined;
		return text.replace(CITED, (cited) => {
			if (controlEdition(cited) !== '2013' || !c2013.byId.has(cited)) return cited;
			const targets = counterparts(crosswalk, cited);
			if (targets.length === 1) {
				if (!summary.rewritten.some((r) => r.id === id && r.from === cited)) summary.rewritten.push({ id, from: cited, to: targets[0]! });
				return targets[0]!;
			}
			if (!summary.flagged.some((f) => f.id === id && f.cited === cited)) summary.flagged.push({ id, cited, counterparts: targets });
			return cited;
		});
	};
	const textNote = (id: string): string[] => {
		const rewritten = summary.rewritten.filter((r) => r.id === id);
		const flagged = summary.flagged.filter((f) => f.id === id);
		return [
			...(rewritten.length > 0 ? [`文中 2013 版編號已依對照表改寫：${rewritten.map((r) => `${r.from}→${r.to}`).join('、')}。`] : []),
			...flagged.map(
				(f) =>
					`〔待確認〕文中引用之 2013 版 ${f.cited} ${f.counterparts.length > 0 ? `對應 2022 版 ${f.counterparts.join('、')}` : '無 2022 版對應'}，請擇定後改寫。`,
			),
		];
	};

	for (const control of c2022.controls) {
		const id = control.id;
		const sources = crosswalk.from2013(id).filter((source) => c2013.byId.has(source));
		const listed = sources.flatMap((source) => (soa.entries[source] ? [soa.entries[source]!] : []));
		if (listed.length === 0) {
			summary.awaiting.push(id);
			const unlisted = sources.length > 0 ? `源自 2013 版 ${sources.join('、')}，惟未列於第 ${soa.version} 版適用性聲明書；` : '';
			entries[id] = {
				id,
				applicable: true,
				reasons: ['risk'],
				status: 'planned',
				note:
					sources.length > 0 ? `${unlisted}待評估：請確認適用性、選用理由、實施狀態及權責單位，評估後填寫 lastReviewed。` : AWAITING_NOTE,
			};
			continue;
		}
		if (sources.length === 1) {
			summary.renamed.push(id);
			const [old] = listed as [SoaEntry];
			const entry: SoaEntry = { ...old, id };
			for (const field of ['justification', 'evidence', 'note'] as const) {
				const value = rewrite(id, old[field]);
				if (value !== undefined) entry[field] = value;
			}
			const extra = textNote(id);
			if (extra.length > 0) entry.note = [entry.note, ...extra].filter(Boolean).join('\n');
			entries[id] = entry;
			continue;
		}
		summary.merged.push(id);
		entries[id] = merge(id, sources, listed, soa.version, rewrite);
		const extra = textNote(id);
		if (extra.length > 0) entries[id]!.note = [entries[id]!.note, ...extra].filter(Boolean).join('\n');
	}
	const counts = `更名 ${summary.renamed.length} 項、合併 ${summary.merged.length} 項、新增 ${summary.awaiting.length} 項待評估`;
	return {
		summary,
		soa: {
			file: '',
			version: input.version,
			effective: input.effective,
			approvedBy: soa.approvedBy,
			...(soa.preparedBy ? { preparedBy: soa.preparedBy } : {}),
			catalogue: '2022',
			changes: `依 ${STANDARDS['2022']} 轉版：由第 ${soa.version} 版（${STANDARDS['2013']}）依 ISO/IEC 27002:2022 附錄 B 對照表移轉（${counts}）。`,
			entries,
		},
	};
}

/** Several 2013 entries into one 2022 control. */
function merge(
	id: string,
	sources: readonly string[],
	listed: readonly SoaEntry[],
	fromVersion: string,
	rewrite: (id: string, text: string | undefined) => string | undefined,
): SoaEntry {
	const applicable = listed.filter((e) => e.applicable);
	const excluded = listed.filter((e) => !e.applicable);
	const prefixed = (entries: readonly SoaEntry[], field: 'evidence' | 'justification' | 'note') => {
		const values = entries.flatMap((e) => (e[field] ? [{ id: e.id, text: rewrite(id, e[field])! }] : []));
		if (values.length === 0) return undefined;
		if (unique(values.map((v) => v.text)).length === 1) return values[0]!.text;
		// Notes are paragraphs, one per source; evidence and justifications one list.
		return values.map((v) => `${v.id}：${v.text}`).join(field === 'note' ? '\n' : '；');
	};
	const owners = unique(listed.flatMap((e) => (e.owner ? e.owner.split('、') : [])));
	const reviewed = listed.map((e) => e.lastReviewed);
	const lastReviewed = reviewed.every((d): d is string => d !== undefined) ? [...reviewed].sort()[0] : undefined;
	const unlisted = sources.filter((source) => !listed.some((e) => e.id === source));
	const notes = [
		`由 2013 版 ${sources.join('、')} 合併（第 ${fromVersion} 版）${applicable.length > 0 && new Set(applicable.map((e) => e.status)).size > 1 ? '，實施狀態取其中最低者' : ''}。`,
		...(unlisted.length > 0 ? [`${unlisted.join('、')} 未列於第 ${fromVersion} 版適用性聲明書。`] : []),
		...(applicable.length > 0 && excluded.length > 0
			? [`${excluded.map((e) => e.id).join('、')} 原列不適用：${prefixed(excluded, 'justification') ?? '未說明理由'}`]
			: []),
		...(prefixed(listed, 'note') ? [prefixed(listed, 'note')!] : []),
	];
	const common = {
		id,
		...(owners.length > 0 ? { owner: owners.join('、') } : {}),
		...(lastReviewed ? { lastReviewed } : {}),
		note: notes.join('\n'),
	};
	if (applicable.length === 0) {
		const justification = prefixed(excluded, 'justification');
		return { ...common, applicable: false, reasons: [], ...(justification ? { justification } : {}) };
	}
	const reasons = REASON_ORDER.filter((reason) => applicable.some((e) => e.reasons.includes(reason)));
	const status = leastAdvanced(applicable.map((e) => e.status));
	const evidence = prefixed(applicable, 'evidence');
	return { ...common, applicable: true, reasons, ...(status ? { status } : {}), ...(evidence ? { evidence } : {}) };
}

/**
 * The SoA as YAML in the portal's format (README): top-level fields, then the controls in catalogue
 * order under a comment per theme, reasons and status in Chinese, reasons as a flow list.
 */
export function soaYaml(soa: Soa, catalogue: Catalogue, header: readonly string[] = []): string {
	const FIELD_ORDER = ['applicable', 'reasons', 'status', 'owner', 'evidence', 'justification', 'lastReviewed', 'note'] as const;
	const controls: Record<string, Record<string, unknown>> = {};
	for (const control of catalogue.controls) {
		const entry = soa.entries[control.id];
		if (!entry) continue;
		const out: Record<string, unknown> = {};
		for (const field of FIELD_ORDER) {
			if (field === 'reasons') {
				if (entry.applicable) out.reasons = entry.reasons.map((r) => SOA_REASONS[r]);
			} else if (field === 'status') {
				if (entry.applicable && entry.status) out.status = SOA_STATUSES[entry.status];
			} else if (entry[field] !== undefined) out[field] = entry[field];
		}
		controls[control.id] = out;
	}
	const data = {
		version: soa.version,
		effective: soa.effective,
		approvedBy: soa.approvedBy,
		...(soa.preparedBy ? { preparedBy: soa.preparedBy } : {}),
		catalogue: soa.catalogue,
		...(soa.changes ? { changes: soa.changes } : {}),
		controls,
	};
	const doc = new Document(data);
	if (header.length > 0) doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
	const root = doc.contents as YAMLMap;
	for (const pair of root.items) {
		const key = (pair.key as Scalar).value;
		if ((key === 'version' || key === 'catalogue') && isScalar(pair.value)) pair.value.type = 'QUOTE_DOUBLE';
	}
	const controlsNode = root.get('controls', true);
	if (isMap(controlsNode)) {
		let domain = '';
		for (const pair of controlsNode.items as Pair<Scalar, YAMLMap>[]) {
			const control = catalogue.byId.get(String(pair.key.value));
			if (control && control.domain !== domain) {
				domain = control.domain;
				pair.key.commentBefore = ` ${catalogue.edition === '2022' ? `主題 ${control.domain}` : control.domain} ${control.domainZh}`;
				if (controlsNode.items[0] !== pair) pair.key.spaceBefore = true;
			}
			const reasons = isMap(pair.value) ? pair.value.get('reasons', true) : undefined;
			if (isSeq(reasons)) reasons.flow = true;
			if (isMap(pair.value)) {
				for (const item of pair.value.items)
					if (isPair(item) && isScalar(item.value) && typeof item.value.value === 'string' && /\n/.test(item.value.value))
						item.value.type = 'BLOCK_LITERAL';
			}
		}
	}
	return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
