import { describe, expect, it } from 'vitest';
import type { BuildSummary } from '../../../scripts/bench/build.ts';
import { parseBenchOptions } from '../../../scripts/bench/options.ts';
import type { SizeResult } from '../../../scripts/bench/size.ts';
import { seconds2, spread, withSpread } from '../../../scripts/bench/stats.ts';
import { formatVerdicts, RSS_BYTES, verdicts } from '../../../scripts/bench/targets.ts';

const GIB = 1024 ** 3;

function summary(wallMs: number[], rssBytes: number[]): BuildSummary {
	return {
		wallMs: spread(wallMs),
		cpuMs: spread(wallMs),
		treePeakRssBytes: spread(rssBytes),
		maxProcessRssBytes: spread(rssBytes),
		maxProcesses: 3,
		outputBytes: 1,
		outputFiles: 1,
		pages: { html: 1, version: 1, permalink: 0, other: 0 },
		phases: {},
		renderMs: {},
	};
}

function size(documents: number, portal: BuildSummary, plain?: BuildSummary): SizeResult {
	const paths = { documentsDir: '', portalDist: '', portalCache: '', plainDir: '', logsDir: '' };
	return { documents, versions: documents * 2, paths, runs: {}, summary: { portal, ...(plain ? { plain } : {}) } };
}

describe('npm run bench: options', () => {
	it('runs both stated sizes, 3 runs, every target and both sides by default', () => {
		expect(parseBenchOptions([])).toMatchObject({
			sizes: [400, 1600],
			runs: 3,
			targets: ['wall', 'rss', 'check', 'preview'],
			kinds: ['portal', 'plain'],
			checkDocuments: 1000,
			previewDocuments: 400,
		});
	});

	it('takes one size, fewer runs, one target for quick use; memory alone builds only the portal', () => {
		expect(parseBenchOptions(['--sizes', '400', '--runs', '1'])).toMatchObject({ sizes: [400], runs: 1 });
		expect(parseBenchOptions(['--documents', '1600'])).toMatchObject({ sizes: [1600] });
		expect(parseBenchOptions(['--targets', 'rss'])).toMatchObject({ targets: ['rss'], kinds: ['portal'] });
		expect(parseBenchOptions(['--targets', 'check'])).toMatchObject({ targets: ['check'] });
	});

	it('refuses what it does not understand, naming the option', () => {
		expect(parseBenchOptions(['--sizes', '400,abc'])).toEqual({ error: expect.stringContaining('--sizes') });
		expect(parseBenchOptions(['--runs', '0'])).toEqual({ error: expect.stringContaining('--runs') });
		expect(parseBenchOptions(['--targets', 'speed'])).toEqual({ error: expect.stringContaining('--targets') });
		expect(parseBenchOptions(['--builds', 'gatsby'])).toEqual({ error: expect.stringContaining('--builds') });
		expect(parseBenchOptions(['--colour'])).toEqual({ error: expect.stringContaining('--colour') });
	});
});

describe('npm run bench: figures with their spread', () => {
	it('gives the median and min–max over the runs, the unit once', () => {
		expect(withSpread(spread([820, 790, 850]), seconds2)).toBe('0.82 s (0.79–0.85 s)');
		expect(withSpread(spread([820]), seconds2)).toBe('0.82 s');
		expect(spread([1, 4, 2, 3])).toMatchObject({ median: 2.5, min: 1, max: 4 });
	});
});

describe('npm run bench: a verdict per target', () => {
	it('judges wall time by the ratio of the medians at each size, and lists stated sizes not run', () => {
		const list = verdicts(['wall'], {
			sizes: [size(400, summary([90_000, 100_000, 120_000], [GIB]), summary([100_000, 105_000, 110_000], [GIB]))],
		});
		expect(list.map((v) => [v.status, v.documents])).toEqual([
			['PASS', 400],
			['not measured', 1600],
		]);
		expect(list[0]!.text).toContain('0.95× (portal 100.0 s');
		expect(list[0]!.text).toMatch(/per-run ratios 0\.95× \(0\.90–1\.09×\)/);
		const slow = verdicts(['wall'], { sizes: [size(1600, summary([120], [GIB]), summary([100], [GIB]))] });
		expect(slow[0]).toMatchObject({ status: 'FAIL', documents: 1600 });
	});

	it('judges memory by the portal tree peak against 2 GB, and says when the size is not the stated one', () => {
		const over = verdicts(['rss'], { sizes: [size(1600, summary([1], [RSS_BYTES + 1]))] });
		expect(over).toEqual([expect.objectContaining({ status: 'FAIL', documents: 1600 })]);
		const small = verdicts(['rss'], { sizes: [size(20, summary([1], [GIB]))] });
		expect(small.map((v) => v.status)).toEqual(['PASS', 'not measured']);
		expect(small[0]!.text).toContain('(stated at 1,600)');
	});

	it('judges the checker and the preview (save to page, finding to terminal) by their medians; a restarted server fails', () => {
		const check = {
			documents: 1000,
			versions: 1494,
			coldMs: spread([2500]),
			wallMs: spread([900, 1100, 950]),
			unchangedMs: spread([600]),
			analysisMs: spread([700]),
			summary: '',
		};
		const preview = {
			documents: 400,
			readyMs: 1,
			firstPageMs: 1,
			editToVisibleMs: spread([500]),
			findingMs: spread([100]),
			restarted: true,
		};
		const list = verdicts(['check', 'preview'], { sizes: [], check, preview });
		expect(list.map((v) => [v.target, v.status])).toEqual([
			['check', 'PASS'],
			['preview', 'FAIL'],
		]);
		expect(list[1]!.text).toContain('RESTARTED');
		// Judged after an edit; the cold check is printed beside it.
		expect(list[0]!.text).toContain('after editing one file: 0.95 s');
		expect(list[0]!.text).toContain('cold, no cache 2.50 s');
		// The finding in the terminal counts too.
		const slowFinding = { ...preview, restarted: false, findingMs: spread([1200, 1300, 900]) };
		expect(verdicts(['preview'], { sizes: [], preview: slowFinding }).map((v) => v.status)).toEqual(['FAIL']);
		expect(verdicts(['preview'], { sizes: [], preview: { ...slowFinding, findingMs: spread([300]) } }).map((v) => v.status)).toEqual([
			'PASS',
		]);
	});

	it('ends with one overall line', () => {
		const pass = { target: 'check' as const, documents: 1000, status: 'PASS' as const, text: 'a' };
		expect(formatVerdicts([pass])).toBe('PASS  a\nall 1 target lines PASS\n');
		expect(formatVerdicts([pass, { ...pass, status: 'FAIL' }])).toContain('1 of 2 target lines FAIL');
		expect(formatVerdicts([pass, { ...pass, status: 'not measured' }])).toContain('no target failed; 1 of 2 not measured');
	});
});
