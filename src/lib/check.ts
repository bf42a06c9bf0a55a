import { hiddenTarget, type Ceiling } from './ceiling.ts';
import type { DocumentVersion } from './corpus.ts';
import { formatRocDate } from './dates.ts';
import type { Problem, Severity } from './problems.ts';
import type { ReferenceSite } from './references.ts';
import type { ResolvedDocument, ResolvedVersion } from './resolve.ts';
import { docSlug } from './urls.ts';

/** Rule ids of the cross-reference checker, with their default severities. */
export const REFERENCE_RULES = {
	'ref/unknown-document': 'error',
	'ref/title-mismatch': 'error',
	'ref/unknown-clause': 'error',
	'ref/unknown-control': 'error',
	'ref/withdrawn-document': 'error',
	'ref/not-in-force': 'error',
	'ref/broken-link': 'error',
	'frontmatter/unknown-control': 'error',
} as const satisfies Record<string, Severity>;

export type ReferenceRule = keyof typeof REFERENCE_RULES;
export type RuleSetting = Severity | 'off';

/** What the checker knows of one version: its parsed references and its clause numbers. */
export interface VersionAnalysis {
	version: DocumentVersion;
	sites: ReferenceSite[];
	clauses: Set<string>;
}

export interface CheckInput {
	documents: readonly ResolvedDocument[];
	/** Analysis of every version, by version id. */
	analyses: ReadonlyMap<string, VersionAnalysis>;
	/** Control ids of the active Annex A catalogue, and its name for messages; undefined skips control rules. */
	controls?: { ids: ReadonlySet<string>; name: string };
	severities?: Partial<Record<ReferenceRule, RuleSetting>>;
	/** What the build publishes: a link to a hidden page is `ref/hidden-link` (check-ceiling.ts), not a broken link too. */
	ceiling?: Ceiling;
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
	const clausesOf = (version: ResolvedVersion | DocumentVersion) => input.analyses.get(version.id)?.clauses ?? new Set<string>();

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
							if (site.kind === 'clause' && !clausesOf(version).has(site.clause)) {
								report(version, site, 'ref/unknown-clause', `${quote}：本文件（${version.docNo} 第 ${version.version} 版）沒有第 ${site.clause} 節`);
							}
							break;
						}
						const cited = byDocNo.get(docNo);
						if (!cited) {
							// Only report the document once: a clause of an unknown document adds nothing.
							if (site.kind === 'document') report(version, site, 'ref/unknown-document', `${quote}：找不到文件 ${docNo}（${`content/documents/${docNo}/`} 不存在）`);
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
								report(version, site, 'ref/withdrawn-document', `${quote}：${docNo} 已於${formatRocDate(cited.withdrawn.effective)}廢止（第 ${cited.withdrawn.version} 版）`);
							} else if (!cited.current && version.state === 'current') {
								report(version, site, 'ref/not-in-force', `${quote}：${docNo} 尚未生效（第 ${meant.version} 版於${formatRocDate(meant.effective)}生效），現行文件不應引用`);
							}
							if (site.citedTitle && site.citedTitle !== meant.title) {
								report(version, site, 'ref/title-mismatch', `${quote}：引用的名稱「${site.citedTitle}」與 ${docNo} 的文件名稱「${meant.title}」不符`);
							}
						} else if (!clausesOf(meant).has(site.clause)) {
							report(version, site, 'ref/unknown-clause', `${quote}：${docNo} 第 ${meant.version} 版沒有第 ${site.clause} 節`);
						}
						break;
					}
					case 'control':
						if (input.controls && !input.controls.ids.has(site.id)) {
							report(version, site, 'ref/unknown-control', `${quote}：${input.controls.name} 附錄 A 沒有控制措施 ${site.id}`);
						}
						break;
					case 'link': {
						if (input.ceiling && hiddenTarget(site.url, input.ceiling)?.reason === 'ceiling') break;
						const problem = checkLink(site.url, bySlug, (v) => clausesOf(v));
						if (problem) report(version, site, 'ref/broken-link', `連結「${site.url}」${problem}`);
						break;
					}
				}
			}
			if (input.controls) {
				version.controls.forEach((id, index) => {
					if (!input.controls!.ids.has(id)) {
						const at = version.fieldPositions[`controls.${index}`] ?? version.fieldPositions.controls ?? { line: 1, column: 1 };
						report(version, at, 'frontmatter/unknown-control', `controls（對應控制措施）的「${id}」不在 ${input.controls!.name} 附錄 A 中`);
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
	clausesOf: (version: ResolvedVersion) => Set<string>,
): string | undefined {
	const [path = '', anchor] = url.split('#', 2);
	if (path === '/documents/' || path === '/documents') return anchor ? '：文件一覽表沒有這個錨點' : undefined;
	const match = /^\/documents\/([^/]+)\/(?:v([^/]+)\/)?$/.exec(path);
	if (!match) return '不是文件頁的網址；應為 /documents/<文件編號>/ 或 /documents/<文件編號>/v<版次>/（結尾須有 /）';
	const doc = bySlug.get(match[1]!);
	if (!doc) return `：找不到文件 ${match[1]!.toUpperCase()}`;
	// A draft version is among the versions only in preview builds, where its page exists.
	const version = match[2]
		? doc.versions.find((v) => v.version === match[2])
		: (doc.current ?? doc.versions.find((v) => v.state !== 'draft'));
	if (!version) return match[2] ? `：${doc.docNo} 沒有已發布的第 ${match[2]} 版` : `：${doc.docNo} 沒有已發布的版次`;
	if (!anchor || anchor === 'revision-history' || anchor === '_top') return undefined;
	const clause = /^sec-(\d+(?:-\d+)*)$/.exec(anchor);
	if (!clause) return `：錨點「#${anchor}」不是條文錨點（應如 #sec-6-4-3）`;
	const number = clause[1]!.split('-').join('.');
	return clausesOf(version).has(number) ? undefined : `：${doc.docNo} 第 ${version.version} 版沒有第 ${number} 節`;
}
