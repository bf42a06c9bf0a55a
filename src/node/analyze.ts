import type { Root } from 'mdast';
import { computeCeiling } from '../lib/ceiling/ceiling.ts';
import { createRedactor } from '../lib/ceiling/redact.ts';
import type { AnalysedVersion, AnalysisOptions, CorpusAnalysis } from '../lib/documents/analysis.ts';
import { resolveDocuments } from '../lib/documents/resolve.ts';
import { withFile } from '../lib/failure.ts';
import type { Problem } from '../lib/problems.ts';
import { checkReferences } from '../lib/references/check.ts';
import type { BuildSettings } from '../lib/site/settings.ts';
import type { Catalogue } from '../lib/soa/catalogue.ts';
import { knownControls } from '../lib/soa/known-controls.ts';
import { resolveSoaVersions } from '../lib/soa/versions.ts';
import type { PortalConfig } from '../schemas/config.ts';
import { analyseBody, checkUncheckedBody } from './analyze-body.ts';
import { cachedBody, contextKey, forgetRemoved, type AnalysisCache } from './analysis-cache.ts';
import { missingFiles, missingImages } from './asset-files.ts';
import { loadControls } from './controls.ts';
import { loadCorpus, readBodyAgain } from './corpus.ts';
import { loadSoaVersions } from './soa.ts';
import { loadSynonymsFile } from './synonyms.ts';

export type { AnalysedVersion, CorpusAnalysis };
// The dev server's cache is part of this module's options (its definition: analysis-cache.ts).

export interface AnalyzeOptions extends AnalysisOptions {
	/** The dev server's: what the previous analysis may lend this one. */
	cache?: AnalysisCache;
}

/**
 * The corpus, read and checked once: files → frontmatter → versions in force → one parse of each
 * body → its outline (clauses, anchors, blocks) and references → the reference checks. The site build and
 * `npm run check` both call this; neither parses a document twice.
 */
export function analyzeCorpus(root: string, config: PortalConfig, settings: BuildSettings, options: AnalyzeOptions = {}): CorpusAnalysis {
	const { cache } = options;
	const controls = cache?.controls ?? loadControls(root, config.controlsDir);
	const catalogues = { '2013': controls.c2013, '2022': controls.c2022 };
	const sources =
		settings.soaFile || settings.soaDir
			? { file: settings.soaFile, dir: settings.soaDir, fromEnv: Boolean(settings.soaFromEnv) }
			: { file: config.soaFile, dir: config.soaDir };
	// The SoA data is read against the catalogues: new catalogues, the SoA again.
	const loadedSoa =
		(cache?.controls === controls ? cache.soa : undefined) ?? loadSoaVersions(root, sources, catalogues, controls.crosswalk);
	const soa = resolveSoaVersions(loadedSoa.soas, settings.today);
	// The catalogue follows the SoA in force; both catalogues are always known to the checks.
	const active = catalogues[soa.current?.catalogue ?? config.controlsCatalogue];
	const synonyms = cache?.synonyms ?? loadSynonymsFile(root, settings.synonymsFile ?? config.synonymsFile);
	if (cache) Object.assign(cache, { controls, soa: loadedSoa, synonyms });
	const loaded = loadCorpus({
		root,
		documentsDir: settings.documentsDir,
		...(settings.documentsDirFromEnv ? { documentsDirVariable: 'PORTAL_DOCUMENTS_DIR' } : {}),
		docNoPattern: config.docNoPattern,
		docNoDescription: config.docNoDescription,
		...(cache ? { reuse: cache.files } : {}),
	});
	const resolved = resolveDocuments(loaded.versions, settings);
	const titles = new Map<string, string>();
	for (const doc of resolved.documents) {
		const named = doc.current ?? doc.versions.find((v) => v.state !== 'draft') ?? doc.versions[0];
		if (named) titles.set(doc.docNo, named.title);
	}
	const ceiling = computeCeiling(
		loaded.versions,
		resolved.documents,
		settings.ceiling,
		[controls.c2013, controls.c2022].flatMap((catalogue) => (catalogue ? catalogueTexts(catalogue) : [])),
	);
	const redactor = createRedactor(ceiling, { docNoPattern: config.docNoPattern, titleOf: (docNo: string) => titles.get(docNo) });

	// Document numbers typed almost right are read against every number of the corpus, published or not.
	const nearMiss = { docNoPattern: config.docNoPattern, known: resolved.documents.map((doc) => doc.docNo) };
	// What every body's analysis reads of the others: a change here analyses every body again.
	const context = cache ? contextKey(ceiling, titles, nearMiss) : '';
	const keepTrees = Boolean(options.keepTrees);
	const analyses = new Map<string, AnalysedVersion>();
	const trees = new Map<string, Root>();
	const syntaxProblems: Problem[] = [];
	const leakProblems: Problem[] = [];
	for (const version of loaded.versions) {
		let body = cachedBody(cache, version, context, keepTrees);
		if (!body) {
			const bodyLength = loaded.unread.get(version.file);
			const unreadable = bodyLength === undefined ? undefined : readBodyAgain(root, version, bodyLength);
			if (unreadable) {
				syntaxProblems.push(unreadable);
				continue;
			}
			body = withFile(version.file, () => analyseBody(version, redactor, ceiling, nearMiss, keepTrees));
		}
		cache?.bodies.set(version.file, { version, context, body });
		syntaxProblems.push(...body.problems);
		leakProblems.push(...body.leaks);
		if (body.analysed) analyses.set(version.id, { version, ...body.analysed });
		if (body.tree) trees.set(version.id, body.tree);
		// Files come and go between analyses: checked every time.
		syntaxProblems.push(...missingFiles(root, version, body.assets));
	}
	if (cache)
		forgetRemoved(cache, new Set(loaded.versions.map((version) => version.file)), new Set(loaded.problems.map((problem) => problem.file)));
	// A version whose frontmatter is invalid is not a version yet, but its body is checked all the same:
	// every finding in one run, not the body's after the frontmatter is fixed.
	for (const unchecked of loaded.unchecked) {
		withFile(unchecked.file, () => {
			const assets = checkUncheckedBody(unchecked.file, unchecked.body, unchecked.bodyLine, syntaxProblems);
			syntaxProblems.push(...missingImages(root, unchecked.file, assets));
		});
	}
	const referenceProblems = checkReferences({
		documents: resolved.documents,
		analyses,
		controls: knownControls([controls.c2013, controls.c2022]),
		severities: config.checks,
		ceiling,
		folders: new Map(loaded.folders.map((folder) => [folder.name, folder])),
		docNoDescription: config.docNoDescription,
		documentsDir: settings.documentsDir.replace(/\/+$/u, ''),
	});
	return {
		versions: loaded.versions,
		documents: resolved.documents,
		analyses,
		controls,
		titles,
		ceiling,
		redactor,
		...(active ? { catalogue: active } : {}),
		...(soa.current ? { soa: soa.current } : {}),
		soaVersions: soa.versions,
		synonyms: synonyms.groups,
		trees,
		problems: [
			...controls.problems,
			...loadedSoa.problems,
			...soa.problems,
			...synonyms.problems,
			...loaded.problems,
			...syntaxProblems,
			...resolved.problems,
			...referenceProblems,
			...leakProblems,
		],
	};
}

/** Text the Annex A catalogue publishes on /soa/ whatever the documents say (control and domain names). */
function catalogueTexts(catalogue: Catalogue): string[] {
	return catalogue.domains.flatMap((domain) => [
		domain.zh,
		domain.en,
		...(domain.objectives ?? []).flatMap((objective) => [objective.zh, objective.en]),
		...domain.controls.flatMap((control) => [control.zh, control.en]),
	]);
}
