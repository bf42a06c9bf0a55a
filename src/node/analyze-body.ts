import type { Root } from 'mdast';
import type { AnalysedVersion } from '../lib/documents/analysis.ts';
import { assetReferences, type AssetReference } from '../lib/documents/assets.ts';
import type { DocumentVersion } from '../lib/documents/document-version.ts';
import { MdxSyntaxError, parseBody } from '../lib/body/mdx.ts';
import { bodyFaults } from '../lib/body/mdx-rules.ts';
import { scanBody, treeNestingFault } from '../lib/body/body-guard.ts';
import type { Ceiling } from '../lib/ceiling/ceiling.ts';
import { ceilingProblems } from '../lib/ceiling/check-ceiling.ts';
import { redactText, redactTree, type Redactor } from '../lib/ceiling/redact.ts';
import { attachCitingClauses } from '../lib/outline/citing.ts';
import { buildOutline } from '../lib/outline/outline.ts';
import type { MdNode } from '../lib/outline/tree.ts';
import type { Problem } from '../lib/problems.ts';
import { collectReferences } from '../lib/references/collect.ts';

/** What a body's analysis reads of the other documents: their numbers, for a number typed almost right. */
export interface NearMiss {
	docNoPattern: string;
	known: string[];
}

/** One version's body, analysed: what depends only on its file and on the analysis's context (analysis-cache.ts `contextKey`). */
export interface BodyAnalysis {
	problems: Problem[];
	leaks: Problem[];
	/** Absent when the body could not be parsed (its problems say why). */
	analysed?: Omit<AnalysedVersion, 'version'>;
	/** Images the body shows, for the check that their files exist. */
	assets: AssetReference[];
	/** Whether the analysis was asked to keep the tree (`tree` is then the published version's, redacted). */
	keptTree: boolean;
	tree?: Root;
}

type BodyTree = ReturnType<typeof parseBody>;

/**
 * The checks of a body on its own, in `problems`: limits first, on the text (an empty body, nesting,
 * emphasis marks), then MDX syntax, then on the tree before anything walks it recursively, and what a
 * document may not do. The tree, or undefined when it cannot be read further.
 */
export function checkBody(file: string, body: string, bodyLine: number, problems: Problem[]): BodyTree | undefined {
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

/** One parse and the checks, references, redaction of a published version, its outline. */
export function analyseBody(
	version: DocumentVersion,
	redactor: Redactor,
	ceiling: Ceiling,
	nearMiss: NearMiss,
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

/**
 * The body of a version whose frontmatter is invalid: not a version yet, but checked all the same (every
 * finding in one run, not the body's after the frontmatter is fixed). The images it shows, when it parsed.
 */
export function checkUncheckedBody(file: string, body: string, bodyLine: number, problems: Problem[]): AssetReference[] {
	const tree = checkBody(file, body, bodyLine, problems);
	if (!tree) return [];
	for (const problem of buildOutline(tree as unknown as MdNode).problems) problems.push({ file, ...problem });
	return assetReferences(tree);
}
