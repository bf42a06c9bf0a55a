import { listVersionFiles } from '../node/documents-dir.ts';
import { readSourceFile } from '../node/source-file.ts';
import type { Classification } from './classification.ts';
import { withFile } from './failure.ts';
import { splitFrontmatter } from './frontmatter.ts';
import type { Problem } from './problems.ts';
import { validateFrontmatter, type SchemaOptions } from './schema.ts';

/** `content/documents/<DOCNO>/assets/`: images (and attachments) of the document's versions (src/lib/layout.ts). */
export { ASSET_FOLDER } from './layout.ts';

/** One file `content/documents/<DOCNO>/<VERSION>.mdx`: one version of a controlled document. */
export interface DocumentVersion {
	/** Path relative to the project root, forward slashes: `content/documents/ISMS-M-001/1.0.mdx`. */
	file: string;
	/** Content-collection id: `ISMS-M-001/1.0`. */
	id: string;
	docNo: string;
	title: string;
	version: string;
	tier: 1 | 2 | 3 | 4;
	classification: Classification;
	effective: string;
	issuedBy?: string;
	approvedBy?: string;
	/** 審核 */
	reviewedBy?: string;
	owner?: string;
	status?: 'draft' | 'withdrawn';
	reviewEveryMonths: number;
	/** Defaults to `effective`. */
	lastReviewed: string;
	controls: string[];
	changes?: string;
	/** Files offered for download with this version (relative to the version file); absent when none. */
	attachments?: string[];
	example: boolean;
	/** MDX body after the frontmatter, and the file line it starts on (for reference positions). */
	body: string;
	bodyLine: number;
	/** Line and column of each frontmatter field as written (`controls.2` for a list item), for later checks. */
	fieldPositions: Record<string, { line: number; column: number }>;
}

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
	/**
	 * Every document folder and the version files it holds, valid or not: a reference to a document
	 * whose files all have errors of their own is told apart from one to a folder that is not there.
	 */
	folders: { name: string; path: string; files: string[] }[];
	problems: Problem[];
}

/**
 * Reads every document version under the documents folder, checks the layout (folder = docNo,
 * file name = version; names as in src/lib/layout.ts) and the frontmatter, and returns what is
 * valid plus one problem per fault. A file that cannot be read as UTF-8 text within the limits
 * (src/node/source-file.ts) is one problem, never an exception.
 */
export function loadCorpus(options: LoadOptions): LoadedCorpus {
	const versions: DocumentVersion[] = [];
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
	}
	const folders = listed.folders.map((folder) => ({ ...folder, files: listed.files.filter((f) => f.folder === folder.name).map((f) => f.file) }));
	return { versions, folders, problems };
}

/** Parses and validates one version file; exported for tests and single-file checks. */
export function readVersion(
	source: string,
	file: string,
	folder: string,
	fileVersion: string,
	options: SchemaOptions = {},
): { version?: DocumentVersion; problems: Problem[] } {
	const problems: Problem[] = [];
	const split = splitFrontmatter(source);
	for (const error of split.errors) {
		problems.push({ file, line: error.line, column: error.column, severity: 'error', rule: 'frontmatter/syntax', message: error.message });
	}
	if (!split.data) return { problems };

	const checked = validateFrontmatter(split.data, options);
	if (!checked.ok) {
		for (const issue of checked.issues) {
			const position = split.positionOf(issue.path, issue.target);
			const rule = issue.target === 'key' ? 'frontmatter/unknown-field' : split.data[String(issue.path[0])] === undefined ? 'frontmatter/missing-field' : 'frontmatter/invalid-value';
			problems.push({ file, ...position, severity: 'error', rule, message: issue.message });
		}
		return { problems };
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
	if (problems.length > 0) return { problems };

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
