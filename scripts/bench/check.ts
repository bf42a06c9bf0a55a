/**
 * The checker's benchmark: `node scripts/check.ts` (what `npm run check` runs, without npm's own start)
 * on a generated corpus (1.5 versions per document), timed from spawn to exit. Each run: cold (no cache:
 * the first check after a clone or a change of the portal's code), then after editing one version file (the
 * document controller's loop: edit, save, check; the cache of src/node/check-cache.ts holds the rest), then
 * again with nothing changed. Target (issue 19): ≤ 1 s at 1,000 documents, after an edit.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSyntheticCorpus } from '../synthetic-corpus.ts';
import { spread, type Spread } from './stats.ts';

export const CHECK_TARGET_MS = 1000;
export const CHECK_DOCUMENTS = 1000;

export interface CheckBench {
	documents: number;
	versions: number;
	/** Spawn to exit, no cache (node_modules/.cache/isms-portal removed before each run). */
	coldMs: Spread;
	/** Spawn to exit after one version file was edited (the target). */
	wallMs: Spread;
	/** Spawn to exit with nothing changed since the previous run. */
	unchangedMs: Spread;
	/** The analysis alone after an edit, as the checker reports it (its summary line's ms). */
	analysisMs: Spread;
	summary: string;
}

export function benchCheck(root: string, options: { documents: number; runs: number; dir?: string }): CheckBench {
	const dir = options.dir ?? 'test/.tmp/bench-check/documents';
	const docs = writeSyntheticCorpus(join(root, dir), { documents: options.documents, versionsPerDocument: 1.5 });
	const versions = docs.reduce((sum, doc) => sum + doc.versions.length, 0);
	const check = () => {
		const started = performance.now();
		const result = spawnSync(process.execPath, ['scripts/check.ts'], {
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, PORTAL_DOCUMENTS_DIR: dir, PORTAL_TODAY: '2026-11-25' },
		});
		const ms = performance.now() - started;
		if (result.status !== 0) {
			throw new Error(`check failed on the synthetic corpus:\n${result.stdout.slice(0, 2000)}\n${result.stderr}`);
		}
		const summary = result.stdout.trim().split('\n').at(-1) ?? '';
		return { ms, summary, analysis: Number(/，(\d+) ms）/.exec(summary)?.[1] ?? Number.NaN) };
	};
	const cold: number[] = [];
	const edited: number[] = [];
	const unchanged: number[] = [];
	const analysis: number[] = [];
	let summary = '';
	for (let i = 0; i < options.runs; i++) {
		rmSync(join(root, 'node_modules/.cache/isms-portal'), { recursive: true, force: true });
		cold.push(check().ms);
		editOneVersion(join(root, dir), docs[(i * 97) % docs.length]!.docNo, i);
		const after = check();
		edited.push(after.ms);
		analysis.push(after.analysis);
		summary = after.summary;
		unchanged.push(check().ms);
	}
	return {
		documents: docs.length,
		versions,
		coldMs: spread(cold),
		wallMs: spread(edited),
		unchangedMs: spread(unchanged),
		analysisMs: spread(analysis),
		summary,
	};
}

/** Rewords the last clause of a document's newest version, as the document controller would. */
function editOneVersion(documentsDir: string, docNo: string, run: number): void {
	const newest = readdirSync(join(documentsDir, docNo))
		.filter((name) => name.endsWith('.mdx'))
		.sort()
		.at(-1)!;
	const file = join(documentsDir, docNo, newest);
	const text = readFileSync(file, 'utf8');
	writeFileSync(file, text.replace(/。\n*$/u, `，並於第 ${run + 1} 次檢查時修訂。\n`));
}
