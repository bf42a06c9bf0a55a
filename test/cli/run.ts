import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Runs one of the project's CLIs (scripts/<name>.ts) with the Node running the tests. */
export function runScript(name: string, args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [resolve(ROOT, 'scripts', `${name}.ts`), ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, ...env },
		timeout: 60_000,
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
