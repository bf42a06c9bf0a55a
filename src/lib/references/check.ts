import { hiddenTarget, type Ceiling } from '../ceiling/ceiling.ts';
import type { DocumentVersion } from '../documents/document-version.ts';
import { formatRocDate } from '../documents/dates.ts';
import { describeClause, canonicalAnchor, parseAnchor } from '../outline/numbering.ts';
import { resolveClauseReference } from '../outline/clause-resolution.ts';
import type { Outline } from '../outline/outline.ts';
import type { Problem, Severity } from '../problems.ts';
import type { ReferenceSite } from './collect.ts';
import type { ResolvedDocument, ResolvedVersion } from '../documents/resolve.ts';
import { docSlug } from '../site/urls.ts';
import { unknownControl, type KnownControls } from '../soa/known-controls.ts';
import { nearMissProblem } from './near-miss-message.ts';

/** Rule ids of the cross-reference checker, with their default severities. */
export const REFERENCE_RULES = {
	'ref/unknown-document': 'error',
	'ref/title-mismatch': 'error',
	'ref/unknown-clause': 'error',
	'ref/ambiguous-clause': 'warning',
	'ref/malformed-document-number': 'error',
	'ref/near-miss-document-number': 'warning',
	'ref/unknown-control': 'error',
	'ref/withdrawn-document': 'error',
	'ref/not-in-force': 'error',
	'ref/broken-link': 'error',
	'frontmatter/unknown-control': 'error',
} as const satisfies Record<string, Severity>;

export type ReferenceRule = keyof typeof REFERENCE_RULES;
export type RuleSetting = Severity | 'off';

/** What the checker knows of one version: its parsed references and its outline (clauses and anchors). */
export interface VersionAnalysis {
	version: DocumentVersion;
	sites: ReferenceSite[];
	outline: Outline;
}

const EMPTY: Outline = { clauses: [], blocks: [], problems: [] };

/** Whether an outline has the decimal clause `6.4.3` (its first, when the number is duplicated). */
function hasDecimal(outline: Outline, clause: string): boolean {
	return outline.clauses.some((c) => !c.duplicate && c.label === clause && c.path.length === 1 && c.path[0]!.scheme === 'decimal');
}

export interface CheckInput {
	documents: readonly ResolvedDocument[];
	/** Analysis of every version, by version id. */
	analyses: ReadonlyMap<string, VersionAnalysis>;
	/** The Annex A catalogues a control id is checked against (by its shape: 2013 or 2022); undefined skips control rules. */
	controls?: KnownControls;
	severities?: Partial<Record<ReferenceRule, RuleSetting>>;
	/** What the build publishes: a link to a hidden page is `ref/hidden-link` (check-ceiling.ts), not a broken link too. */
	ceiling?: Ceiling;
	/** Document folders by name, with their version files (valid or not), to say why a document is unknown. */
	folders?: ReadonlyMap<string, { path: string; files: readonly string[] }>;
	/** The documents folder (`content/documents`), for a missing document's folder in messages. */
	documentsDir?: string;
	/** How a document number is written (the configured description), for near misses. */
	docNoDescription?: string;
}

/**
 * Why a document number names no document: its folder is not there, holds no version file, or holds
 * files that all have errors of their own (reported at those files; named here, not repeated).
 */
export function missingDocument(docNo: string, input: Pick<CheckInput, 'folders' | 'documentsDir'>): string {
	const folder = input.folders?.get(docNo);
	if (!folder) return `找不到文件 ${docNo}（${input.documentsDir ?? 'content/documents'}/${docNo}/ 不存在）`;
	if (folder.files.length === 0) return `找不到文件 ${docNo}（${folder.path} 資料夾中沒有任何版次檔案 <版次>.mdx）`;
	return `文件 ${docNo} 的檔案本身有錯誤，無法讀取（${folder.files.join('、')}）；請先修正該檔案（見該檔案的錯誤訊息），這個引用才能檢查`;
}

/** Versions whose text is in force or about to be: superseded texts are records and are left as they were. */
const CHECKED_STATES = new Set(['current', 'upcoming', 'withdrawn', 'draft']);

/**
 * Validates every reference of the versions in force or upcoming (and drafts in preview builds)
 * against the whole corpus, publication ceiling or not: one problem per broken reference.
 */
export function checkReferences(input: CheckInput): Problem[] {
	const problems: Problem[] = [];
	const byDocNo = new Map(input.documents.map((doc) => [doc.docNo, doc]));
	const bySlug = new Map(input.documents.map((doc) => [docSlug(doc.docNo), doc]));
	const severity = (rule: ReferenceRule): RuleSetting => input.severities?.[rule] ?? REFERENCE_RULES[rule];
	const report = (version: DocumentVersion, site: { line: number; column: number }, rule: ReferenceRule, message: string) => {
		const level = severity(rule);
		if (level !== 'off') problems.push({ file: version.file, line: site.line, column: site.column, severity: level, rule, message });
	};
	/** The version a reference to the document means: the one in force, else the newest released. */
	const target = (doc: ResolvedDocument): ResolvedVersion | undefined =>
		doc.current ?? doc.versions.find((v) => v.state === 'withdrawn') ?? doc.versions.find((v) => v.state !== 'draft');
	const outlineOf = (version: ResolvedVersion | DocumentVersion) => input.analyses.get(version.id)?.outline ?? EMPTY;

	for (const doc of input.documents) {
		for (const version of doc.versions) {
			if (!CHECKED_STATES.has(version.state)) continue;
			const analysis = input.analyses.get(version.id);
			if (!analysis) continue;
			for (const site of analysis.sites) {
				const quote = site.text.startsWith('「') ? site.text : `「${site.text}」`;
				switch (site.kind) {
					case 'document':
					case 'clause': {
						const docNo = site.kind === 'document' ? site.docNo : (site.docNo ?? version.docNo);
						if (docNo === version.docNo) {
							if (site.kind === 'clause' && !hasDecimal(outlineOf(version), site.clause)) {
								report(
									version,
									site,
									'ref/unknown-clause',
									`${quote}：本文件（${version.docNo} 第 ${version.version} 版）沒有第 ${site.clause} 節`,
								);
							}
							break;
						}
						const cited = byDocNo.get(docNo);
						if (!cited) {
							// Only report the document once: a clause of an unknown document adds nothing.
							if (site.kind === 'document') report(version, site, 'ref/unknown-document', `${quote}：${missingDocument(docNo, input)}`);
							break;
						}
						const meant = target(cited);
						if (!meant) {
							if (site.kind === 'document' && version.state === 'current') {
								report(version, site, 'ref/not-in-force', `${quote}：${docNo} 只有草稿，尚無已核定的版次`);
							}
							break;
						}
						if (site.kind === 'document') {
							if (cited.withdrawn) {
								report(
									version,
									site,
									'ref/withdrawn-document',
									`${quote}：${docNo} 已於${formatRocDate(cited.withdrawn.effective)}廢止（第 ${cited.withdrawn.version} 版）`,
								);
							} else if (!cited.current && version.state === 'current') {
								report(
									version,
									site,
									'ref/not-in-force',
									`${quote}：${docNo} 尚未生效（第 ${meant.version} 版於${formatRocDate(meant.effective)}生效），現行文件不應引用`,
								);
							}
							if (site.citedTitle && site.citedTitle !== meant.title) {
								report(
									version,
									site,
									'ref/title-mismatch',
									`${quote}：引用的名稱「${site.citedTitle}」與 ${docNo} 的文件名稱「${meant.title}」不符`,
								);
							}
						} else if (!hasDecimal(outlineOf(meant), site.clause)) {
							report(version, site, 'ref/unknown-clause', `${quote}：${docNo} 第 ${meant.version} 版沒有第 ${site.clause} 節`);
						}
						break;
					}
					case 'outline-clause': {
						// 參、一、（二） and 第三點第二款 (src/lib/outline/clause-references.ts), resolved in the outline.
						const docNo = site.docNo ?? version.docNo;
						const own = docNo === version.docNo;
						const cited = own ? undefined : byDocNo.get(docNo);
						const meant = own ? version : cited && target(cited);
						// An unknown document or one without released versions is reported as a document.
						if (!meant) break;
						const resolution = resolveClauseReference(site, outlineOf(meant), own && site.citing ? { citing: site.citing.path } : {});
						const where = own ? '' : `${docNo} 第 ${meant.version} 版`;
						if (resolution.status === 'not-found') report(version, site, 'ref/unknown-clause', `${quote}：${where}${resolution.message}`);
						// Two or more clauses it could mean: a warning naming them, whether or not one was chosen.
						else if (resolution.message) report(version, site, 'ref/ambiguous-clause', `${quote}：${where}${resolution.message}`);
						break;
					}
					case 'near-miss': {
						const { rule, message } = nearMissProblem(
							site,
							(docNo) => {
								const doc = byDocNo.get(docNo);
								// Never the title of a document this build does not publish: its number only.
								return doc && !input.ceiling?.hiddenDocuments.has(docNo) ? target(doc)?.title : undefined;
							},
							input.docNoDescription,
						);
						report(version, site, rule, message);
						break;
					}
					case 'control': {
						const unknown = input.controls && unknownControl(site.id, input.controls);
						if (unknown) report(version, site, 'ref/unknown-control', `${quote}：${unknown}`);
						break;
					}
					case 'link': {
						if (input.ceiling && hiddenTarget(site.url, input.ceiling)?.reason === 'ceiling') break;
						const problem = checkLink(site.url, bySlug, outlineOf, input);
						if (problem) report(version, site, 'ref/broken-link', `連結「${site.url}」${problem}`);
						break;
					}
				}
			}
			if (input.controls) {
				version.controls.forEach((id, index) => {
					const unknown = unknownControl(id, input.controls!);
					if (unknown) {
						const at = version.fieldPositions[`controls.${index}`] ?? version.fieldPositions.controls ?? { line: 1, column: 1 };
						report(version, at, 'frontmatter/unknown-control', `controls（對應控制措施）的「${id}」：${unknown}`);
					}
				});
			}
		}
	}
	return problems;
}

/** Why a `/documents/…` link goes nowhere, or undefined when it resolves to a page and anchor. */
function checkLink(
	url: string,
	bySlug: ReadonlyMap<string, ResolvedDocument>,
	outlineOf: (version: ResolvedVersion) => Outline,
	input: Pick<CheckInput, 'folders' | 'documentsDir'>,
): string | undefined {
	const [path = '', anchor] = url.split('#', 2);
	if (path === '/documents/' || path === '/documents') return anchor ? '：文件一覽表沒有這個錨點' : undefined;
	const match = /^\/documents\/([^/]+)\/(?:v([^/]+)\/)?$/.exec(path);
	if (!match) return '不是文件頁的網址；應為 /documents/<文件編號>/ 或 /documents/<文件編號>/v<版次>/（結尾須有 /）';
	const doc = bySlug.get(match[1]!);
	if (!doc) {
		const docNo = match[1]!.toUpperCase();
		return input.folders?.has(docNo) ? `：${missingDocument(docNo, input)}` : `：找不到文件 ${docNo}`;
	}
	// A draft version is among the versions only in preview builds, where its page exists.
	const version = match[2]
		? doc.versions.find((v) => v.version === match[2])
		: (doc.current ?? doc.versions.find((v) => v.state !== 'draft'));
	if (!version) return match[2] ? `：${doc.docNo} 沒有已發布的第 ${match[2]} 版` : `：${doc.docNo} 沒有已發布的版次`;
	if (!anchor || anchor === 'revision-history' || anchor === '_top') return undefined;
	// The anchor format is the outline's (numbering.ts): `sec-6-4-3`, `sec-參-一-（二）`, percent-encoded or not.
	const cited = parseAnchor(anchor);
	if (!cited) return `：錨點「#${anchor}」不是條文錨點（應如 #sec-6-4-3 或 #sec-參-一-（二））`;
	const id = canonicalAnchor(anchor)!;
	if (outlineOf(version).clauses.some((c) => !c.duplicate && c.anchor === id)) return undefined;
	const named = describeClause(cited);
	return `：${doc.docNo} 第 ${version.version} 版沒有${named.startsWith('第') ? named : `「${named}」`}`;
}
