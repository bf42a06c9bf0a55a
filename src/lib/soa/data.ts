import { SOA_FIELDS, soaEntrySchema, soaIssues, soaSchema, type SoaReason, type SoaStatus } from '../../schemas/soa.ts';
import { issuesToProblems, rulesOf } from '../../schemas/issues.ts';
import type { Problem } from '../problems.ts';
import { parseYamlSource, valueAt } from '../yaml-source.ts';
import { counterpartText, type Catalogues, type Crosswalk } from './crosswalk.ts';
import { controlEdition, STANDARDS, type Edition } from './ids.ts';

export { SOA_REASONS, SOA_STATUSES, type SoaReason, type SoaStatus } from '../../schemas/soa.ts';

/**
 * One version of the Statement of Applicability (適用性聲明書): which Annex A controls apply and
 * why, how far each is implemented, by whom, with what evidence. Each version names its own catalogue;
 * which documents implement a control comes from the documents' own `controls` frontmatter.
 */
export interface SoaEntry {
	id: string;
	applicable: boolean;
	reasons: SoaReason[];
	status?: SoaStatus;
	owner?: string;
	evidence?: string;
	justification?: string;
	lastReviewed?: string;
	note?: string;
}

export interface Soa {
	file: string;
	version: string;
	effective: string;
	approvedBy: string;
	preparedBy?: string;
	catalogue: Edition;
	changes?: string;
	entries: Record<string, SoaEntry>;
}

/**
 * Text fields whose control ids must be of the SoA's own catalogue: a justification argues with
 * controls of this version. (Evidence and notes are records and may name where an entry came from.)
 */
const TEXT_FIELDS = ['justification'] as const;
const CITED_ID = /(?<![\w.])A\.(?:[5-9]|1[0-8])\.\d{1,2}(?:\.\d{1,2})?(?![\w]|\.\d)/gu;

/**
 * Parses and validates one SoA version against the catalogue it names (`catalogue: "2013"` or
 * `"2022"`). A control id of the other catalogue, as a key or cited in a justification, is named with
 * its crosswalk counterparts.
 */
export function parseSoa(source: string, file: string, catalogues: Catalogues, crosswalk: Crosswalk): { soa?: Soa; problems: Problem[] } {
	const yaml = parseYamlSource(source);
	const problems: Problem[] = yaml.errors.map(({ message, ...at }) => ({ file, ...at, severity: 'error', rule: 'soa/syntax', message }));
	if (problems.length > 0) return { problems };
	if (yaml.data !== undefined && yaml.data !== null && (typeof yaml.data !== 'object' || Array.isArray(yaml.data))) {
		const at = yaml.at([]);
		return {
			problems: [
				{
					file,
					...at,
					severity: 'error',
					rule: 'soa/invalid-value',
					message: '檔案內容應為 YAML 對應表，第一層寫 version、effective、approvedBy、catalogue 及 controls',
				},
			],
		};
	}
	const problem = (
		path: PropertyKey[],
		rule: string,
		message: string,
		target: 'key' | 'value' = 'value',
		severity: Problem['severity'] = 'error',
	) => problems.push({ file, ...yaml.at(path, target), severity, rule, message });
	const reportIssues = (issues: Parameters<typeof soaIssues>[0], prefix: readonly PropertyKey[]) => {
		problems.push(...issuesToProblems(soaIssues(issues, yaml.data, prefix), file, yaml.at, rulesOf('soa')));
	};

	// The top level first, then each control on its own, so that every fault is reported at once.
	const top = soaSchema.safeParse(yaml.data ?? {});
	if (!top.success) reportIssues(top.error.issues, []);
	const data = top.success ? top.data : undefined;
	const rawCatalogue = valueAt(yaml.data, ['catalogue']);
	const edition: Edition | undefined = rawCatalogue === '2013' || rawCatalogue === '2022' ? rawCatalogue : undefined;
	const catalogue = edition ? catalogues[edition] : undefined;
	const rawControls = valueAt(yaml.data, ['controls']);
	const entries: Record<string, SoaEntry> = {};
	if (edition && catalogue && rawControls && typeof rawControls === 'object' && !Array.isArray(rawControls)) {
		for (const [id, raw] of Object.entries(rawControls)) {
			if (!catalogue.byId.has(id)) {
				const other = controlEdition(id);
				const known = other && other !== edition && catalogues[other]?.byId.has(id);
				problem(
					['controls', id],
					'soa/unknown-control',
					known
						? `「${id}」是 ${STANDARDS[other]} 的控制措施，本版適用性聲明書採 ${catalogue.standard}（catalogue: "${edition}"）；${counterpartText(crosswalk, id, catalogues)}`
						: `「${id}」不在 ${catalogue.standard} 附錄 A 中`,
					'key',
				);
				continue;
			}
			const parsed = soaEntrySchema.safeParse(raw ?? {});
			if (!parsed.success) {
				reportIssues(parsed.error.issues, ['controls', id]);
				continue;
			}
			const entry = parsed.data;
			if (entry.applicable) {
				for (const field of ['reasons', 'status'] as const) {
					if (entry[field] === undefined || (field === 'reasons' && entry.reasons!.length === 0)) {
						problem(
							['controls', id],
							'soa/missing-field',
							`${id}：適用的控制措施須填 ${field}（${SOA_FIELDS[field]!.label}）；應為 ${SOA_FIELDS[field]!.expected}`,
							'key',
						);
					}
				}
				if (entry.status === 'planned' && !entry.note) {
					problem(
						['controls', id, 'status'],
						'soa/unexplained-planned',
						`${id}：實施狀態為規劃中，但未於 note（備註）說明規劃內容及預定完成日期`,
						'value',
						'warning',
					);
				}
			} else {
				for (const field of ['reasons', 'status', 'evidence'] as const) {
					if (entry[field] !== undefined) {
						problem(
							['controls', id, field],
							'soa/invalid-value',
							`${id}：不適用的控制措施不填 ${field}（${SOA_FIELDS[field]!.label}）；請改寫 justification（不適用理由）`,
							'key',
						);
					}
				}
			}
			for (const field of TEXT_FIELDS) {
				const value = entry[field];
				if (!value) continue;
				for (const match of value.matchAll(CITED_ID)) {
					const cited = match[0];
					// 「A.6.2.2：…」 labels the part of a merged justification that came from that control.
					if (value[match.index + cited.length] === '：') continue;
					const citedEdition = controlEdition(cited);
					if (!citedEdition || citedEdition === edition || !catalogues[citedEdition]?.byId.has(cited)) continue;
					problem(
						['controls', id, field],
						'soa/other-catalogue-id',
						`${id}：${field}（${SOA_FIELDS[field]!.label}）引用 ${citedEdition} 版控制措施 ${cited}，本版採 ${edition} 版；${counterpartText(crosswalk, cited, catalogues)}，請改寫為 ${edition} 版編號`,
						'value',
						'warning',
					);
				}
			}
			entries[id] = { id, ...entry, reasons: entry.reasons ?? [] };
		}
	}
	if (edition && !catalogue) {
		problem(
			['catalogue'],
			'soa/unknown-catalogue',
			`catalogue（控制措施版本）為「${edition}」，但 ${STANDARDS[edition]} 的控制措施檔案無法讀取；請先修正 content/controls/ 的問題`,
		);
	}
	if (problems.some((p) => p.severity === 'error') || !data) return { problems };
	return {
		problems,
		soa: {
			file,
			version: data.version,
			effective: data.effective,
			approvedBy: data.approvedBy,
			...(data.preparedBy ? { preparedBy: data.preparedBy } : {}),
			catalogue: data.catalogue,
			...(data.changes ? { changes: data.changes } : {}),
			entries,
		},
	};
}
