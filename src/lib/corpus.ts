import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Classification } from './classification.ts';
import { splitFrontmatter } from './frontmatter.ts';
import type { Problem } from './problems.ts';
import { validateFrontmatter, type SchemaOptions } from './schema.ts';

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
}

export interface LoadedCorpus {
	versions: DocumentVersion[];
	problems: Problem[];
}

/** `content/documents/<DOCNO>/assets/`: images (and attachments) of the document's versions. */
export const ASSET_FOLDER = 'assets';

/** Only `.mdx` files are documents; names starting with `.` or `_` are ignored (editor files, notes). */
const IGNORED = /^[._]/;

/**
 * Reads every document version under the documents folder, checks the layout (folder = docNo,
 * file name = version) and the frontmatter, and returns what is valid plus one problem per fault.
 */
export function loadCorpus(options: LoadOptions): LoadedCorpus {
	const base = resolve(options.root, options.documentsDir);
	const versions: DocumentVersion[] = [];
	const problems: Problem[] = [];
	const rel = (path: string) => relative(options.root, path).split(sep).join('/');
	const layoutProblem = (path: string, rule: string, message: string) =>
		problems.push({ file: rel(path), line: 1, column: 1, severity: 'error', rule, message });

	let folders: string[];
	try {
		folders = readdirSync(base).sort();
	} catch {
		layoutProblem(base, 'layout/missing-folder', `找不到文件資料夾 ${options.documentsDir}`);
		return { versions, problems };
	}
	for (const folder of folders) {
		if (IGNORED.test(folder)) continue;
		const folderPath = join(base, folder);
		if (!statSync(folderPath).isDirectory()) {
			layoutProblem(folderPath, 'layout/stray-file', `文件須放在以文件編號命名的資料夾中：${options.documentsDir}/<文件編號>/<版次>.mdx`);
			continue;
		}
		for (const name of readdirSync(folderPath).sort()) {
			if (IGNORED.test(name)) continue;
			const path = join(folderPath, name);
			if (statSync(path).isDirectory()) {
				// The document's images and attachments (AUTHORING.md): checked where a version refers to them.
				if (name === ASSET_FOLDER) continue;
				layoutProblem(path, 'layout/stray-file', `文件資料夾內只能有 ${ASSET_FOLDER}/ 子資料夾（放圖片）；每個版次是一個檔案 ${options.documentsDir}/${folder}/<版次>.mdx`);
				continue;
			}
			if (!name.endsWith('.mdx')) {
				layoutProblem(path, 'layout/stray-file', `檔名「${name}」不是 <版次>.mdx；文件檔須以 .mdx 結尾，例如 1.0.mdx`);
				continue;
			}
			const result = readVersion(readFileSync(path, 'utf8'), rel(path), folder, name.slice(0, -'.mdx'.length), options);
			problems.push(...result.problems);
			if (result.version) versions.push(result.version);
		}
	}
	return { versions, problems };
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
