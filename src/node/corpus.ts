import { listVersionFiles } from './documents-dir.ts';
import { textDigest } from './digest.ts';
import { fileStamp, readSourceFile } from './source-file.ts';
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
	/**
	 * What the previous load read, by file (the dev server loads after every save): a file that has not changed
	 * since (same inode, size and times, src/node/source-file.ts `fileStamp`) is not read again, one whose
	 * text is the same is not parsed again; either keeps its DocumentVersion object. Filled in as files are read.
	 */
	reuse?: Map<string, ReusedFile>;
}

/** What a previous load read of one file (`LoadOptions.reuse`). */
export interface ReusedFile {
	stamp: string;
	/** The text as read; absent when it was kept as a digest only (`npm run check`'s cache, src/node/check-cache.ts). */
	source?: string;
	/**
	 * The text's digest (`textDigest`) and its body's length: the body is the end of the text, read again
	 * (the file is read even when its stamp is the same, but then not digested).
	 */
	digest?: { hash: string; bodyLength: number };
	result: ReturnType<typeof readVersion>;
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
	/** Versions taken from the checker's cache without reading their files: by file, the body's length (`readBodyAgain`). */
	unread: Map<string, number>;
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
	const unread = new Map<string, number>();
	const listed = listVersionFiles(options.root, options);
	const problems: Problem[] = [...listed.problems];
	for (const entry of listed.files) {
		const stamp = options.reuse ? fileStamp(options.root, entry.file) : undefined;
		const previous = options.reuse?.get(entry.file);
		const unchanged = stamp?.settled === true && previous?.stamp === stamp.stamp;
		// A result kept with its text is taken as it is. One kept as a digest (the checker's cache) with a valid
		// version is too, its body unread: read when it has to be analysed again (`readBodyAgain`).
		let result = unchanged && previous?.source !== undefined ? previous.result : undefined;
		if (!result && unchanged && previous?.digest && previous.result.version) {
			result = previous.result;
			unread.set(entry.file, previous.digest.bodyLength);
		}
		if (!result) {
			const source = readSourceFile(options.root, entry.file);
			if (!source.ok) {
				problems.push(source.problem);
				continue;
			}
			const text = source.text;
			result =
				(previous && sameText(previous, text, unchanged)) ??
				withFile(entry.file, () => readVersion(text, entry.file, entry.folder, entry.version, options));
			// A digest kept for this text stays with it (what the checker's cache writes back).
			const digest = previous?.result === result ? previous.digest : undefined;
			if (stamp) options.reuse?.set(entry.file, { stamp: stamp.stamp, source: text, result, ...(digest ? { digest } : {}) });
		}
		problems.push(...result.problems);
		if (result.version) versions.push(result.version);
		if (result.unchecked) unchecked.push(result.unchecked);
	}
	const folders = listed.folders.map((folder) => ({
		...folder,
		files: listed.files.filter((f) => f.folder === folder.name).map((f) => f.file),
	}));
	return { versions, unchecked, folders, problems, unread };
}

/**
 * Reads the body of a version whose file was not read (`LoadedCorpus.unread`: unchanged since the checker's
 * cache kept it) into `version.body`; the file's problem when it can no longer be read.
 */
export function readBodyAgain(root: string, version: DocumentVersion, bodyLength: number): Problem | undefined {
	const source = readSourceFile(root, version.file);
	if (!source.ok) return source.problem;
	version.body = source.text.slice(source.text.length - bodyLength);
	return undefined;
}

/**
 * The previous result when `text` is the text it was read from; one kept as a digest gets its body back
 * from the text (its end, as `splitFrontmatter` cuts it). A file whose stamp is the same (`unchanged`) is
 * not digested again.
 */
function sameText(previous: ReusedFile, text: string, unchanged: boolean): ReturnType<typeof readVersion> | undefined {
	if (previous.source !== undefined) return previous.source === text ? previous.result : undefined;
	if (!previous.digest || (!unchanged && previous.digest.hash !== textDigest(text))) return undefined;
	const body = text.slice(text.length - previous.digest.bodyLength);
	const { version, unchecked } = previous.result;
	if (version) version.body = body;
	if (unchecked) unchecked.body = body;
	return previous.result;
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
