/**
 * Reads one source file of the corpus (a document version, the SoA data, a catalogue) the way a
 * hostile file cannot abuse: never through a symbolic link, only a regular file (a named pipe would
 * block the build forever), within the size and line limits, and only as UTF-8 text. Every refusal
 * is one problem at the file; the caller never sees an exception for a bad file.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeSource } from '../lib/encoding.ts';
import { sourceSizeFault } from '../lib/limits.ts';
import { SYMLINK_MESSAGE } from '../lib/layout.ts';
import type { Problem } from '../lib/problems.ts';

export type SourceFile = { ok: true; text: string } | { ok: false; missing: boolean; problem: Problem };

/**
 * The text of `<root>/<file>` (`file` relative, forward slashes). `missing` is set when nothing
 * is there, so that callers for whom the file is optional (the SoA data) can leave it at that.
 */
export function readSourceFile(root: string, file: string): SourceFile {
	const fault = (rule: string, message: string, line = 1, column = 1, missing = false): SourceFile => ({
		ok: false,
		missing,
		problem: { file, line, column, severity: 'error', rule, message },
	});
	let fd: number;
	try {
		// O_NOFOLLOW: a symbolic link is refused, not followed; O_NONBLOCK: opening a named pipe does not wait for a writer.
		fd = openSync(resolve(root, file), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return fault('file/missing', `找不到檔案 ${file}`, 1, 1, true);
		if (code === 'ELOOP') return fault('layout/symlink', SYMLINK_MESSAGE);
		return fault('file/unreadable', unreadableMessage(code));
	}
	try {
		const stats = fstatSync(fd);
		if (!stats.isFile()) {
			return fault(
				'file/unreadable',
				stats.isDirectory()
					? '這是資料夾，不是檔案；此處應為一個文字檔'
					: '不是一般檔案（可能是具名管道、裝置或通訊端）；此處應為一個文字檔',
			);
		}
		const size = sourceSizeFault(stats.size);
		if (size) return fault(size.rule, size.message);
		const bytes = readFileSync(fd);
		const decoded = decodeSource(bytes);
		if (!decoded.ok) return fault(decoded.fault.rule, decoded.fault.message, decoded.fault.line, decoded.fault.column);
		const lines = sourceSizeFault(bytes.length, decoded.text);
		if (lines) return fault(lines.rule, lines.message, lines.line, lines.column);
		return { ok: true, text: decoded.text };
	} catch (error) {
		return fault('file/unreadable', unreadableMessage((error as NodeJS.ErrnoException).code));
	} finally {
		closeSync(fd);
	}
}

/** Why a file could not be read, for the author: permission, or what the system said. */
export function unreadableMessage(code: string | undefined): string {
	if (code === 'EACCES' || code === 'EPERM') return '沒有讀取權限，無法讀取此檔案；請檢查檔案權限（執行建置的帳號須能讀取）';
	if (code === 'EISDIR') return '這是資料夾，不是檔案；此處應為一個文字檔';
	return `無法讀取此檔案（${code ?? '未知錯誤'}）；請確認檔案完整且可讀取`;
}
