import type { Ceiling } from '../lib/ceiling/ceiling.ts';
import type { DocumentVersion } from '../lib/documents/document-version.ts';
import type { LoadedControls } from '../lib/documents/analysis.ts';
import type { BodyAnalysis, NearMiss } from './analyze-body.ts';
import type { loadCorpus } from './corpus.ts';
import type { loadSoaVersions } from './soa.ts';
import type { loadSynonymsFile } from './synonyms.ts';

/**
 * What an analysis may keep for the next one (the dev server re-analyses after every save): the catalogues,
 * the SoA data and the synonyms until the dev server drops them (one of their files changed), and each
 * version's body analysis (with its tree, for the renderer) for as long as its file and everything it reads
 * of the others (titles, the publication ceiling, the corpus's numbers) are the same. A build passes none
 * and reads everything once.
 */
export interface AnalysisCache {
	controls?: LoadedControls;
	soa?: ReturnType<typeof loadSoaVersions>;
	synonyms?: ReturnType<typeof loadSynonymsFile>;
	/** Version files as read (src/node/corpus.ts `reuse`): the same text keeps its DocumentVersion object. */
	files: NonNullable<Parameters<typeof loadCorpus>[0]['reuse']>;
	/** By version file: the version (object) and context it was analysed under, and what came out. */
	bodies: Map<string, { version: DocumentVersion; context: string; body: BodyAnalysis }>;
}

export function createAnalysisCache(): AnalysisCache {
	return { files: new Map(), bodies: new Map() };
}

/**
 * The body analysis a version may keep: the same DocumentVersion object (the same file text, loadCorpus
 * `reuse`) analysed under the same context, with its tree when the analysis keeps trees.
 */
export function cachedBody(
	cache: AnalysisCache | undefined,
	version: DocumentVersion,
	context: string,
	keepTrees: boolean,
): BodyAnalysis | undefined {
	const cached = cache?.bodies.get(version.file);
	return cached?.version === version && cached.context === context && (!keepTrees || cached.body.keptTree) ? cached.body : undefined;
}

/** Forgets version files that are gone (a file with problems of its own keeps what was read of it). */
export function forgetRemoved(cache: AnalysisCache, present: ReadonlySet<string>, withProblems: ReadonlySet<string>): void {
	for (const file of cache.bodies.keys()) if (!present.has(file)) cache.bodies.delete(file);
	for (const file of cache.files.keys()) if (!present.has(file) && !withProblems.has(file)) cache.files.delete(file);
}

/** Everything a body's analysis reads besides its own file: titles, the ceiling, the corpus's numbers. */
export function contextKey(ceiling: Ceiling, titles: ReadonlyMap<string, string>, nearMiss: NearMiss): string {
	return JSON.stringify([
		nearMiss.docNoPattern,
		nearMiss.known,
		[...titles],
		ceiling.level,
		[...ceiling.published],
		[...ceiling.hiddenDocuments],
		[...ceiling.hiddenVersions].map(([docNo, versions]) => [docNo, [...versions]]),
		[...ceiling.hiddenTitles],
		ceiling.secretTitles,
		[...ceiling.allTitles],
	]);
}
