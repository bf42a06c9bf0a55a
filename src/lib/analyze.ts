import { extractBlocks, clauseInventory, type Block } from './blocks.ts';
import { checkReferences, type VersionAnalysis } from './check.ts';
import { leadingClause } from './clauses.ts';
import type { BuildSettings, PortalConfig } from './config.ts';
import { loadControls, STANDARDS, type Catalogue, type LoadedControls } from './controls.ts';
import { parseSoa, type Soa } from './soa.ts';
import { loadCorpus, type DocumentVersion } from './corpus.ts';
import { scanBody, treeNestingFault } from './body-guard.ts';
import { withFile } from './failure.ts';
import { readSourceFile } from '../node/source-file.ts';
import { MdxSyntaxError, parseBody, unrenderable } from './mdx.ts';
import type { Problem } from './problems.ts';
import { collectReferences } from './references.ts';
import { resolveDocuments, type ResolvedDocument } from './resolve.ts';

/** One analysed version: its text blocks (diffs, clause inventory) and its references. */
export interface AnalysedVersion extends VersionAnalysis {
	blocks: Block[];
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
	const soa = active ? loadSoa(root, settings.soaFile ?? config.soaFile, active, settings.soaFile !== undefined) : { problems: [] };
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
	const syntax = { docNoPattern: config.docNoPattern, titleOf: (docNo: string) => titles.get(docNo) };

	const analyses = new Map<string, AnalysedVersion>();
	const syntaxProblems: Problem[] = [];
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
			for (const fault of unrenderable(tree)) syntaxProblems.push({ file: version.file, ...fault, severity: 'error', rule: 'mdx/unrenderable' });
			const blocks = extractBlocks(tree);
			analyses.set(version.id, {
				version,
				blocks,
				clauses: clauseInventory(blocks),
				sites: collectReferences(tree, syntax, leadingClause),
			});
		});
	}
	const referenceProblems = checkReferences({
		documents: resolved.documents,
		analyses,
		...(active ? { controls: { ids: new Set(active.byId.keys()), name: STANDARDS[config.controlsCatalogue] } } : {}),
		severities: config.checks,
	});
	return {
		versions: loaded.versions,
		documents: resolved.documents,
		analyses,
		controls,
		titles,
		...(active ? { catalogue: active } : {}),
		...(soa.soa ? { soa: soa.soa } : {}),
		problems: [...controls.problems, ...soa.problems, ...loaded.problems, ...syntaxProblems, ...resolved.problems, ...referenceProblems],
	};
}

/**
 * The SoA data file is optional: without it every control is listed as missing from the SoA. A file
 * named by PORTAL_SOA_FILE must exist: a mistyped path would otherwise pass as "no SoA data".
 */
function loadSoa(root: string, file: string, catalogue: Catalogue, fromEnv: boolean): { soa?: Soa; problems: Problem[] } {
	const source = readSourceFile(root, file);
	if (!source.ok) {
		if (!source.missing) return { problems: [source.problem] };
		if (!fromEnv) return { problems: [] };
		return { problems: [{ ...source.problem, rule: 'config/env', message: `環境變數 PORTAL_SOA_FILE 指定的適用性聲明書檔案 ${file} 不存在；請修正路徑，或取消此設定以使用預設的 content/soa.yaml` }] };
	}
	return withFile(file, () => parseSoa(source.text, file, catalogue));
}
