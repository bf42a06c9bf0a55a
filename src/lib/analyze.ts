import { existsSync } from 'node:fs';
import type { Root } from 'mdast';
import { join } from 'node:path';
import { computeCeiling, type Ceiling } from './ceiling.ts';
import { checkReferences, type VersionAnalysis } from './check.ts';
import { ceilingProblems } from './check-ceiling.ts';
import type { BuildSettings, PortalConfig } from './config.ts';
import { loadControls, type LoadedControls } from '../node/controls.ts';
import { loadSoaVersions } from '../node/soa.ts';
import type { Catalogue } from './soa/catalogue.ts';
import type { Soa } from './soa/data.ts';
import { STANDARDS } from './soa/ids.ts';
import { resolveSoaVersions, type ResolvedSoa } from './soa/versions.ts';
import { loadCorpus, type DocumentVersion } from './corpus.ts';
import { assetReferences, resolveAsset } from './documents/assets.ts';
import { duplicateNames } from './documents/attachments.ts';
import { MdxSyntaxError, parseBody } from './mdx.ts';
import { bodyFaults } from './mdx-rules.ts';
import { scanBody, treeNestingFault } from './body-guard.ts';
import { withFile } from './failure.ts';
import type { Problem } from './problems.ts';
import { createRedactor, redactText, redactTree, type Redactor } from './redact.ts';
import { buildOutline } from './outline/outline.ts';
import type { MdNode } from './outline/tree.ts';
import { attachCitingClauses } from './outline/citing.ts';
import { collectReferences } from './references.ts';
import { resolveDocuments, type ResolvedDocument } from './resolve.ts';
import { loadSynonymsFile } from '../node/synonyms.ts';

/**
 * One analysed version: its outline (clauses, anchors, text blocks for diffs and search; for a
 * published version, of its redacted text, what the build publishes) and its references.
 */
export interface AnalysedVersion extends VersionAnalysis {
	/** 修訂說明 as published (redacted), for a published version that has one. */
	changes?: string;
}

export interface CorpusAnalysis {
	/** Every version read, published or not. */
	versions: DocumentVersion[];
	/** Every document, resolved for the build date; no publication ceiling applied. */
	documents: ResolvedDocument[];
	analyses: Map<string, AnalysedVersion>;
	/** Annex A catalogues (2013, 2022) and their crosswalk. */
	controls: LoadedControls;
	/** Title of each document (its version in force, else its newest), for the reference parser. */
	titles: Map<string, string>;
	/** What this build publishes and what not (publication ceiling, drafts). */
	ceiling: Ceiling;
	/** The one redaction of published text, for the renderer and every other output. */
	redactor: Redactor;
	/** The catalogue of the SoA in force (the configured one when there is none), when it loaded. */
	catalogue?: Catalogue;
	/** The SoA version in force, when there is one and it is valid. */
	soa?: Soa;
	/** Every valid SoA version, newest first, with its state on the build date. */
	soaVersions: ResolvedSoa[];
	/** The document controller's search synonyms (content/search/synonyms.yaml), when valid. */
	synonyms: string[][];
	/** Layout, frontmatter, version and reference problems, in one format. */
	problems: Problem[];
	/**
	 * With `keepTrees`: the parsed (and redacted) tree of every published version, by version id, for
	 * the site build to render its page from (src/integration/documents.ts): the one parse per version.
	 */
	trees: Map<string, Root>;
}

export interface AnalysisOptions {
	/** Keep each published version's tree after analysing it (the site build renders pages from them). */
	keepTrees?: boolean;
}

/**
 * The corpus, read and checked once: files → frontmatter → versions in force → one parse of each
 * body → its outline (clauses, anchors, blocks) and references → the reference checks. The site build and
 * `npm run check` both call this; neither parses a document twice.
 */
export function analyzeCorpus(root: string, config: PortalConfig, settings: BuildSettings, options: AnalysisOptions = {}): CorpusAnalysis {
	const controls = loadControls(root, config.controlsDir);
	const catalogues = { '2013': controls.c2013, '2022': controls.c2022 };
	const sources = settings.soaFile || settings.soaDir ? { file: settings.soaFile, dir: settings.soaDir, fromEnv: Boolean(settings.soaFromEnv) } : { file: config.soaFile, dir: config.soaDir };
	const loadedSoa = loadSoaVersions(root, sources, catalogues, controls.crosswalk);
	const soa = resolveSoaVersions(loadedSoa.soas, settings.today);
	// The catalogue follows the SoA in force; both catalogues are always known to the checks.
	const active = catalogues[soa.current?.catalogue ?? config.controlsCatalogue];
	const synonyms = loadSynonymsFile(root, settings.synonymsFile ?? config.synonymsFile);
	const loaded = loadCorpus({
		root,
		documentsDir: settings.documentsDir,
		...(settings.documentsDirFromEnv ? { documentsDirVariable: 'PORTAL_DOCUMENTS_DIR' } : {}),
		docNoPattern: config.docNoPattern,
		docNoDescription: config.docNoDescription,
	});
	const resolved = resolveDocuments(loaded.versions, settings);
	const titles = new Map<string, string>();
	for (const doc of resolved.documents) {
		const named = doc.current ?? doc.versions.find((v) => v.state !== 'draft') ?? doc.versions[0];
		if (named) titles.set(doc.docNo, named.title);
	}
	const ceiling = computeCeiling(loaded.versions, resolved.documents, settings.ceiling, [controls.c2013, controls.c2022].flatMap((catalogue) => (catalogue ? catalogueTexts(catalogue) : [])));
	const redactor = createRedactor(ceiling, { docNoPattern: config.docNoPattern, titleOf: (docNo: string) => titles.get(docNo) });
	const syntax = redactor.syntax;

	const analyses = new Map<string, AnalysedVersion>();
	const trees = new Map<string, Root>();
	const syntaxProblems: Problem[] = [];
	const leakProblems: Problem[] = [];
	for (const version of loaded.versions) {
		withFile(version.file, () => {
			// Limits first, on the text (an empty body, nesting, emphasis marks), then on the tree,
			// before anything walks it recursively.
			const faults = scanBody(version.body, version.bodyLine);
			if (faults.length > 0) {
				for (const fault of faults) syntaxProblems.push({ file: version.file, severity: 'error', ...fault });
				return;
			}
			let tree;
			try {
				tree = parseBody(version.body, version.bodyLine - 1);
			} catch (error) {
				if (!(error instanceof MdxSyntaxError)) throw error;
				syntaxProblems.push({ file: version.file, line: error.line, column: error.column, severity: 'error', rule: 'mdx/syntax', message: error.message });
				return;
			}
			const deep = treeNestingFault(tree);
			if (deep) {
				syntaxProblems.push({ file: version.file, severity: 'error', ...deep });
				return;
			}
			for (const fault of bodyFaults(tree)) syntaxProblems.push({ file: version.file, severity: 'error', ...fault });
			const sites = collectReferences(tree, syntax, { ownTitle: version.title });
			const duplicates = duplicateNames(version.attachments ?? []);
			(version.attachments ?? []).forEach((attachment, index) => {
				if (duplicates.has(index)) {
					const at = version.fieldPositions[`attachments.${index}`] ?? { line: 1, column: 1 };
					syntaxProblems.push({ file: version.file, ...at, severity: 'error', rule: 'asset/duplicate-attachment', message: `附件「${attachment}」與前面的附件同名；同一版次的附件以檔名下載，檔名不可重複，請改名` });
					return;
				}
				const path = resolveAsset(version.file, attachment);
				if (existsSync(join(root, path))) return;
				const at = version.fieldPositions[`attachments.${index}`] ?? { line: 1, column: 1 };
				syntaxProblems.push({ file: version.file, ...at, severity: 'error', rule: 'asset/missing', message: `附件「${attachment}」不存在（找不到 ${path}）；請把檔案放到 ${path.replace(/\/[^/]*$/, '/')}，或修正路徑` });
			});
			for (const asset of assetReferences(tree)) {
				const path = resolveAsset(version.file, asset.url);
				if (existsSync(join(root, path))) continue;
				syntaxProblems.push({ file: version.file, line: asset.line, column: asset.column, severity: 'error', rule: 'asset/missing', message: `圖片「${asset.url}」不存在（找不到 ${path}）；請把圖檔放到 ${path.replace(/\/[^/]*$/, '/')}，或修正路徑` });
			}
			let changes: string | undefined;
			if (ceiling.published.has(version.id)) {
				// Checked as written, then published redacted: the diff's blocks are the page's text.
				const leaks = redactTree(tree, redactor);
				const changed = version.changes === undefined ? undefined : redactText(version.changes, redactor);
				changes = changed?.text;
				leakProblems.push(...ceilingProblems(version, leaks, changed?.leaks ?? [], ceiling));
				if (options.keepTrees) trees.set(version.id, tree);
			}
			// The one outline of this version: the checker, the page's anchors, backlinks and the diff read it.
			const outline = buildOutline(tree as unknown as MdNode);
			for (const problem of outline.problems) syntaxProblems.push({ file: version.file, ...problem });
			attachCitingClauses(sites, outline);
			analyses.set(version.id, { version, outline, sites, ...(changes !== undefined ? { changes } : {}) });
		});
	}
	const referenceProblems = checkReferences({
		documents: resolved.documents,
		analyses,
		...(controls.c2013 && controls.c2022
			? { controls: { ids: new Set([...controls.c2013.byId.keys(), ...controls.c2022.byId.keys()]), name: `${STANDARDS['2013']} 及 ${STANDARDS['2022']}` } }
			: {}),
		severities: config.checks,
		ceiling,
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
		problems: [...controls.problems, ...loadedSoa.problems, ...soa.problems, ...synonyms.problems, ...loaded.problems, ...syntaxProblems, ...resolved.problems, ...referenceProblems, ...leakProblems],
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
