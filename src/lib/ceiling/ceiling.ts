import { CLASSIFICATION_LABELS, isWithinCeiling, type Classification } from '../documents/classification.ts';
import type { DocumentVersion } from '../documents/document-version.ts';
import type { ResolvedDocument } from '../documents/resolve.ts';
import { squeeze } from './text-match.ts';
import { docSlug } from '../site/urls.ts';

/**
 * What one build publishes and what it must not (AUTHORING.md, Publication ceiling): computed once
 * from the resolved documents, then used by the checker, the redaction of every published text, the
 * model the pages render and the build's audit of its own output, so that they cannot disagree.
 */

/** Why something is not published: above the ceiling, or a draft in a build without drafts. */
export type HiddenReason = 'ceiling' | 'unpublished';

export interface Ceiling {
	level: Classification;
	/** Version ids (`ISMS-M-001/1.0`) this build publishes. */
	published: ReadonlySet<string>;
	/** Documents with pages in this build. */
	publishedDocuments: ReadonlySet<string>;
	/** Documents without any page: their governing version is above the ceiling, or they have only drafts. */
	hiddenDocuments: ReadonlyMap<string, HiddenReason>;
	/** Versions of published documents that are not published, by docNo, then version. */
	hiddenVersions: ReadonlyMap<string, ReadonlyMap<string, HiddenReason>>;
	/**
	 * Titles that must not be published, by docNo: every title of a hidden document, and titles of
	 * hidden versions of a published document that no published version has. Cited after the number,
	 * they are removed; written alone, they are refused (see `secretTitles`).
	 */
	hiddenTitles: ReadonlyMap<string, readonly string[]>;
	/**
	 * The hidden titles distinctive enough to be refused wherever they are written (four characters
	 * or more, spaces aside, and not part of any published title or of the Annex A catalogue's text).
	 */
	secretTitles: readonly { title: string; docNo: string; reason: HiddenReason }[];
	/** Every title every document has (any version, published or not): the parser reads them whole. */
	allTitles: ReadonlyMap<string, readonly string[]>;
}

/** Hidden titles shorter than this (spaces aside) are only removed after their number. */
export const MIN_SECRET_TITLE = 4;

/**
 * @param versions every version read, drafts included
 * @param documents the resolved documents (with drafts only in a preview build)
 * @param publicTexts texts published whatever the documents say (Annex A catalogue titles)
 */
export function computeCeiling(
	versions: readonly DocumentVersion[],
	documents: readonly ResolvedDocument[],
	level: Classification,
	publicTexts: readonly string[] = [],
): Ceiling {
	const published = new Set<string>();
	const publishedDocuments = new Set<string>();
	const hiddenDocuments = new Map<string, HiddenReason>();
	const hiddenVersions = new Map<string, Map<string, HiddenReason>>();
	for (const doc of documents) {
		const governing = doc.versions.find((v) => v.state === 'current' || v.state === 'withdrawn') ?? doc.versions[0];
		if (!governing) continue;
		if (!isWithinCeiling(governing.classification, level)) {
			hiddenDocuments.set(doc.docNo, 'ceiling');
			continue;
		}
		publishedDocuments.add(doc.docNo);
		for (const version of doc.versions) {
			if (isWithinCeiling(version.classification, level)) published.add(version.id);
		}
	}
	for (const version of versions) {
		if (published.has(version.id) || hiddenDocuments.has(version.docNo)) continue;
		const reason: HiddenReason = isWithinCeiling(version.classification, level) ? 'unpublished' : 'ceiling';
		if (!publishedDocuments.has(version.docNo)) {
			// Only drafts (a build without drafts): none of it is published.
			hiddenDocuments.set(version.docNo, hiddenDocuments.get(version.docNo) === 'ceiling' ? 'ceiling' : reason);
			continue;
		}
		const hidden = hiddenVersions.get(version.docNo) ?? new Map<string, HiddenReason>();
		hidden.set(version.version, reason);
		hiddenVersions.set(version.docNo, hidden);
	}

	const allTitles = new Map<string, string[]>();
	const publishedTitles = new Set<string>();
	for (const version of versions) {
		const titles = allTitles.get(version.docNo) ?? [];
		if (!titles.includes(version.title)) titles.push(version.title);
		allTitles.set(version.docNo, titles);
		if (published.has(version.id)) publishedTitles.add(version.title);
	}
	const hiddenTitles = new Map<string, string[]>();
	const titleReasons = new Map<string, HiddenReason>();
	for (const version of versions) {
		if (published.has(version.id) || publishedTitles.has(version.title)) continue;
		const titles = hiddenTitles.get(version.docNo) ?? [];
		if (!titles.includes(version.title)) titles.push(version.title);
		hiddenTitles.set(version.docNo, titles);
		const key = `${version.docNo}\u0000${version.title}`;
		const reason = hiddenDocuments.get(version.docNo) ?? hiddenVersions.get(version.docNo)?.get(version.version) ?? 'unpublished';
		if (titleReasons.get(key) !== 'ceiling') titleReasons.set(key, reason);
	}
	const squeezedPublic = [...publishedTitles, ...publicTexts].map(squeeze);
	const secretTitles: { title: string; docNo: string; reason: HiddenReason }[] = [];
	for (const [docNo, titles] of hiddenTitles) {
		for (const title of titles) {
			const squeezed = squeeze(title);
			if (squeezed.length < MIN_SECRET_TITLE || squeezedPublic.some((text) => text.includes(squeezed))) continue;
			secretTitles.push({ title, docNo, reason: titleReasons.get(`${docNo}\u0000${title}`)! });
		}
	}
	return { level, published, publishedDocuments, hiddenDocuments, hiddenVersions, hiddenTitles, secretTitles, allTitles };
}

/** What a `/documents/<docno>/[v<version>/]` URL (base path and anchor allowed) points to that this build does not publish. */
export function hiddenTarget(url: string, ceiling: Ceiling): { docNo: string; version?: string; reason: HiddenReason } | undefined {
	const match = /(?:^|\/)documents\/([^/#?\s]+)(?:\/v([^/#?\s]+))?/i.exec(url);
	if (!match) return undefined;
	const slug = match[1]!.toLowerCase();
	const docNo = [...ceiling.hiddenDocuments.keys(), ...ceiling.hiddenVersions.keys()].find((d) => docSlug(d) === slug);
	if (!docNo) return undefined;
	const whole = ceiling.hiddenDocuments.get(docNo);
	if (whole) return { docNo, reason: whole };
	const version = match[2];
	const reason = version ? ceiling.hiddenVersions.get(docNo)?.get(version) : undefined;
	return version && reason ? { docNo, version, reason } : undefined;
}

/** 「高於本次發布上限（內部使用）」 or 「尚未發布（草稿）」, for messages. */
export function describeHidden(reason: HiddenReason, level: Classification): string {
	return reason === 'ceiling' ? `高於本次建置的發布上限（${CLASSIFICATION_LABELS[level]}）` : '不在本次建置中發布（草稿）';
}
