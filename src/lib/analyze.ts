import { extractBlocks, clauseInventory, type Block } from './blocks.ts';
import { computeCeiling, type Ceiling } from './ceiling.ts';
import { checkReferences, type VersionAnalysis } from './check.ts';
import { ceilingProblems } from './check-ceiling.ts';
import { leadingClause } from './clauses.ts';
import type { BuildSettings, PortalConfig } from './config.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadControls, STANDARDS, type Catalogue, type LoadedControls } from './controls.ts';
import { parseSoa, type Soa } from './soa.ts';
import { loadCorpus, type DocumentVersion } from './corpus.ts';
import { MdxSyntaxError, parseBody, unrenderable } from './mdx.ts';
import type { Problem } from './problems.ts';
import { createRedactor, redactText, redactTree, type Redactor } from './redact.ts';
import { collectReferences } from './references.ts';
import { resolveDocuments, type ResolvedDocument } from './resolve.ts';

/** One analysed version: its text blocks (diffs, clause inventory) and its references. */
export interface AnalysedVersion extends VersionAnalysis {
	/** Text blocks; for a published version, of its redacted text (what the build publishes). */
	blocks: Block[];
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
	/** The catalogue the portal uses (configuration), when it loaded. */
	catalogue?: Catalogue;
	/** The Statement of Applicability data, when present and valid. */
	soa?: Soa;
	/** Layout, frontmatter, version and reference problems, in one format. */
	problems: Problem[];
}

/**
 * The corpus, read and checked once: files → frontmatter → versions in force → one parse of each
 * body → blocks, clause numbers and references → the reference checks. The site build and
 * `npm run check` both call this; neither parses a document twice.
 */
export function analyzeCorpus(root: string, config: PortalConfig, settings: BuildSettings): CorpusAnalysis {
	const controls = loadControls(root, config.controlsDir);
	const active = config.controlsCatalogue === '2013' ? controls.c2013 : controls.c2022;
	const soa = active ? loadSoa(root, settings.soaFile ?? config.soaFile, active) : { problems: [] };
	const loaded = loadCorpus({
		root,
		documentsDir: settings.documentsDir,
		docNoPattern: config.docNoPattern,
		docNoDescription: config.docNoDescription,
	});
	const resolved = resolveDocuments(loaded.versions, settings);
	const titles = new Map<string, string>();
	for (const doc of resolved.documents) {
		const named = doc.current ?? doc.versions.find((v) => v.state !== 'draft') ?? doc.versions[0];
		if (named) titles.set(doc.docNo, named.title);
	}
	const ceiling = computeCeiling(loaded.versions, resolved.documents, settings.ceiling, active ? catalogueTexts(active) : []);
	const redactor = createRedactor(ceiling, { docNoPattern: config.docNoPattern, titleOf: (docNo: string) => titles.get(docNo) });
	const syntax = redactor.syntax;

	const analyses = new Map<string, AnalysedVersion>();
	const syntaxProblems: Problem[] = [];
	const leakProblems: Problem[] = [];
	for (const version of loaded.versions) {
		let tree;
		try {
			tree = parseBody(version.body, version.bodyLine - 1);
		} catch (error) {
			if (!(error instanceof MdxSyntaxError)) throw error;
			syntaxProblems.push({ file: version.file, line: error.line, column: error.column, severity: 'error', rule: 'mdx/syntax', message: error.message });
			continue;
		}
		for (const fault of unrenderable(tree)) syntaxProblems.push({ file: version.file, ...fault, severity: 'error', rule: 'mdx/unrenderable' });
		const sites = collectReferences(tree, syntax, leadingClause);
		let changes: string | undefined;
		if (ceiling.published.has(version.id)) {
			// Checked as written, then published redacted: the diff's blocks are the page's text.
			const leaks = redactTree(tree, redactor);
			const changed = version.changes === undefined ? undefined : redactText(version.changes, redactor);
			changes = changed?.text;
			leakProblems.push(...ceilingProblems(version, leaks, changed?.leaks ?? [], ceiling));
		}
		const blocks = extractBlocks(tree);
		analyses.set(version.id, { version, blocks, clauses: clauseInventory(blocks), sites, ...(changes !== undefined ? { changes } : {}) });
	}
	const referenceProblems = checkReferences({
		documents: resolved.documents,
		analyses,
		...(active ? { controls: { ids: new Set(active.byId.keys()), name: STANDARDS[config.controlsCatalogue] } } : {}),
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
		...(soa.soa ? { soa: soa.soa } : {}),
		problems: [...controls.problems, ...soa.problems, ...loaded.problems, ...syntaxProblems, ...resolved.problems, ...referenceProblems, ...leakProblems],
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

/** The SoA data file is optional: without it every control is listed as missing from the SoA. */
function loadSoa(root: string, file: string, catalogue: Catalogue): { soa?: Soa; problems: Problem[] } {
	const path = join(root, file);
	if (!existsSync(path)) return { problems: [] };
	return parseSoa(readFileSync(path, 'utf8'), file, catalogue);
}
