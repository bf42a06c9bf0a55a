/**
 * The checker's benchmark: `node scripts/check.ts` (what `npm run check` runs, without npm's own start)
 * on a generated corpus (1.5 versions per document), timed from spawn to exit, run after run.
 * Target (issue 19): ≤ 1 s at 1,000 documents.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeSyntheticCorpus } from '../synthetic-corpus.ts';
import { spread, type Spread } from './stats.ts';

export const CHECK_TARGET_MS = 1000;
export const CHECK_DOCUMENTS = 1000;

export interface CheckBench {
	documents: number;
	versions: number;
	/** Spawn to exit of each run. */
	wallMs: Spread;
	/** The analysis alone, as the checker reports it (its summary line's ms). */
	analysisMs: Spread;
	summary: string;
}

export function benchCheck(root: string, options: { documents: number; runs: number; dir?: string }): CheckBench {
	const dir = options.dir ?? 'test/.tmp/bench-check/documents';
	const docs = writeSyntheticCorpus(join(root, dir), { documents: options.documents, versionsPerDocument: 1.5 });
	const versions = docs.reduce((sum, doc) => sum + doc.versions.length, 0);
	const wall: number[] = [];
	const analysis: number[] = [];
	let summary = '';
	for (let i = 0; i < options.runs; i++) {
		const started = performance.now();
		const result = spawnSync(process.execPath, ['scripts/check.ts'], {
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, PORTAL_DOCUMENTS_DIR: dir, PORTAL_TODAY: '2026-11-25' },
		});
		wall.push(performance.now() - started);
		if (result.status !== 0) {
			throw new Error(`check failed on the synthetic corpus:\n${result.stdout.slice(0, 2000)}\n${result.stderr}`);
		}
		summary = result.stdout.trim().split('\n').at(-1) ?? '';
		const ms = /，(\d+) ms）/.exec(summary);
		if (ms) analysis.push(Number(ms[1]));
	}
	return {
		documents: docs.length,
		versions,
		wallMs: spread(wall),
		analysisMs: spread(analysis.length > 0 ? analysis : [Number.NaN]),
		summary,
	};
}
