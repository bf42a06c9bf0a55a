/**
 * The file-system side of `npm run publish`: copying a build, flushing it to disk, counting it.
 * The calls that change the target go through `PublishFs`, so tests can inject failures (a full disk,
 * an I/O error) or watch the order of the steps.
 */
import {
	closeSync,
	copyFileSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readdirSync,
	readlinkSync,
	renameSync,
	statSync,
	symlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { PublishError } from '../../lib/publish/releases.ts';

/** The file-system calls that change the target; tests replace them to inject failures or watch the switch. */
export interface PublishFs {
	copyFile(from: string, to: string): void;
	rename(from: string, to: string): void;
	symlink(target: string, path: string): void;
	/** Flushes a file or folder to disk. */
	fsync(path: string): void;
	/** Creates one folder (never recursively). */
	mkdir(path: string): void;
}

export const NODE_FS: PublishFs = {
	copyFile: (from, to) => copyFileSync(from, to),
	rename: (from, to) => renameSync(from, to),
	symlink: (target, path) => symlinkSync(target, path),
	fsync: (path) => fsyncPath(path),
	mkdir: (path) => mkdirSync(path),
};

/** Copies `from` into the new folder `to` (files, folders, symlinks as symlinks); returns what it copied. */
export function copyTree(from: string, to: string, fs: PublishFs): { files: number; bytes: number } {
	fs.mkdir(to);
	let files = 0;
	let bytes = 0;
	for (const entry of readdirSync(from, { withFileTypes: true })) {
		const src = join(from, entry.name);
		const dest = join(to, entry.name);
		if (entry.isDirectory()) {
			const sub = copyTree(src, dest, fs);
			files += sub.files;
			bytes += sub.bytes;
		} else if (entry.isFile()) {
			fs.copyFile(src, dest);
			files += 1;
			bytes += statSync(src).size;
		} else if (entry.isSymbolicLink()) {
			fs.symlink(readlinkSync(src), dest);
		} else {
			throw new PublishError(`${src} 不是一般檔案或資料夾，無法發布。`);
		}
	}
	return { files, bytes };
}

/** fsyncs every file and folder under `dir` (and `dir` itself), so a rename after it never exposes lost data. */
export function syncTree(dir: string, fs: PublishFs): void {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) syncTree(path, fs);
		else if (entry.isFile()) fs.fsync(path);
	}
	fs.fsync(dir);
}

/**
 * fsync(2) of a file or folder. Folders can be fsynced on Linux and macOS; where they cannot (Windows:
 * EISDIR, EPERM), that step is skipped — the renames stay atomic, only their durability after a power cut is weaker.
 */
export function fsyncPath(path: string): void {
	let fd: number;
	try {
		fd = openSync(path, 'r');
	} catch (error) {
		if (isCode(error, 'EISDIR') || isCode(error, 'EPERM')) return;
		throw error;
	}
	try {
		fsyncSync(fd);
	} catch (error) {
		if (!isCode(error, 'EINVAL') && !isCode(error, 'EPERM') && !isCode(error, 'EISDIR')) throw error;
	} finally {
		closeSync(fd);
	}
}

/** Regular files under `dir`, recursively. */
export function countFiles(dir: string): number {
	let files = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory()) files += countFiles(join(dir, entry.name));
		else if (entry.isFile()) files += 1;
	}
	return files;
}

export function isCode(error: unknown, code: string): boolean {
	return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
