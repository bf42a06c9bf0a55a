/**
 * One cold build, measured: the portal's `npm run build` (the Astro build, then the search index once Astro
 * has exited) or the plain Starlight project's `astro build`, under `/usr/bin/time` when there is one, with
 * the process tree polled (process-tree.ts). Output and Astro cache are deleted before each run.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runMeasured } from './process-tree.ts';
import { spread, stripAnsi, type Spread } from './stats.ts';

export type Kind = 'portal' | 'plain';

/** Build phases, each starting at the first log line matching its pattern (in order) and ending at the next. */
export const PHASES: [string, RegExp][] = [
	['startup + content sync', /^/],
	['bundle (vite)', /Building static entrypoints/],
	['render pages', /generating static routes/],
	['pagefind + build:done', /Building search index/],
];

const TIME_BIN = '/usr/bin/time';
export const hasTime = existsSync(TIME_BIN);

/** Where one corpus size's builds live (relative to the project root). */
export interface BuildPaths {
	documentsDir: string;
	portalDist: string;
	portalCache: string;
	plainDir: string;
	logsDir: string;
}

export interface BuildMeasure {
	run: number;
	wallMs: number;
	cpuMs: number;
	treePeakRssBytes: number;
	treePeakAt: string;
	maxProcessRssBytes: number;
	maxProcesses: number;
	output: { bytes: number; files: number };
	pages: { html: number; version: number; permalink: number; other: number };
	/** Wall and CPU time of each phase, between the log lines that start them (PHASES). */
	phases: Record<string, { wallMs: number; cpuMs: number }>;
	/** Sum of Astro's per-page render times (`(+12ms)`), by kind of page. */
	renderMs: Record<string, number>;
	log: string;
}

/** The runs of one side at one size: every figure as a median with its spread. */
export interface BuildSummary {
	wallMs: Spread;
	cpuMs: Spread;
	treePeakRssBytes: Spread;
	maxProcessRssBytes: Spread;
	maxProcesses: number;
	outputBytes: number;
	outputFiles: number;
	pages: BuildMeasure['pages'];
	phases: Record<string, { wallMs: Spread; cpuMs: Spread }>;
	renderMs: Record<string, Spread>;
}

export async function measureBuild(
	kind: Kind,
	runIndex: number,
	root: string,
	paths: BuildPaths,
	env: NodeJS.ProcessEnv,
): Promise<BuildMeasure> {
	const plainDist = `${paths.plainDir}/dist`;
	const outDir = kind === 'portal' ? paths.portalDist : plainDist;
	const clean =
		kind === 'portal' ? [paths.portalDist, paths.portalCache] : [plainDist, `${paths.plainDir}/.cache`, `${paths.plainDir}/.astro`];
	for (const dir of clean) rmSync(join(root, dir), { recursive: true, force: true });
	mkdirSync(join(root, paths.logsDir), { recursive: true });
	const node = process.execPath;
	const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
	const portalScript = `"${node}" "${astroBin}" build --outDir "${paths.portalDist}" && "${node}" scripts/index-search.ts "${paths.portalDist}"`;
	const args = kind === 'portal' ? ['/bin/sh', '-c', portalScript] : [node, astroBin, 'build', '--root', paths.plainDir];
	const logFile = `${paths.logsDir}/${kind}-${runIndex}.log`;
	const timeFile = join(root, paths.logsDir, `${kind}-${runIndex}.time`);
	const build = await runMeasured(hasTime ? TIME_BIN : args[0]!, hasTime ? ['-f', '%e %U %S %M', '-o', timeFile, ...args] : args.slice(1), {
		cwd: root,
		env,
		logFile: join(root, logFile),
		markers: PHASES.slice(1).map(([, pattern]) => pattern),
	});
	if (build.status !== 0) {
		throw new Error(`${kind} build failed (exit ${build.status}); log: ${logFile}\n${stripAnsi(build.output).slice(-3000)}`);
	}
	let cpuMs = build.lastCpuMs;
	let maxProcessRssBytes = build.maxProcessRssBytes;
	if (hasTime) {
		const fields = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(/\s+/).map(Number);
		// %U+%S misses processes the build does not wait for (Pagefind's); the /proc samples miss each
		// process's last <100 ms: take the larger.
		cpuMs = Math.max(cpuMs, (fields[1]! + fields[2]!) * 1000);
		maxProcessRssBytes = fields[3]! * 1024;
	}
	const files = listFiles(join(root, outDir));
	const pages = { html: 0, version: 0, permalink: 0, other: 0 };
	for (const file of files) {
		if (!file.endsWith('.html')) continue;
		pages.html++;
		pages[pageGroup(kind, `/${relative(join(root, outDir), file).split('\\').join('/')}`)]++;
	}
	const bounds = [{ wallMs: 0, cpuMs: 0 }, ...build.marks, { wallMs: build.wallMs, cpuMs }];
	const phases: BuildMeasure['phases'] = {};
	for (const [i, [phase]] of PHASES.entries()) {
		if (i < bounds.length - 1)
			phases[phase] = { wallMs: bounds[i + 1]!.wallMs - bounds[i]!.wallMs, cpuMs: bounds[i + 1]!.cpuMs - bounds[i]!.cpuMs };
	}
	return {
		run: runIndex,
		wallMs: build.wallMs,
		cpuMs,
		treePeakRssBytes: build.treePeakRssBytes,
		treePeakAt: build.treePeakAt,
		maxProcessRssBytes,
		maxProcesses: build.maxProcesses,
		output: { bytes: files.reduce((sum, file) => sum + statSync(file).size, 0), files: files.length },
		pages,
		phases,
		renderMs: renderTimes(kind, stripAnsi(build.output)),
		log: logFile,
	};
}

export function pageGroup(kind: Kind, path: string): 'version' | 'permalink' | 'other' {
	if (kind === 'portal') {
		if (/^\/documents\/[^/]+\/v[^/]+\/index\.html$/.test(path)) return 'version';
		if (/^\/documents\/[^/]+\/index\.html$/.test(path)) return 'permalink';
		return 'other';
	}
	return /^\/isms-[^/]+\/v[^/]+\/index\.html$/.test(path) ? 'version' : 'other';
}

/** Sums Astro's per-page `(+12ms)` render times by kind of page. */
export function renderTimes(kind: Kind, text: string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const m of text.matchAll(/[├└]─ (\/\S+) \(\+([\d.]+)(ms|s)\)/g)) {
		const group = pageGroup(kind, m[1]!);
		out[group] = (out[group] ?? 0) + Number(m[2]) * (m[3] === 'ms' ? 1 : 1000);
	}
	return out;
}

export function summarizeBuilds(measures: BuildMeasure[]): BuildSummary {
	const of = (f: (m: BuildMeasure) => number) => spread(measures.map(f));
	const last = measures.at(-1)!;
	const renderGroups = [...new Set(measures.flatMap((m) => Object.keys(m.renderMs)))];
	return {
		wallMs: of((m) => m.wallMs),
		cpuMs: of((m) => m.cpuMs),
		treePeakRssBytes: of((m) => m.treePeakRssBytes),
		maxProcessRssBytes: of((m) => m.maxProcessRssBytes),
		maxProcesses: Math.max(...measures.map((m) => m.maxProcesses)),
		outputBytes: last.output.bytes,
		outputFiles: last.output.files,
		pages: last.pages,
		phases: Object.fromEntries(
			PHASES.filter(([phase]) => measures.every((m) => m.phases[phase])).map(([phase]) => [
				phase,
				{ wallMs: of((m) => m.phases[phase]!.wallMs), cpuMs: of((m) => m.phases[phase]!.cpuMs) },
			]),
		),
		renderMs: Object.fromEntries(
			renderGroups.map((group) => [group, spread(measures.map((m) => m.renderMs[group]).filter((v): v is number => v !== undefined))]),
		),
	};
}

function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? listFiles(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
	);
}
