import { isWithinCeiling } from './classification.ts';
import type { PortalConfig, BuildSettings } from './config.ts';
import { loadCorpus, type DocumentVersion } from './corpus.ts';
import { extractBlocks, type Block } from './blocks.ts';
import { parseBody } from './mdx.ts';
import type { Problem } from './problems.ts';
import { resolveDocuments, type ResolvedDocument, type ResolvedVersion, type VersionState } from './resolve.ts';
import { documentPath, versionPath } from './urls.ts';

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
}

/**
 * Loads, validates and resolves the corpus, then applies the publication ceiling: a version above
 * the ceiling leaves no trace, and a document whose in-force version is above it is left out whole.
 */
export interface BuildOutput {
	model: PortalModel;
	/** Text blocks of each published version, by version id (`ISMS-M-001/1.0`), for diffs. */
	blocks: Record<string, Block[]>;
	problems: Problem[];
	/** Every version read, published or not (dev mode watches their files). */
	versions: DocumentVersion[];
}

export function buildPortal(root: string, config: PortalConfig, settings: BuildSettings): BuildOutput {
	const loaded = loadCorpus({
		root,
		documentsDir: settings.documentsDir,
		docNoPattern: config.docNoPattern,
		docNoDescription: config.docNoDescription,
	});
	const resolved = resolveDocuments(loaded.versions, settings);
	const documents: PublishedDocument[] = [];
	for (const doc of resolved.documents) {
		const governing = doc.versions.find((v) => v.state === 'current' || v.state === 'withdrawn') ?? doc.versions[0];
		if (!governing || !isWithinCeiling(governing.classification, settings.ceiling)) continue;
		const versions = doc.versions.filter((v) => isWithinCeiling(v.classification, settings.ceiling)).map(publish);
		const current = versions.find((v) => v.state === 'current');
		documents.push({
			docNo: doc.docNo,
			url: documentPath(doc.docNo),
			latest: current ?? versions.find((v) => v.state === 'withdrawn') ?? versions[0]!,
			...(current ? { current } : {}),
			...(doc.withdrawn ? { withdrawn: doc.withdrawn } : {}),
			versions,
		});
	}
	// The one parse of each published body per build.
	const byId = new Map(loaded.versions.map((version) => [version.id, version]));
	const blocks: Record<string, Block[]> = {};
	for (const doc of documents) {
		for (const version of doc.versions) {
			const source = byId.get(version.id)!;
			blocks[version.id] = extractBlocks(parseBody(source.body, source.bodyLine - 1));
		}
	}
	return {
		model: { config, settings, documents },
		blocks,
		problems: [...loaded.problems, ...resolved.problems],
		versions: loaded.versions,
	};
}

function publish(version: ResolvedVersion): PublishedVersion {
	const { body: _body, bodyLine: _line, fieldPositions: _positions, ...rest } = version;
	return { ...rest, url: versionPath(version.docNo, version.version) };
}

export const STATE_LABELS: Record<VersionState, string> = {
	current: '現行版',
	superseded: '已被取代',
	upcoming: '尚未生效',
	withdrawn: '已廢止',
	draft: '草稿',
};
