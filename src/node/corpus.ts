import { listVersionFiles } from './documents-dir.ts';
import { readSourceFile } from './source-file.ts';
import type { DocumentVersion } from '../lib/documents/document-version.ts';
import { withFile } from '../lib/failure.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import type { Problem } from '../lib/problems.ts';
import { validateFrontmatter } from '../schemas/frontmatter.ts';
import { issuesToProblems, rulesOf } from '../schemas/issues.ts';
import type { SchemaOptions } from '../lib/documents/fields.ts';

/** `content/documents/<DOCNO>/assets/`: images (and attachments) of the document's versions (src/lib/layout.ts). */
export { ASSET_FOLDER } from '../lib/layout.ts';

export type { DocumentVersion };

export interface LoadOptions extends SchemaOptions {
	/** Project root; files are reported relative to it. */
	root: string;
	/** Documents folder relative to root. */
	documentsDir: string;
	/** The environment variable that chose the folder, named in messages (`PORTAL_DOCUMENTS_DIR`). */
	documentsDirVariable?: string;
}

export interface LoadedCorpus {
	versions: DocumentVersion[];
	/** Bodies of files whose frontmatter is invalid: still checked, so every finding comes in one run. */
	unchecked: UncheckedBody[];
	/**
	 * Every document folder and the version files it holds, valid or not: a reference to a document
	 * whose files all have errors of their own is told apart from one to a folder that is not there.
	 */
	folders: { name: string; path: string; files: string[] }[];
	problems: Problem[];
}

/** The body of a version file whose frontmatter (or name) is wrong. */
export interface UncheckedBody {
	file: string;
	body: string;
	bodyLine: number;
}

/**
 * Reads every document version under the documents folder, checks the layout (folder = docNo,
 * file name = version; names as in src/lib/layout.ts) and the frontmatter, and returns what is
 * valid plus one problem per fault. A file that cannot be read as UTF-8 text within the limits
 * (src/node/source-file.ts) is one problem, never an exception.
 */
export function loadCorpus(options: LoadOptions): LoadedCorpus {
	const versions: DocumentVersion[] = [];
	const unchecked: UncheckedBody[] = [];
	const listed = listVersionFiles(options.root, options);
	const problems: Problem[] = [...listed.problems];
	for (const entry of listed.files) {
		const source = readSourceFile(options.root, entry.file);
		if (!source.ok) {
			problems.push(source.problem);
			continue;
		}
		const result = withFile(entry.file, () => readVersion(source.text, entry.file, entry.folder, entry.version, options));
		problems.push(...result.problems);
		if (result.version) versions.push(result.version);
		if (result.unchecked) unchecked.push(result.unchecked);
	}
	const folders = listed.folders.map((folder) => ({
		...folder,
		files: listed.files.filter((f) => f.folder === folder.name).map((f) => f.file),
	}));
	return { versions, unchecked, folders, problems };
}

/** Parses and validates one version file; exported for tests and single-file checks. */
export function readVersion(
	source: string,
	file: string,
	folder: string,
	fileVersion: string,
	options: SchemaOptions = {},
): { version?: DocumentVersion; unchecked?: UncheckedBody; problems: Problem[] } {
	const problems: Problem[] = [];
	const split = splitFrontmatter(source);
	for (const error of split.errors) {
		problems.push({ file, line: error.line, column: error.column, severity: 'error', rule: 'frontmatter/syntax', message: error.message });
	}
	// A YAML syntax error: the body after the closing --- is checked all the same.
	if (!split.data)
		return split.bodyLine > 1 && split.errors.every((error) => error.line > 1)
			? { problems, unchecked: { file, body: split.body, bodyLine: split.bodyLine } }
			: { problems };

	const checked = validateFrontmatter(split.data, options);
	if (!checked.ok) {
		problems.push(...issuesToProblems(checked.issues, file, split.positionOf, rulesOf('frontmatter')));
		return { problems, unchecked: { file, body: split.body, bodyLine: split.bodyLine } };
	}
	const data = checked.value;
	if (data.docNo !== folder) {
		problems.push({
			file,
			...split.positionOf(['docNo']),
			severity: 'error',
			rule: 'layout/docno-mismatch',
			message: `docNo（文件編號）「${data.docNo}」與所在資料夾「${folder}」不符；資料夾名稱必須等於文件編號`,
		});
	}
	if (data.version !== fileVersion) {
		problems.push({
			file,
			...split.positionOf(['version']),
			severity: 'error',
			rule: 'layout/version-mismatch',
			message: `version（版次）「${data.version}」與檔名「${fileVersion}.mdx」不符；檔名必須等於版次，例如 ${data.version}.mdx`,
		});
	}
	if (problems.length > 0) return { problems, unchecked: { file, body: split.body, bodyLine: split.bodyLine } };

	const fieldPositions: DocumentVersion['fieldPositions'] = {};
	for (const key of Object.keys(split.data)) fieldPositions[key] = split.positionOf([key]);
	data.controls.forEach((_, index) => {
		fieldPositions[`controls.${index}`] = split.positionOf(['controls', index]);
	});
	data.attachments.forEach((_, index) => {
		fieldPositions[`attachments.${index}`] = split.positionOf(['attachments', index]);
	});
	return {
		problems,
		version: {
			file,
			id: `${data.docNo}/${data.version}`,
			...withoutEmptyAttachments(data),
			lastReviewed: data.lastReviewed ?? data.effective,
			body: split.body,
			bodyLine: split.bodyLine,
			fieldPositions,
		},
	};
}

/** `attachments: []` (the schema's default) is left out: a version without downloads has no such field. */
function withoutEmptyAttachments<T extends { attachments: string[] }>(data: T): Omit<T, 'attachments'> & { attachments?: string[] } {
	const { attachments, ...rest } = data;
	return attachments.length > 0 ? { ...rest, attachments } : rest;
}
