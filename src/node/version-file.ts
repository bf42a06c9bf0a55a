import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether a version's file (project-relative) is still there. `astro dev` asks before compiling a body: a
 * file deleted a moment ago, before the dev server heard of it, is not compiled (which would fail with a
 * bundler error and its stack) but left out until the next request.
 */
export function versionFileExists(file: string, root = process.cwd()): boolean {
	return existsSync(join(root, file));
}
