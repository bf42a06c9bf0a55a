import { existsSync } from 'node:fs';
import type { Root } from 'mdast';
import { join } from 'node:path';
import { computeCeiling, type Ceiling } from '../lib/ceiling/ceiling.ts';
import { checkReferences } from '../lib/references/check.ts';
import { ceilingProblems } from '../lib/ceiling/check-ceiling.ts';
import type { BuildSettings } from '../lib/site/settings.ts';
import type { PortalConfig } from '../schemas/config.ts';
import { loadControls } from './controls.ts';
import type { AnalysedVersion, AnalysisOptions, CorpusAnalysis, LoadedControls } from '../lib/documents/analysis.ts';
import { loadSoaVersions } from './soa.ts';
import type { Catalogue } from '../lib/soa/catalogue.ts';
import { resolveSoaVersions } from '../lib/soa/versions.ts';
import { loadCorpus } from './corpus.ts';
import { assetReferences, resolveAsset } from '../lib/documents/assets.ts';
import { duplicateNames } from '../lib/documents/attachments.ts';
import { MdxSyntaxError, parseBody } from '../lib/body/mdx.ts';
import { bodyFaults } from '../lib/body/mdx-rules.ts';
import { scanBody, treeNestingFault } from '../lib/body/body-guard.ts';
import { withFile } from '../lib/failure.ts';
import type { Problem } from '../lib/problems.ts';
import { createRedactor, redactText, redactTree, type Redactor } from '../lib/ceiling/redact.ts';
import type { DocumentVersion } from '../lib/documents/document-version.ts';
import { buildOutline } from '../lib/outline/outline.ts';
import type { MdNode } from '../lib/outline/tree.ts';
import { attachCitingClauses } from '../lib/outline/citing.ts';
import { collectReferences } from '../lib/references/references.ts';
import { resolveDocuments } from '../lib/documents/resolve.ts';
import { loadSynonymsFile } from './synonyms.ts';
import { knownControls } from '../lib/soa/known-controls.ts';

export type { AnalysedVersion, CorpusAnalysis };

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
		// The same file text gives the same DocumentVersion object (loadCorpus `reuse`).
		const cached = cache?.bodies.get(version.file);
		const reuse = cached?.version === version && cached.context === context && (!keepTrees || cached.body.keptTree);
		const body = reuse ? cached!.body : withFile(version.file, () => analyseBody(version, redactor, ceiling, nearMiss, keepTrees));
		cache?.bodies.set(version.file, { version, context, body });
		syntaxProblems.push(...body.problems);
		leakProblems.push(...body.leaks);
		if (body.analysed) analyses.set(version.id, { version, ...body.analysed });
		if (body.tree) trees.set(version.id, body.tree);
		// Files come and go between analyses: checked every time.
		syntaxProblems.push(...missingFiles(root, version, body.assets));
	}
	if (cache) {
		const present = new Set(loaded.versions.map((version) => version.file));
		for (const file of cache.bodies.keys()) if (!present.has(file)) cache.bodies.delete(file);
		for (const file of cache.files.keys())
			if (!present.has(file) && !loaded.problems.some((problem) => problem.file === file)) cache.files.delete(file);
	}
	// A version whose frontmatter is invalid is not a version yet, but its body is checked all the same:
	// every finding in one run, not the body's after the frontmatter is fixed.
	for (const unchecked of loaded.unchecked) {
		withFile(unchecked.file, () => {
			const tree = checkBody(unchecked.file, unchecked.body, unchecked.bodyLine, syntaxProblems);
			if (!tree) return;
			for (const problem of buildOutline(tree as unknown as MdNode).problems) syntaxProblems.push({ file: unchecked.file, ...problem });
			syntaxProblems.push(...missingImages(root, unchecked.file, assetReferences(tree)));
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

/**
 * The checks of a body on its own, in `problems`: limits first, on the text (an empty body, nesting,
 * emphasis marks), then MDX syntax, then on the tree before anything walks it recursively, and what a
 * document may not do. The tree, or undefined when it cannot be read further.
 */
function checkBody(file: string, body: string, bodyLine: number, problems: Problem[]): BodyTree | undefined {
	const faults = scanBody(body, bodyLine);
	if (faults.length > 0) {
		for (const fault of faults) problems.push({ file, severity: 'error', ...fault });
		return undefined;
	}
	let tree: BodyTree;
	try {
		tree = parseBody(body, bodyLine - 1);
	} catch (error) {
		if (!(error instanceof MdxSyntaxError)) throw error;
		problems.push({ file, line: error.line, column: error.column, severity: 'error', rule: 'mdx/syntax', message: error.message });
		return undefined;
	}
	const deep = treeNestingFault(tree);
	if (deep) {
		problems.push({ file, severity: 'error', ...deep });
		return undefined;
	}
	for (const fault of bodyFaults(tree)) problems.push({ file, severity: 'error', ...fault });
	return tree;
}

/** One version's body, analysed: what depends only on its file and on `contextKey`. */
export interface BodyAnalysis {
	problems: Problem[];
	leaks: Problem[];
	/** Absent when the body could not be parsed (its problems say why). */
	analysed?: Omit<AnalysedVersion, 'version'>;
	/** Images the body shows, for the check that their files exist. */
	assets: { url: string; line: number; column: number }[];
	/** Whether the analysis was asked to keep the tree (`tree` is then the published version's, redacted). */
	keptTree: boolean;
	tree?: Root;
}

/** One parse and the checks, references, redaction of a published version, its outline. */
function analyseBody(
	version: DocumentVersion,
	redactor: Redactor,
	ceiling: Ceiling,
	nearMiss: { docNoPattern: string; known: string[] },
	keepTree: boolean,
): BodyAnalysis {
	const problems: Problem[] = [];
	const result: BodyAnalysis = { problems, leaks: [], assets: [], keptTree: keepTree };
	const tree = checkBody(version.file, version.body, version.bodyLine, problems);
	if (!tree) return result;
	const sites = collectReferences(tree, redactor.syntax, { ownTitle: version.title, nearMiss });
	result.assets = assetReferences(tree);
	let changes: string | undefined;
	if (ceiling.published.has(version.id)) {
		// Checked as written, then published redacted: the diff's blocks are the page's text.
		const leaks = redactTree(tree, redactor);
		const changed = version.changes === undefined ? undefined : redactText(version.changes, redactor);
		changes = changed?.text;
		result.leaks = ceilingProblems(version, leaks, changed?.leaks ?? [], ceiling);
		if (keepTree) result.tree = tree;
	}
	// The one outline of this version: the checker, the page's anchors, backlinks and the diff read it.
	const outline = buildOutline(tree as unknown as MdNode);
	for (const problem of outline.problems) problems.push({ file: version.file, ...problem });
	attachCitingClauses(sites, outline);
	result.analysed = { outline, sites, ...(changes !== undefined ? { changes } : {}) };
	return result;
}

/** Attachments and images of a version whose files are missing (or named twice). */
function missingFiles(root: string, version: DocumentVersion, assets: BodyAnalysis['assets']): Problem[] {
	const problems: Problem[] = [];
	const duplicates = duplicateNames(version.attachments ?? []);
	(version.attachments ?? []).forEach((attachment, index) => {
		const at = version.fieldPositions[`attachments.${index}`] ?? { line: 1, column: 1 };
		if (duplicates.has(index)) {
			problems.push({
				file: version.file,
				...at,
				severity: 'error',
				rule: 'asset/duplicate-attachment',
				message: `附件「${attachment}」與前面的附件同名；同一版次的附件以檔名下載，檔名不可重複，請改名`,
			});
			return;
		}
		const path = resolveAsset(version.file, attachment);
		if (existsSync(join(root, path))) return;
		problems.push({
			file: version.file,
			...at,
			severity: 'error',
			rule: 'asset/missing',
			message: `附件「${attachment}」不存在（找不到 ${path}）；請把檔案放到 ${path.replace(/\/[^/]*$/, '/')}，或修正路徑`,
		});
	});
	problems.push(...missingImages(root, version.file, assets));
	return problems;
}

function missingImages(root: string, file: string, assets: BodyAnalysis['assets']): Problem[] {
	const problems: Problem[] = [];
	for (const asset of assets) {
		const path = resolveAsset(file, asset.url);
		if (existsSync(join(root, path))) continue;
		problems.push({
			file,
			line: asset.line,
			column: asset.column,
			severity: 'error',
			rule: 'asset/missing',
			message: `圖片「${asset.url}」不存在（找不到 ${path}）；請把圖檔放到 ${path.replace(/\/[^/]*$/, '/')}，或修正路徑`,
		});
	}
	return problems;
}

/** Everything a body's analysis reads besides its own file: titles, the ceiling, the corpus's numbers. */
function contextKey(ceiling: Ceiling, titles: ReadonlyMap<string, string>, nearMiss: { docNoPattern: string; known: string[] }): string {
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

type BodyTree = ReturnType<typeof parseBody>;
