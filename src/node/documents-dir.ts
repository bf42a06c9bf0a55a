/**
 * Lists the version files of the documents folder, `<dir>/<DOCNO>/<VERSION>.mdx`, without ever
 * following a symbolic link (a link could bring in any file of the build machine). What each name
 * means (document, ignored, reported) is decided by `entryRole` in src/lib/layout.ts.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { entryRole, printablePath, type LayoutSettings } from '../lib/layout.ts';
import type { Problem } from '../lib/problems.ts';
import { unreadableMessage } from './source-file.ts';

export interface VersionFile {
	/** Relative to the root, forward slashes. */
	file: string;
	folder: string;
	/** File name without `.mdx`. */
	version: string;
}

/** A document folder `<dir>/<DOCNO>/` (its name is a document number's place, whatever its files hold). */
export interface DocumentFolder {
	name: string;
	/** Relative to the root, forward slashes, with a trailing slash: `content/documents/ISMS-P-005/`. */
	path: string;
}

export function listVersionFiles(
	root: string,
	settings: LayoutSettings,
): { files: VersionFile[]; folders: DocumentFolder[]; problems: Problem[] } {
	const dir = relative(root, resolve(root, settings.documentsDir)).split(sep).join('/') || '.';
	const files: VersionFile[] = [];
	const folders: DocumentFolder[] = [];
	const problems: Problem[] = [];
	const problem = (file: string, rule: string, message: string) =>
		problems.push({ file: printablePath(file), line: 1, column: 1, severity: 'error', rule, message });
	const named = settings.documentsDirVariable ? `（由環境變數 ${settings.documentsDirVariable} 指定）` : '';

	// The documents folder itself is a setting; it may be a link (an operator's choice), what is in it may not.
	try {
		if (!statSync(join(root, dir)).isDirectory()) {
			problem(dir, 'layout/missing-folder', `文件資料夾 ${dir}${named}不是資料夾；應為放置 <文件編號>/<版次>.mdx 的資料夾`);
			return { files, folders, problems };
		}
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') problem(dir, 'layout/missing-folder', `找不到文件資料夾 ${dir}${named}`);
		else problem(dir, 'file/unreadable', unreadableMessage(code));
		return { files, folders, problems };
	}
	const entries = (path: string): Dirent[] | undefined => {
		try {
			return readdirSync(join(root, path), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		} catch (error) {
			problem(path, 'file/unreadable', unreadableMessage((error as NodeJS.ErrnoException).code));
			return undefined;
		}
	};
	for (const folder of entries(dir) ?? []) {
		const folderPath = `${dir}/${folder.name}`;
		const role = entryRole(folder.name, folder.isSymbolicLink() ? 'link' : folder.isDirectory() ? 'folder' : 'file', 'documents', settings);
		if (role.kind === 'ignored') continue;
		if (role.kind === 'problem') {
			problem(folderPath, role.rule, role.message);
			continue;
		}
		folders.push({ name: folder.name, path: `${folderPath}/` });
		for (const entry of entries(folderPath) ?? []) {
			const path = `${folderPath}/${entry.name}`;
			const kind = entry.isSymbolicLink() ? 'link' : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'special';
			const inner = entryRole(entry.name, kind, 'document', settings, folder.name);
			if (inner.kind === 'ignored') continue;
			if (inner.kind === 'problem') problem(path, inner.rule, inner.message);
			else files.push({ file: path, folder: folder.name, version: entry.name.slice(0, -'.mdx'.length) });
		}
	}
	return { files, folders, problems };
}
