import { isWithinCeiling } from './classification.ts';
import type { PortalConfig, BuildSettings } from './config.ts';
import { analyzeCorpus, type CorpusAnalysis } from './analyze.ts';
import type { Block } from './blocks.ts';
import { soaModel, type SoaModel } from './soa/model.ts';
import type { DocumentVersion } from './corpus.ts';
import type { Problem } from './problems.ts';
import type { ResolvedDocument, ResolvedVersion, VersionState } from './resolve.ts';
import { clauseAnchor, documentPath, versionPath, withBase } from './urls.ts';

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
	/** Documents that exist but are above this build's ceiling: cited only by their bare number. */
	hidden: string[];
	/**
	 * Titles of every document, hidden ones included: the renderer needs them to know where a cited
	 * title ends, so that it can remove it whole. Never serialised into pages.
	 */
	titles: Map<string, string>;
}

/**
 * Analyses the corpus once, then applies the publication ceiling: a version above the ceiling
 * leaves no trace, and a document whose governing version is above it is left out whole.
 */
export function buildPortal(root: string, config: PortalConfig, settings: BuildSettings): BuildOutput {
	const analysis = analyzeCorpus(root, config, settings);
	const documents: PublishedDocument[] = [];
	const hidden: string[] = [];
	for (const doc of analysis.documents) {
		const governing = doc.versions.find((v) => v.state === 'current' || v.state === 'withdrawn') ?? doc.versions[0];
		if (!governing) continue;
		if (!isWithinCeiling(governing.classification, settings.ceiling)) {
			hidden.push(doc.docNo);
			continue;
		}
		const versions = relinkSuccessors(doc.versions.filter((v) => isWithinCeiling(v.classification, settings.ceiling)).map((v) => publish(v, settings.base)));
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
	const blocks: Record<string, Block[]> = {};
	for (const doc of documents) {
		for (const version of doc.versions) blocks[version.id] = analysis.analyses.get(version.id)?.blocks ?? [];
	}
	return {
		model: { config, settings, documents, backlinks: backlinks(documents, analysis), soa: soaOf(analysis, documents, config.controlsCatalogue), synonyms: analysis.synonyms },
		blocks,
		problems: analysis.problems,
		versions: analysis.versions,
		hidden,
		titles: analysis.titles,
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
			const cited = site.kind === 'document' ? site.docNo : site.kind === 'clause' ? site.docNo : undefined;
			if (!cited || cited === doc.docNo || !published.has(cited)) continue;
			const key = `${cited} ${site.citingClause ?? ''}`;
			if (seen.has(key)) continue;
			seen.add(key);
			(result[cited] ??= []).push({
				docNo: doc.docNo,
				title: doc.current.title,
				url: site.citingClause ? `${doc.url}#${clauseAnchor(site.citingClause)}` : doc.url,
				...(site.citingClause ? { clause: site.citingClause } : {}),
			});
		}
	}
	for (const list of Object.values(result)) list.sort((a, b) => a.docNo.localeCompare(b.docNo) || (a.clause ?? '').localeCompare(b.clause ?? '', 'en', { numeric: true }));
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

function publish(version: ResolvedVersion, base: string | undefined): PublishedVersion {
	const { body: _body, bodyLine: _line, fieldPositions: _positions, ...rest } = version;
	return { ...rest, url: withBase(base, versionPath(version.docNo, version.version)) };
}


/** Coverage counts only what this build publishes: a document above the ceiling is no evidence here. */
function soaOf(analysis: CorpusAnalysis, documents: readonly PublishedDocument[], fallback: PortalConfig['controlsCatalogue']): SoaModel {
	return soaModel({
		catalogues: { '2013': analysis.controls.c2013, '2022': analysis.controls.c2022 },
		crosswalk: analysis.controls.crosswalk,
		versions: analysis.soaVersions,
		...(analysis.soa ? { current: analysis.soa } : {}),
		fallback,
		documents: documents.flatMap((doc) => {
			if (!doc.current) return [];
			const cited = (analysis.analyses.get(doc.current.id)?.sites ?? []).flatMap((site) => (site.kind === 'control' ? [site.id] : []));
			return [{ docNo: doc.docNo, title: doc.current.title, url: doc.url, controls: doc.current.controls, cited }];
		}),
	});
}
