import { CLASSIFICATION_LABELS, isWithinCeiling, type Classification } from './classification.ts';
import { formatRocDate } from './dates.ts';
import type { PublishedDocument } from './portal.ts';
import type { VersionState } from './resolve.ts';

/** What the notice needs of a version read from the corpus (before the ceiling). */
export interface NoticeVersion {
	id: string;
	docNo: string;
	version: string;
	state: VersionState;
	classification: Classification;
	effective: string;
	/** The version's file, as problems name it (`content/documents/ISMS-P-005/1.1.mdx`). */
	file: string;
}

export interface CeilingNoticeInput {
	/** Every document read, newest version first, no ceiling applied (the corpus analysis). */
	documents: readonly { docNo: string; versions: readonly NoticeVersion[] }[];
	/** The documents this build publishes (after the ceiling). */
	published: readonly PublishedDocument[];
	/** The documents a version cites (document and clause references), by version id. */
	citedBy: (versionId: string) => readonly string[];
	ceiling: Classification;
	labels?: Record<Classification, string>;
}

/**
 * The build's notices about the publication ceiling (issue 18 item 9), one line each in the shape of the
 * portal's problem lines, `file:1:1  notice  ceiling/… message` (not errors: the ceiling is doing its job):
 * a document left out whole, because its version in force (or, with none, its newest) is above the ceiling,
 * naming the pages that now show only its number where they cite it; and a published document whose
 * upcoming version is above the ceiling, which will disappear on that version's date. Document numbers and
 * file names only, never a title: the build log may be read by people the document is hidden from.
 */
export function ceilingNotices({ documents, published, citedBy, ceiling, labels = CLASSIFICATION_LABELS }: CeilingNoticeInput): string[] {
	const level = (classification: Classification) => `${labels[classification]}（${classification}）`;
	const limit = `發布上限 ${level(ceiling)}`;
	const publishedNos = new Set(published.map((doc) => doc.docNo));
	const lines: string[] = [];
	for (const doc of documents) {
		const governing = doc.versions.find((v) => v.state === 'current' || v.state === 'withdrawn') ?? doc.versions[0];
		if (!governing) continue;
		if (!publishedNos.has(doc.docNo)) {
			if (isWithinCeiling(governing.classification, ceiling)) continue;
			const others = doc.versions.filter((v) => v !== governing && v.state !== 'draft');
			const which = governing.state === 'current' ? '現行版本' : governing.state === 'withdrawn' ? '廢止版本' : '最新版本';
			const rest = others.length > 0 ? `整份文件（含其他 ${others.length} 個版次）` : '整份文件';
			const pages = citingPages(published, citedBy, doc.docNo);
			const where =
				pages.length > 0
					? `；引用它的 ${pages.length} 個頁面改為只顯示文件編號、不連結：${pages.join('、')}`
					: '；沒有其他已發布的頁面引用它';
			lines.push(
				`${governing.file}:1:1  notice  ceiling/document-left-out  ${doc.docNo} 的${which}（第 ${governing.version} 版）機密等級為 ${level(governing.classification)}，高於本次建置的${limit}：${rest}未發布，不在文件一覽表、搜尋及各清單中${where}。`,
			);
			continue;
		}
		for (const version of doc.versions) {
			if (version.state !== 'upcoming' || isWithinCeiling(version.classification, ceiling)) continue;
			lines.push(
				`${version.file}:1:1  notice  ceiling/upcoming-left-out  ${doc.docNo} 第 ${version.version} 版（${formatRocDate(version.effective)}生效）機密等級為 ${level(version.classification)}，高於本次建置的${limit}：未發布；該版生效後，整份文件將不再發布，引用它的頁面只會顯示其文件編號。`,
			);
		}
	}
	return lines;
}

/** The published pages whose text cites `docNo` (each version's page; the permalink for the version it shows). */
function citingPages(published: readonly PublishedDocument[], citedBy: (versionId: string) => readonly string[], docNo: string): string[] {
	const pages = new Set<string>();
	for (const doc of published) {
		for (const version of doc.versions) {
			if (citedBy(version.id).includes(docNo)) pages.add(version.version === doc.latest.version ? doc.url : version.url);
		}
	}
	return [...pages].sort();
}

/** The documents each version cites, read from a corpus analysis's reference sites (document and clause references). */
export function citedDocuments(
	analyses: ReadonlyMap<string, { sites: readonly { kind: string; docNo?: string | undefined }[] }>,
): (versionId: string) => string[] {
	return (id) =>
		(analyses.get(id)?.sites ?? []).flatMap((site) =>
			(site.kind === 'document' || site.kind === 'clause') && site.docNo ? [site.docNo] : [],
		);
}
