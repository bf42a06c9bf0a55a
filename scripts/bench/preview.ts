/**
 * The preview benchmark: scripts/bench-dev.ts (`astro dev` on a generated corpus, a few saves of one version,
 * each timed from saving to the page showing the edit) run as its own process; its result.json is read back.
 * Target (issue 19): edit-to-visible ≤ 1 s at 400 documents, and the checker's finding for a saved broken
 * reference in the terminal in the same second, the server never restarting.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spread, type Spread } from './stats.ts';

export const PREVIEW_TARGET_MS = 1000;
export const PREVIEW_DOCUMENTS = 400;

export interface PreviewBench {
	documents: number;
	readyMs: number;
	firstPageMs: number;
	editToVisibleMs: Spread;
	/** A broken reference saved: its Problem line in the terminal. */
	findingMs: Spread;
	restarted: boolean;
}

export async function benchPreview(root: string, options: { documents: number; edits: number }): Promise<PreviewBench> {
	const args = ['scripts/bench-dev.ts', '--documents', String(options.documents), '--edits', String(options.edits)];
	const status = await new Promise<number | null>((resolvePromise) => {
		// Its errors go to our stderr; its result is read from result.json.
		const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
		child.on('close', resolvePromise);
	});
	const file = join(root, 'test/.tmp/bench-dev/result.json');
	// bench-dev.ts empties its folder first: a result.json is this run's.
	if (!existsSync(file)) throw new Error(`scripts/bench-dev.ts failed (exit ${status}); its server log: test/.tmp/bench-dev/server.log`);
	const result = JSON.parse(readFileSync(file, 'utf8')) as {
		readyMs: number;
		firstPageMs: number;
		editToVisibleMs: { runs: number[] };
		findingMs: { terminal: { runs: number[] } };
		restarted: boolean;
	};
	return {
		documents: options.documents,
		readyMs: result.readyMs,
		firstPageMs: result.firstPageMs,
		editToVisibleMs: spread(result.editToVisibleMs.runs),
		findingMs: spread(result.findingMs.terminal.runs),
		restarted: result.restarted,
	};
}
