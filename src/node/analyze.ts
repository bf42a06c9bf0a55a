import { existsSync } from 'node:fs';
import type { Root } from 'mdast';
import { join } from 'node:path';
import { computeCeiling } from '../lib/ceiling/ceiling.ts';
import { checkReferences } from '../lib/references/check.ts';
import { ceilingProblems } from '../lib/ceiling/check-ceiling.ts';
import type { BuildSettings } from '../lib/site/settings.ts';
import type { PortalConfig } from '../schemas/config.ts';
import { loadControls } from './controls.ts';
import type { AnalysedVersion, AnalysisOptions, CorpusAnalysis } from '../lib/documents/analysis.ts';
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
import { createRedactor, redactText, redactTree } from '../lib/ceiling/redact.ts';
import { buildOutline } from '../lib/outline/outline.ts';
import type { MdNode } from '../lib/outline/tree.ts';
import { attachCitingClauses } from '../lib/outline/citing.ts';
import { collectReferences } from '../lib/references/references.ts';
import { resolveDocuments } from '../lib/documents/resolve.ts';
import { loadSynonymsFile } from './synonyms.ts';
import { knownControls } from '../lib/soa/known-controls.ts';

export type { AnalysedVersion, CorpusAnalysis };

/**
 * The corpus, read and checked once: files → frontmatter → versions in force → one parse of each
 * body → its outline (clauses, anchors, blocks) and references → the reference checks. The site build and
 * `npm run check` both call this; neither parses a document twice.
 */
export function analyzeCorpus(root: string, config: PortalConfig, settings: BuildSettings, options: AnalysisOptions = {}): CorpusAnalysis {
	const controls = loadControls(root, config.controlsDir);
	const catalogues = { '2013': controls.c2013, '2022': controls.c2022 };
	const sources =
		settings.soaFile || settings.soaDir
			? { file: settings.soaFile, dir: settings.soaDir, fromEnv: Boolean(settings.soaFromEnv) }
			: { file: config.soaFile, dir: config.soaDir };
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
	const ceiling = computeCeiling(
		loaded.versions,
		resolved.documents,
		settings.ceiling,
		[controls.c2013, controls.c2022].flatMap((catalogue) => (catalogue ? catalogueTexts(catalogue) : [])),
	);
	const redactor = createRedactor(ceiling, { docNoPattern: config.docNoPattern, titleOf: (docNo: string) => titles.get(docNo) });
	const syntax = redactor.syntax;

	// Document numbers typed almost right are read against every number of the corpus, published or not.
	const nearMiss = { docNoPattern: config.docNoPattern, known: resolved.documents.map((doc) => doc.docNo) };
	const analyses = new Map<string, AnalysedVersion>();
	const trees = new Map<string, Root>();
	const syntaxProblems: Problem[] = [];
	const leakProblems: Problem[] = [];
	for (const version of loaded.versions) {
		withFile(version.file, () => {
			const tree = checkBody(root, version.file, version.body, version.bodyLine, syntaxProblems);
			if (!tree) return;
			const sites = collectReferences(tree, syntax, { ownTitle: version.title, nearMiss });
			const duplicates = duplicateNames(version.attachments ?? []);
			(version.attachments ?? []).forEach((attachment, index) => {
				if (duplicates.has(index)) {
					const at = version.fieldPositions[`attachments.${index}`] ?? { line: 1, column: 1 };
					syntaxProblems.push({
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
				const at = version.fieldPositions[`attachments.${index}`] ?? { line: 1, column: 1 };
				syntaxProblems.push({
					file: version.file,
					...at,
					severity: 'error',
					rule: 'asset/missing',
					message: `附件「${attachment}」不存在（找不到 ${path}）；請把檔案放到 ${path.replace(/\/[^/]*$/, '/')}，或修正路徑`,
				});
			});
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
	// A version whose frontmatter is invalid is not a version yet, but its body is checked all the same:
	// every finding in one run, not the body's after the frontmatter is fixed.
	for (const unchecked of loaded.unchecked) {
		withFile(unchecked.file, () => {
			const tree = checkBody(root, unchecked.file, unchecked.body, unchecked.bodyLine, syntaxProblems);
			if (tree)
				for (const problem of buildOutline(tree as unknown as MdNode).problems) syntaxProblems.push({ file: unchecked.file, ...problem });
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
 * emphasis marks), then MDX syntax, then on the tree before anything walks it recursively, what a document
 * may not do, and the images it shows. The tree, or undefined when it cannot be read further.
 */
function checkBody(root: string, file: string, body: string, bodyLine: number, problems: Problem[]): BodyTree | undefined {
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
	for (const asset of assetReferences(tree)) {
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
	return tree;
}

type BodyTree = ReturnType<typeof parseBody>;
