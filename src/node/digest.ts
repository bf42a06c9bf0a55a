/**
 * What `npm run check`'s cache (src/node/check-cache.ts) is made of: digests of what it depends on (a text, and
 * files and folders by their names, kinds and contents), and its files, replaced whole.
 */
import { createHash, type Hash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A digest of a file's text: the same text, the same digest. */
export function textDigest(text: string): string {
	return createHash('sha256').update(text).digest('base64url');
}

/**
 * A digest of files and folders under `root` (paths relative to it, forward slashes): for each, what it is
 * (missing, a file and its bytes, a symbolic link and where it points, a folder and everything in it, sorted).
 */
export function pathsDigest(root: string, paths: readonly string[], seed = ''): string {
	const hash = createHash('sha256').update(seed);
	for (const path of paths) digestPath(hash, root, path);
	return hash.digest('base64url');
}

function digestPath(hash: Hash, root: string, path: string): void {
	const full = join(root, path);
	const stats = lstatSync(full, { throwIfNoEntry: false });
	if (!stats) hash.update(`${path}\0missing\0`);
	else if (stats.isSymbolicLink()) hash.update(`${path}\0link\0${readlinkSync(full)}\0`);
	else if (stats.isFile()) hash.update(`${path}\0file\0${stats.size}\0`).update(readFileSync(full));
	else if (stats.isDirectory()) {
		hash.update(`${path}\0folder\0`);
		for (const name of readdirSync(full).sort()) digestPath(hash, root, `${path}/${name}`);
	} else hash.update(`${path}\0other\0`);
}

/**
 * Replaces a cache file at once (a temporary file renamed over it: a run that stops half way leaves the old file
 * or none, and a symbolic link there is replaced, not followed). `data` is called inside: a cache that cannot be
 * made or written is no cache, never an error.
 */
export function replaceCacheFile(target: string, data: () => string | NodeJS.ArrayBufferView): void {
	const temporary = `${target}.${process.pid}.tmp`;
	try {
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(temporary, data());
		renameSync(temporary, target);
	} catch {
		rmSync(temporary, { force: true });
	}
}
