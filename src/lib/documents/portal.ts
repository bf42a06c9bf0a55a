import type { PortalConfig } from '../../schemas/config.ts';
import type { BuildSettings } from '../site/settings.ts';
import type { CorpusAnalysis } from './analysis.ts';
import type { OutlineBlock as Block } from '../outline/outline.ts';
import { soaModel, type SoaModel } from '../soa/model.ts';
import type { Soa } from '../soa/data.ts';
import type { DocumentVersion } from './document-version.ts';
import type { Problem } from '../problems.ts';
import { redactText, type Redactor } from '../ceiling/redact.ts';
import type { ResolvedDocument, ResolvedVersion } from './resolve.ts';
import { documentPath, versionPath, withBase } from '../site/urls.ts';

/** What the pages need of one version: frontmatter, state and URLs, without the body. */
export interface PublishedVersion extends Omit<ResolvedVersion, 'body' | 'bodyLine' | 'fieldPositions'> {
	url: string;
}

export interface PublishedDocument {
	docNo: string;
	/** Permalink `/documents/<docno>/`: the current version. */
	url: string;
	/** The version the permalink shows: the current one, else the withdrawing one, else the newest. */
	latest: PublishedVersion;
	current?: PublishedVersion;
	withdrawn?: ResolvedDocument['withdrawn'];
	/** Newest first. */
	versions: PublishedVersion[];
}

/** Everything the site renders from, computed once per build and serialised into the pages. */
export interface PortalModel {
	config: PortalConfig;
	settings: BuildSettings;
	documents: PublishedDocument[];
	/** Citing documents by cited docNo. */
	backlinks: Record<string, Backlink[]>;
	/** The SoA versions and coverage matrices, from the SoA data and the published documents in force. */
	soa: SoaModel;
	/** The document controller's search synonyms (content/search/synonyms.yaml), added to the defaults. */
	synonyms?: string[][];
}

export interface BuildOutput {
	model: PortalModel;
	/** Text blocks of each published version, by version id (`ISMS-M-001/1.0`), for diffs. */
	blocks: Record<string, Block[]>;
	problems: Problem[];
	/** Every version read, published or not (dev mode watches their files). */
	versions: DocumentVersion[];
	/**
	 * The redaction every published text goes through (the renderer's too): what the build does not
	 * publish, every title of every document (hidden ones included, to remove them whole). Never
	 * serialised into pages.
	 */
	redactor: Redactor;
	/** Titles of every document (its version in force, else its newest), hidden ones included: for the parser. */
	titles: Map<string, string>;
	/** The analysis the model was made from (the build's audit reads what it must not find). */
	analysis: CorpusAnalysis;
}

/**
 * The published model of an analysed corpus (src/node/portal.ts reads and analyses it): the
 * publication ceiling applied, a version above it leaves no trace, and a document whose governing
 * version is above it is left out whole.
 */
export function publishAnalysis(analysis: CorpusAnalysis, config: PortalConfig, settings: BuildSettings): BuildOutput {
	const { ceiling, redactor } = analysis;
	const documents: PublishedDocument[] = [];
	for (const doc of analysis.documents) {
		if (!ceiling.publishedDocuments.has(doc.docNo)) continue;
		const versions = relinkSuccessors(
			doc.versions.filter((v) => ceiling.published.has(v.id)).map((v) => publish(v, settings.base, analysis)),
		);
		if (versions.length === 0) continue;
		const current = versions.find((v) => v.state === 'current');
		documents.push({
			docNo: doc.docNo,
			url: withBase(settings.base, documentPath(doc.docNo)),
			latest: current ?? versions.find((v) => v.state === 'withdrawn') ?? versions[0]!,
			...(current ? { current } : {}),
			...(doc.withdrawn ? { withdrawn: doc.withdrawn } : {}),
			versions,
		});
	}
	// Text blocks of the published (redacted) text: versions.json and /diff/ show what the pages show.
	const blocks: Record<string, Block[]> = {};
	for (const doc of documents) {
		for (const version of doc.versions) blocks[version.id] = analysis.analyses.get(version.id)?.outline.blocks ?? [];
	}
	return {
		model: {
			config,
			settings,
			documents,
			backlinks: backlinks(documents, analysis),
			soa: soaOf(analysis, documents, config.controlsCatalogue, redactor),
			synonyms: analysis.synonyms,
		},
		blocks,
		problems: analysis.problems,
		versions: analysis.versions,
		redactor,
		titles: analysis.titles,
		analysis,
	};
}

/** A document citing another: shown under 被引用於 on the cited document's page. */
export interface Backlink {
	docNo: string;
	title: string;
	/** The citing clause on the citing document's permalink, or the permalink itself. */
	url: string;
	clause?: string;
}

/**
 * Who cites whom, from the versions in force of published documents only (a document above the
 * ceiling must not show up as a citer), one entry per citing clause.
 */
function backlinks(documents: readonly PublishedDocument[], analysis: CorpusAnalysis): Record<string, Backlink[]> {
	const published = new Set(documents.map((doc) => doc.docNo));
	const result: Record<string, Backlink[]> = {};
	for (const doc of documents) {
		if (!doc.current) continue;
		const seen = new Set<string>();
		for (const site of analysis.analyses.get(doc.current.id)?.sites ?? []) {
			const cited = site.kind === 'document' || site.kind === 'clause' || site.kind === 'outline-clause' ? site.docNo : undefined;
			if (!cited || cited === doc.docNo || !published.has(cited)) continue;
			const key = `${cited} ${site.citing?.anchor ?? ''}`;
			if (seen.has(key)) continue;
			seen.add(key);
			(result[cited] ??= []).push({
				docNo: doc.docNo,
				title: doc.current.title,
				// The citing clause as the outline names it and anchors it on the page (`sec-參-一-（二）`).
				url: site.citing ? `${doc.url}#${site.citing.anchor}` : doc.url,
				...(site.citing ? { clause: site.citing.label } : {}),
			});
		}
	}
	for (const list of Object.values(result))
		list.sort((a, b) => a.docNo.localeCompare(b.docNo) || (a.clause ?? '').localeCompare(b.clause ?? '', 'en', { numeric: true }));
	return result;
}

/**
 * After versions above the ceiling are dropped, a superseded version names as its successor the next
 * newer version that is still published (and in force by now), never a hidden one.
 */
function relinkSuccessors(newestFirst: PublishedVersion[]): PublishedVersion[] {
	let successor: PublishedVersion | undefined;
	const relinked: PublishedVersion[] = [];
	for (const version of newestFirst) {
		if (version.state === 'superseded') {
			const { supersededBy: _hidden, ...rest } = version;
			relinked.push(successor ? { ...rest, supersededBy: { version: successor.version, effective: successor.effective } } : rest);
		} else {
			relinked.push(version);
		}
		if (version.state !== 'draft' && version.state !== 'upcoming') successor = version;
	}
	return relinked;
}

/** A version as pages show it: no body, its 修訂說明 redacted like its text. */
function publish(version: ResolvedVersion, base: string | undefined, analysis: CorpusAnalysis): PublishedVersion {
	const { body: _body, bodyLine: _line, fieldPositions: _positions, changes: _changes, ...rest } = version;
	const changes =
		version.changes === undefined
			? undefined
			: (analysis.analyses.get(version.id)?.changes ?? redactText(version.changes, analysis.redactor).text);
	return { ...rest, ...(changes !== undefined ? { changes } : {}), url: withBase(base, versionPath(version.docNo, version.version)) };
}

/**
 * Coverage counts only what this build publishes: a document above the ceiling is no evidence here.
 * The SoA data's own text (evidence, notes, 修訂說明) is redacted like a document's, in every version.
 */
function soaOf(
	analysis: CorpusAnalysis,
	documents: readonly PublishedDocument[],
	fallback: PortalConfig['controlsCatalogue'],
	redactor: Redactor,
): SoaModel {
	return soaModel({
		catalogues: { '2013': analysis.controls.c2013, '2022': analysis.controls.c2022 },
		crosswalk: analysis.controls.crosswalk,
		versions: analysis.soaVersions.map((resolved) => ({ ...resolved, soa: redactSoa(resolved.soa, redactor) })),
		...(analysis.soa ? { current: redactSoa(analysis.soa, redactor) } : {}),
		fallback,
		documents: documents.flatMap((doc) => {
			if (!doc.current) return [];
			const cited = (analysis.analyses.get(doc.current.id)?.sites ?? []).flatMap((site) => (site.kind === 'control' ? [site.id] : []));
			return [{ docNo: doc.docNo, title: doc.current.title, url: doc.url, controls: doc.current.controls, cited }];
		}),
	});
}

function redactSoa(soa: Soa, redactor: Redactor): Soa {
	const redact = <T extends object>(record: T): T =>
		Object.fromEntries(
			Object.entries(record).map(([key, value]) => [key, typeof value === 'string' ? redactText(value, redactor).text : value]),
		) as T;
	return { ...redact(soa), entries: Object.fromEntries(Object.entries(soa.entries).map(([id, entry]) => [id, redact(entry)])) };
}
