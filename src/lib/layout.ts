/**
 * What each name in the documents folder means (AUTHORING.md "Files", README "Ignore rules"):
 * `<DOCNO>/` folders holding `<VERSION>.mdx` files are documents; names starting with `.` are
 * editor and system files (`.DS_Store`, `.1.0.mdx.swp`) and are skipped; names starting with `_` are
 * reserved for the portal (a later version may give each document an asset folder) and are reported,
 * never skipped silently; a symbolic link is refused, never followed; anything else is a stray file.
 * To give a new name a meaning, add it here: the folder walk (src/node/documents-dir.ts) only asks.
 */
export interface LayoutSettings {
	/** Documents folder relative to the root. */
	documentsDir: string;
	/** The environment variable that chose the folder, for messages (`PORTAL_DOCUMENTS_DIR`). */
	documentsDirVariable?: string;
}

export type EntryKind = 'file' | 'folder' | 'link' | 'special';

/** `content/documents/<DOCNO>/assets/`: images and attachments of the document's versions, checked where a version refers to them. */
export const ASSET_FOLDER = 'assets';
export type EntryRole = { kind: 'document' | 'folder' | 'ignored' } | { kind: 'problem'; rule: string; message: string };

const CONTROL = /[\u0000-\u001f\u007f]/;

/** A path as it can be shown on one line: control characters written as \u escapes. */
export function printablePath(path: string): string {
	return path.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const SYMLINK_MESSAGE = '這是符號連結（symbolic link），入口網不讀取連結；請放入實際的檔案或資料夾，不要用連結';

/**
 * The role of one entry: in the documents folder itself (`documents`: document folders), or in a
 * document's folder (`document`: version files).
 */
export function entryRole(
	name: string,
	kind: EntryKind,
	level: 'documents' | 'document',
	settings: LayoutSettings,
	folder?: string,
): EntryRole {
	const dir = settings.documentsDir;
	if (name.startsWith('.')) return { kind: 'ignored' };
	// A name the file system did not hold as UTF-8 (a Big5 file name) comes back with U+FFFD in it.
	if (name.includes('\uFFFD')) {
		return {
			kind: 'problem',
			rule: 'layout/stray-file',
			message: '名稱不是 UTF-8 編碼（可能是 Big5 檔名），無法讀取；請以 UTF-8 重新命名（例如在 Linux 以 convmv 轉換，或重新建立檔案）',
		};
	}
	if (CONTROL.test(name))
		return {
			kind: 'problem',
			rule: 'layout/stray-file',
			message: '名稱含有換行或其他控制字元；請重新命名（文件為 <文件編號>/<版次>.mdx）',
		};
	if (kind === 'link') return { kind: 'problem', rule: 'layout/symlink', message: SYMLINK_MESSAGE };
	if (name.startsWith('_')) {
		return {
			kind: 'problem',
			rule: 'layout/reserved-name',
			message: `以「_」開頭的名稱保留給入口網使用，「${name}」不會被當成文件；請改名（文件為 ${dir}/<文件編號>/<版次>.mdx），或移出 ${dir}`,
		};
	}
	if (level === 'documents') {
		if (kind === 'folder') return { kind: 'folder' };
		return { kind: 'problem', rule: 'layout/stray-file', message: `文件須放在以文件編號命名的資料夾中：${dir}/<文件編號>/<版次>.mdx` };
	}
	if (kind === 'folder') {
		if (name === ASSET_FOLDER) return { kind: 'ignored' };
		return {
			kind: 'problem',
			rule: 'layout/stray-file',
			message: `文件資料夾內只能有 ${ASSET_FOLDER}/ 子資料夾（放圖片與附件）；每個版次是一個檔案 ${dir}/${folder ?? '<文件編號>'}/<版次>.mdx`,
		};
	}
	if (kind === 'special')
		return { kind: 'problem', rule: 'file/unreadable', message: '不是一般檔案（可能是具名管道、裝置或通訊端）；此處應為一個文字檔' };
	if (!name.endsWith('.mdx')) {
		return { kind: 'problem', rule: 'layout/stray-file', message: `檔名「${name}」不是 <版次>.mdx；文件檔須以 .mdx 結尾，例如 1.0.mdx` };
	}
	return { kind: 'document' };
}
