/**
 * npm run check [-- --format text|github|json|codequality] [--no-cache] (started by scripts/check.ts)
 * The cross-reference checker without an Astro build: the same analysis the site build runs
 * (frontmatter, versions, references), reported like a linter. Exit code 1 when there are errors.
 * What each file yielded is kept for the next run (src/node/check-cache.ts); `--no-cache` reads and writes none.
 */
import { parseArgs } from 'node:util';
import { guardCli } from './cli-guard.ts';
import { analyzeCorpus } from '../src/node/analyze.ts';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../src/lib/site/report-format.ts';
import { hasErrors, sortProblems } from '../src/lib/problems.ts';
import { portalSetup } from './portal-config.ts';
import { openCheckCache, saveCheckCache } from '../src/node/check-cache.ts';

guardCli('檢查文件');

let values;
try {
	({ values } = parseArgs({
		options: { format: { type: 'string', default: 'text' }, cache: { type: 'boolean', default: true } },
		allowNegative: true,
	}));
} catch (error) {
	process.stderr.write(`${(error as Error).message}\n用法：npm run check -- [--format text|github|json|codequality] [--no-cache]\n`);
	process.exit(2);
}
const format = values.format as ReportFormat;
if (!REPORT_FORMATS.includes(format)) {
	process.stderr.write(`--format 應為 ${REPORT_FORMATS.join('、')}，收到「${values.format}」\n`);
	process.exit(2);
}

const root = process.cwd();
const { config, settings } = await portalSetup(root);
const started = performance.now();
const cache = values.cache ? openCheckCache(root, config, settings) : undefined;
const analysis = analyzeCorpus(root, config, settings, cache ? { cache: cache.analysis } : {});
if (cache) saveCheckCache(root, cache);
const problems = sortProblems(analysis.problems);
process.stdout.write(
	formatReport(problems, format, {
		documents: analysis.documents.length,
		versions: analysis.versions.length,
		ms: performance.now() - started,
	}),
);
process.exit(hasErrors(problems) ? 1 : 0);
