/**
 * npm run bench:check [-- --documents 1000]
 * Measures `npm run check` (the standalone cross-reference checker) on a generated corpus.
 * Target (issue: cross-reference checker): ≤ 2 s for 1,000 documents.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';

const { values } = parseArgs({ options: { documents: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
const documents = Number(values.documents);
const runs = Number(values.runs);
const root = process.cwd();
const dir = 'test/.tmp/bench-check/documents';
const docs = writeSyntheticCorpus(join(root, dir), { documents, versionsPerDocument: 1.5 });
const versions = docs.reduce((sum, doc) => sum + doc.versions.length, 0);

const times: number[] = [];
let output = '';
for (let i = 0; i < runs; i++) {
	const started = performance.now();
	const result = spawnSync(process.execPath, ['scripts/check.ts'], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, PORTAL_DOCUMENTS_DIR: dir, PORTAL_TODAY: '2026-11-25' },
	});
	times.push(performance.now() - started);
	output = result.stdout.trim().split('\n').at(-1) ?? '';
	if (result.status !== 0) {
		process.stderr.write(`check failed on the synthetic corpus:\n${result.stdout.slice(0, 2000)}\n${result.stderr}`);
		process.exit(1);
	}
}
const best = Math.min(...times);
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
process.stdout.write(
	`npm run check on ${documents} documents (${versions} versions): best ${(best / 1000).toFixed(2)} s, median ${(median / 1000).toFixed(2)} s over ${runs} runs (target ≤ 2 s) ${median <= 2000 ? 'OK' : 'OVER TARGET'}\n${output}\n`,
);
