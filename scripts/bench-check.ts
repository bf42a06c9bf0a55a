/**
 * npm run bench:check [-- --documents 1000 --runs 3]
 * `npm run check` (the standalone cross-reference checker) on a generated corpus (scripts/bench/check.ts; also
 * a target of `npm run bench`): cold, after editing one file, and with nothing changed. Target (issue 19): ≤ 1 s
 * at 1,000 documents after an edit (the document controller's loop). Exit 1 when over.
 */
import { parseArgs } from 'node:util';
import { benchCheck, CHECK_DOCUMENTS, CHECK_TARGET_MS } from './bench/check.ts';
import { seconds2, withSpread } from './bench/stats.ts';

const { values } = parseArgs({
	options: { documents: { type: 'string', default: String(CHECK_DOCUMENTS) }, runs: { type: 'string', default: '3' } },
});
const documents = Number(values.documents);
const runs = Number(values.runs);
if (!(documents >= 1) || !(runs >= 1)) {
	process.stderr.write('usage: npm run bench:check -- [--documents 1000] [--runs 3]\n');
	process.exit(2);
}
const result = benchCheck(process.cwd(), { documents, runs });
const pass = result.wallMs.median <= CHECK_TARGET_MS;
process.stdout.write(
	`npm run check on ${result.documents} documents (${result.versions} versions), median (min–max) over ${runs} runs: ` +
		`after editing one file ${withSpread(result.wallMs, seconds2)} (analysis ${withSpread(result.analysisMs, seconds2)}), ` +
		`nothing changed ${withSpread(result.unchangedMs, seconds2)}, cold (no cache) ${withSpread(result.coldMs, seconds2)}; ` +
		`target ≤ 1 s after an edit: ${pass ? 'PASS' : 'FAIL'}\n${result.summary}\n`,
);
process.exit(pass ? 0 : 1);
