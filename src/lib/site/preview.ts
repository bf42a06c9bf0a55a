import { attachmentHref, attachmentName } from '../documents/attachments.ts';
import { resolveAsset } from '../documents/assets.ts';
import { formatProblem, sortProblems, type Problem } from '../problems.ts';
import { docSlug } from './urls.ts';
import { pathBelowBase } from './navigation.ts';

/**
 * What `npm run dev` shows an author beside the page they are writing (issue 21): the checker's
 * findings, by file, on the pages of the document; which versions cannot be shown; and what changed
 * since the last analysis, for the terminal. A build has no preview (`enabled: false`).
 */
export interface Preview {
	enabled: boolean;
	/** Findings of each version file that has a page (project-relative path), sorted. */
	byFile: Record<string, Problem[]>;
	/**
	 * Findings of files in a document's folder that have no page (the frontmatter is broken, the file is
	 * misnamed): by folder name, shown on every page of that document and on the not-found page.
	 */
	byDocument: Record<string, Problem[]>;
	/** Versions (ids) whose body is not compiled: it would fail, run code or show what must not be shown. */
	blocked: string[];
}

export const NO_PREVIEW: Preview = { enabled: false, byFile: {}, byDocument: {}, blocked: [] };

/**
 * Errors that stop the page's body from being compiled in preview: what the MDX compiler cannot read or
 * must not run (mdx/…, limit/…, file/…), a missing image (the bundler would fail on it), and a hidden
 * title or link the redaction cannot take out (ref/hidden-…).
 */
export function blocksBody(problem: Problem): boolean {
	return problem.severity === 'error' && /^(mdx|limit|file|asset)\/|^ref\/hidden-/.test(problem.rule);
}

export interface PreviewInput {
	problems: readonly Problem[];
	/** The documents folder, project-relative (`content/documents`). */
	documentsDir: string;
	/** Versions with a page: id and file. */
	pages: readonly { id: string; file: string }[];
	/** Versions whose body was parsed and outlined (a body that was not cannot be compiled either). */
	analysed: ReadonlySet<string>;
}

export function previewOf({ problems, documentsDir, pages, analysed }: PreviewInput): Preview {
	const pageFiles = new Set(pages.map((page) => page.file));
	const byFile: Record<string, Problem[]> = {};
	const byDocument: Record<string, Problem[]> = {};
	const prefix = `${documentsDir.replace(/\/+$/, '')}/`;
	for (const problem of sortProblems(problems)) {
		if (pageFiles.has(problem.file)) (byFile[problem.file] ??= []).push(problem);
		else if (problem.file.startsWith(prefix)) {
			const folder = problem.file.slice(prefix.length).split('/')[0]!;
			if (folder) (byDocument[folder] ??= []).push(problem);
		}
	}
	const blocked = pages.filter((page) => !analysed.has(page.id) || (byFile[page.file] ?? []).some(blocksBody)).map((page) => page.id);
	return { enabled: true, byFile, byDocument, blocked };
}

/** The findings a version's page shows: its own file's, then those of its document's files without a page. */
export function pageFindings(preview: Preview, docNo: string, file: string): Problem[] {
	return [...(preview.byFile[file] ?? []), ...(preview.byDocument[docNo] ?? [])];
}

/**
 * On the not-found page: the findings of the document a `/documents/<docno>/…` address names, when none of
 * its versions has a page (every one has errors).
 */
export function missingDocumentFindings(preview: Preview, pathname: string, base: string | undefined): Problem[] {
	const slug = /^\/documents\/([^/]+)\//.exec(pathBelowBase(pathname, base))?.[1];
	if (!slug) return [];
	return Object.entries(preview.byDocument).flatMap(([folder, problems]) => (docSlug(folder) === slug.toLowerCase() ? problems : []));
}

/**
 * What the terminal says after an analysis (one line each, the Problem format): every finding of the
 * files that changed, or that a changed file has none; findings elsewhere that are new (a citer the
 * change broke), and those elsewhere that are gone (fixed). A changed file's own list says it all: its
 * old findings are not repeated as fixed (their lines may just have moved).
 */
export function findingsReport(
	before: readonly Problem[],
	after: readonly Problem[],
	changed: ReadonlySet<string>,
): { found: Problem[]; clean: string[]; fixed: string[] } {
	const old = new Set(before.map(formatProblem));
	const now = new Set(after.map(formatProblem));
	const found = sortProblems(after).filter((problem) => changed.has(problem.file) || !old.has(formatProblem(problem)));
	const clean = [...changed].filter((file) => !after.some((problem) => problem.file === file)).sort();
	const fixed = sortProblems(before)
		.filter((problem) => !changed.has(problem.file))
		.map(formatProblem)
		.filter((line) => !now.has(line));
	return { found, clean, fixed };
}

/**
 * The attachment file (project-relative) a dev-server address asks for: the build writes attachments as files
 * (`…/v1.0/表單.odt`), which the dev server, whose routes end in a slash, answers only through this. Versions of
 * the model only, and none whose page is blocked.
 */
export function attachmentAt(
	documents: readonly { versions: readonly { id: string; docNo: string; version: string; file: string; attachments?: string[] }[] }[],
	preview: Pick<Preview, 'blocked'>,
	base: string | undefined,
	pathname: string,
): string | undefined {
	for (const doc of documents) {
		for (const version of doc.versions) {
			if (preview.blocked.includes(version.id)) continue;
			for (const path of version.attachments ?? []) {
				if (attachmentHref(base, version.docNo, version.version, attachmentName(path)) === pathname)
					return resolveAsset(version.file, path);
			}
		}
	}
	return undefined;
}
