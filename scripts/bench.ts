/**
 * npm run bench [-- --sizes 400,1600 --runs 3 --targets wall,rss,check,preview]
 *
 * Issue 19's benchmark in one command: cold builds of the portal against plain Starlight building the same MDX
 * bodies, interleaved, at each corpus size (default 400 and 1,600 documents, 3 runs each, medians with their
 * spread); `npm run check` at 1,000 documents; the preview's edit-to-visible at 400 documents. A PASS/FAIL
 * line per target; exit 1 when a target fails. Quick use: `--sizes 400 --runs 1`, `--targets check`.
 * The parts are in scripts/bench/ (README.md, "Benchmarks"); JSON in test/.tmp/bench/result.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasTime } from './bench/build.ts';
import { benchCheck } from './bench/check.ts';
import { parseBenchOptions, USAGE } from './bench/options.ts';
import { benchPreview } from './bench/preview.ts';
import { POLL_MS } from './bench/process-tree.ts';
import { buildTable } from './bench/report.ts';
import { BENCH_DIR, benchSize } from './bench/size.ts';
import { formatVerdicts, verdicts, type Measured } from './bench/targets.ts';
import { fail, log, seconds2, withSpread } from './bench/stats.ts';

const options = parseBenchOptions(process.argv.slice(2));
if ('error' in options) {
	process.stderr.write(`${options.error}\n${USAGE}`);
	process.exit(2);
}
const root = process.cwd();
const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
const load = () => (spawnSync('uptime', { encoding: 'utf8' }).stdout ?? '').trim().replace(/^.*load average:\s*/, '');
const loadAtStart = load();
log(`targets ${options.targets.join(', ')}; sizes ${options.sizes.join(', ')}; ${options.runs} run(s); load average ${loadAtStart}`);

const measured: Measured = { sizes: [] };
try {
	if (options.targets.includes('check')) {
		log(`check: npm run check at ${options.checkDocuments} documents, ${options.runs} run(s)…`);
		measured.check = benchCheck(root, { documents: options.checkDocuments, runs: options.runs });
		log(
			`  after an edit ${withSpread(measured.check.wallMs, seconds2)}, cold ${withSpread(measured.check.coldMs, seconds2)}; ${measured.check.summary}`,
		);
	}
	if (options.targets.includes('preview')) {
		log(`preview: astro dev at ${options.previewDocuments} documents, ${options.edits} saves…`);
		measured.preview = await benchPreview(root, { documents: options.previewDocuments, edits: options.edits });
		log(`  edit-to-visible ${withSpread(measured.preview.editToVisibleMs, seconds2)}`);
	}
	if (options.targets.includes('wall') || options.targets.includes('rss')) {
		for (const documents of options.sizes) measured.sizes.push(await benchSize(root, documents, options));
	}
} catch (error) {
	fail((error as Error).message);
}

const list = verdicts(options.targets, measured);
process.stdout.write(
	`\n${measured.sizes.map((size) => buildTable(size, options.kinds, options.runs)).join('\n')}\n${formatVerdicts(list)}\n` +
		`Method: Node ${process.version}, ${cores} cores, load average ${loadAtStart} at the start and ${load()} at the end. ` +
		`Builds are cold (output and Astro cache deleted before each run) and interleaved (portal, plain, portal…); ` +
		`peak RSS: /proc polled every ${POLL_MS} ms, RSS summed over the build's process tree` +
		`${hasTime ? ' ("largest process": /usr/bin/time %M)' : ''}; CPU: user+sys of every process in the tree. ` +
		`The portal writes more pages than the plain site from the same MDX: a permalink page per document. ` +
		`Check: node scripts/check.ts from spawn to exit (npm's own start not included): cold (no cache), after editing one file, nothing changed. Logs: ${BENCH_DIR}/n<size>/logs/.\n`,
);

mkdirSync(join(root, BENCH_DIR), { recursive: true });
const result = {
	date: new Date().toISOString(),
	node: process.version,
	cores,
	load: { start: loadAtStart, end: load() },
	options,
	// What was measured: the portal is built from the working tree, uncommitted changes included.
	tree: {
		commit: git(['rev-parse', '--short', 'HEAD']),
		uncommitted: git([
			'status',
			'--porcelain',
			'--',
			'src',
			'scripts',
			'portal.config.mjs',
			'astro.config.mjs',
			'package.json',
			'package-lock.json',
		])
			.split('\n')
			.filter(Boolean),
	},
	verdicts: list,
	check: measured.check,
	preview: measured.preview,
	sizes: measured.sizes,
};
writeFileSync(join(root, BENCH_DIR, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
log(`result: ${BENCH_DIR}/result.json`);
process.exit(list.some((v) => v.status === 'FAIL') ? 1 : 0);

function git(args: string[]): string {
	const out = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
	return out.status === 0 ? out.stdout.trimEnd() : '';
}
