/**
 * npm run bench [-- --documents 400 --versions-per-document 2.5 --runs 1]
 *
 * Build benchmark: a cold `astro build` of the portal over a generated corpus, against a plain Starlight
 * site (no portal plugin) built from the same MDX bodies. Targets (issue 19): portal wall time ≤ 1.0× plain
 * Starlight, portal peak RSS ≤ 2 GB (at 400 and at 1,600 documents). Runs are interleaved (portal, plain, portal, plain…); medians are reported.
 *
 * Everything lives under test/.tmp/bench/: documents/ (the corpus), portal-dist/ + portal-cache/,
 * plain/ (a throw-away Astro project, its dist/ and .cache/), logs/ (each build's output, every line
 * prefixed with the seconds since the build started), result.json.
 *
 * Memory: the build runs under `/usr/bin/time -f …` in its own process group; `/usr/bin/time` reports the
 * max RSS of the largest single process, and this script also polls /proc every 100 ms and sums the RSS of
 * every process in the build's tree (Node, and the Pagefind binary Starlight spawns), whose peak is what is
 * checked against 2 GB. Shared pages are counted once per process, so the sum errs on the high side.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';

const { values } = parseArgs({
	options: {
		documents: { type: 'string', default: '400' },
		'versions-per-document': { type: 'string', default: '2.5' },
		runs: { type: 'string', default: '1' },
		/** Which builds to run, for profiling one side alone: `portal,plain` (default), `portal`, `plain`. */
		builds: { type: 'string', default: 'portal,plain' },
		/** Plain site's sidebar: `fixed` (a few links, like the portal's) or `auto` (Starlight's default: every page). */
		'plain-sidebar': { type: 'string', default: 'fixed' },
	},
});
const documents = Number(values.documents);
const versionsPerDocument = Number(values['versions-per-document']);
const runs = Number(values.runs);
const kinds = values.builds.split(',').map((s) => s.trim()) as Kind[];
const plainSidebar = values['plain-sidebar'];
if (
	!(documents > 0) ||
	!(versionsPerDocument >= 1) ||
	!(runs >= 1) ||
	kinds.some((k) => k !== 'portal' && k !== 'plain') ||
	!['fixed', 'auto'].includes(plainSidebar)
) {
	process.stderr.write(
		'usage: npm run bench -- [--documents N] [--versions-per-document X] [--runs N] [--builds portal,plain] [--plain-sidebar fixed|auto]\n',
	);
	process.exit(2);
}

type Kind = 'portal' | 'plain';
const TODAY = '2026-11-25';
const TARGET_RATIO = 1.0;
const TARGET_RSS_BYTES = 2 * 1024 ** 3;
const POLL_MS = 100;
/** Build phases, each starting at the first log line matching its pattern (in order) and ending at the next. */
const PHASES: [string, RegExp][] = [
	['startup + content sync', /^/],
	['bundle (vite)', /Building static entrypoints/],
	['render pages', /generating static routes/],
	['pagefind + build:done', /Building search index/],
];
const CLOCK_TICKS = 100;
const PAGE_SIZE = 4096;

const root = process.cwd();
const benchDir = 'test/.tmp/bench';
const documentsDir = `${benchDir}/documents`;
const portalDist = `${benchDir}/portal-dist`;
const portalCache = `${benchDir}/portal-cache`;
const plainDir = `${benchDir}/plain`;
const plainDist = `${plainDir}/dist`;
const plainCache = `${plainDir}/.cache`;
const logsDir = `${benchDir}/logs`;
const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
const timeBin = '/usr/bin/time';
const hasTime = existsSync(timeBin);

// 1. Corpus, checked by the portal's own checker before anything is timed.
const docs = writeSyntheticCorpus(join(root, documentsDir), { documents, versionsPerDocument });
const versionCount = docs.reduce((sum, doc) => sum + doc.versions.length, 0);
log(`corpus: ${docs.length} documents, ${versionCount} versions in ${documentsDir}`);
const portalEnv = (): NodeJS.ProcessEnv => ({
	...withoutPortalVars(process.env),
	ASTRO_TELEMETRY_DISABLED: '1',
	PORTAL_DOCUMENTS_DIR: documentsDir,
	PORTAL_CACHE_DIR: portalCache,
	PORTAL_TODAY: TODAY,
});
{
	const check = await run(process.execPath, ['scripts/check.ts'], portalEnv());
	if (check.status !== 0) fail(`npm run check fails on the synthetic corpus:\n${check.output.slice(-3000)}`);
	log(`check: ${check.output.trim().split('\n').at(-1)}`);
}

// 2. The plain Starlight project: same MDX bodies, frontmatter reduced to a title.
writePlainProject();

// 3. Interleaved cold builds.
rmSync(join(root, logsDir), { recursive: true, force: true });
mkdirSync(join(root, logsDir), { recursive: true });
const results: Record<Kind, BuildMeasure[]> = { portal: [], plain: [] };
for (let i = 1; i <= runs; i++) {
	for (const kind of kinds) {
		log(`run ${i}/${runs}: ${kind} build…`);
		const measure = await measureBuild(kind, i);
		results[kind].push(measure);
		log(
			`  ${kind}: ${seconds(measure.wallMs)} wall, ${seconds(measure.cpuMs)} CPU, tree peak RSS ${mib(measure.treePeakRssBytes)} (largest process ${mib(measure.maxProcessRssBytes)}; peak at ${measure.treePeakAt}), ${measure.pages.html} pages, ${mib(measure.output.bytes)} in ${measure.output.files} files`,
		);
	}
}

// 4. Report.
const summary = Object.fromEntries(kinds.map((kind) => [kind, summarize(results[kind])])) as Partial<Record<Kind, Summary>>;
const portal = summary.portal;
const plain = summary.plain;
const timeRatio = portal && plain ? portal.wallMs / plain.wallMs : undefined;
const timePass = timeRatio === undefined ? undefined : timeRatio <= TARGET_RATIO;
const rssPass = portal ? Math.max(portal.treePeakRssBytes, portal.maxProcessRssBytes) <= TARGET_RSS_BYTES : undefined;

const rows: [string, (s: Summary) => string, string?][] = [
	['wall time (median)', (s) => seconds(s.wallMs), timeRatio === undefined ? undefined : `${timeRatio.toFixed(2)}×`],
	['CPU time, user+sys (median)', (s) => seconds(s.cpuMs), portal && plain ? `${(portal.cpuMs / plain.cpuMs).toFixed(2)}×` : undefined],
	[
		'peak RSS, process tree sum',
		(s) => mib(s.treePeakRssBytes),
		portal && plain ? `${(portal.treePeakRssBytes / plain.treePeakRssBytes).toFixed(2)}×` : undefined,
	],
	['peak RSS, largest process', (s) => mib(s.maxProcessRssBytes), undefined],
	['processes in tree (max)', (s) => String(s.maxProcesses), undefined],
	['HTML pages', (s) => String(s.pages.html), portal && plain ? `${(portal.pages.html / plain.pages.html).toFixed(2)}×` : undefined],
	['  of which version pages (one per MDX)', (s) => String(s.pages.version), undefined],
	['  of which permalink pages', (s) => String(s.pages.permalink), undefined],
	['  other pages', (s) => String(s.pages.other), undefined],
	[
		'output size',
		(s) => `${mib(s.output.bytes)} (${s.output.bytes} B)`,
		portal && plain ? `${(portal.output.bytes / plain.output.bytes).toFixed(2)}×` : undefined,
	],
	['output files', (s) => String(s.output.files), undefined],
	[
		'wall time per HTML page',
		(s) => `${(s.wallMs / s.pages.html).toFixed(1)} ms`,
		portal && plain ? `${(portal.wallMs / portal.pages.html / (plain.wallMs / plain.pages.html)).toFixed(2)}×` : undefined,
	],
];
for (const [phase] of PHASES) {
	const cell = (s: Summary) => {
		const p = s.phases[phase];
		return p ? `${seconds(p.wallMs)} (CPU ${seconds(p.cpuMs)})` : '–';
	};
	const ratio =
		portal?.phases[phase] && plain?.phases[phase]
			? `CPU ${(portal.phases[phase].cpuMs / plain.phases[phase].cpuMs).toFixed(2)}×`
			: undefined;
	rows.push([`phase: ${phase}`, cell, ratio]);
}
const renderGroups = [...new Set(kinds.flatMap((kind) => Object.keys(summary[kind]!.renderMs)))];
for (const group of renderGroups) {
	rows.push([`  Σ page render: ${group}`, (s) => (s.renderMs[group] === undefined ? '–' : seconds(s.renderMs[group]!)), undefined]);
}

const header = ['', ...kinds.map((k) => (k === 'portal' ? 'portal' : 'plain Starlight')), ...(portal && plain ? ['portal/plain'] : [])];
const table = [
	header,
	...rows.map(([label, cell, ratio]) => [label, ...kinds.map((k) => cell(summary[k]!)), ...(portal && plain ? [ratio ?? ''] : [])]),
];
const widths = header.map((_, c) => Math.max(...table.map((row) => width(row[c]!))));
const line = (row: string[]) => row.map((cell, c) => (c === 0 ? pad(cell, widths[c]!) : padStart(cell, widths[c]!))).join('  ');
process.stdout.write(
	`\nBuild benchmark: ${docs.length} documents, ${versionCount} versions, ${runs} run(s) each, medians; 2 GB = ${mib(TARGET_RSS_BYTES)}\n` +
		`${line(table[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${table.slice(1).map(line).join('\n')}\n\n`,
);
const verdict = (pass: boolean | undefined) => (pass === undefined ? 'n/a' : pass ? 'PASS' : 'FAIL');
process.stdout.write(
	`${verdict(timePass)}  portal wall time ≤ ${TARGET_RATIO}× plain Starlight: ${timeRatio === undefined ? 'not measured (both builds needed)' : `${timeRatio.toFixed(2)}× (${seconds(portal!.wallMs)} vs ${seconds(plain!.wallMs)})`}\n` +
		`${verdict(rssPass)}  portal peak RSS ≤ 2 GB: ${portal ? `${mib(portal.treePeakRssBytes)} process-tree sum (largest process ${mib(portal.maxProcessRssBytes)})` : 'not measured'}\n` +
		`\nMethod: cold builds (outDir and cache deleted before each run), Node ${process.version}, ${navigatorCores()} cores. ` +
		`Peak RSS (checked against 2 GB): /proc polled every ${POLL_MS} ms, RSS summed over the build's process tree` +
		`${hasTime ? `; "largest process" is ${timeBin} %M (max RSS of the largest single process only)` : ''}. ` +
		`CPU: user+sys of every process in the tree. ` +
		`The portal writes more pages than the plain site from the same MDX: a permalink page per document (rendered once, then copied to the /v<version>/ page of the version it shows); diffs are computed in the browser from one versions.json per document. ` +
		`Plain sidebar: ${plainSidebar}. Logs: ${logsDir}/.\n`,
);

const result = {
	date: new Date().toISOString(),
	node: process.version,
	cores: navigatorCores(),
	options: { documents, versionsPerDocument, runs, builds: kinds, plainSidebar, today: TODAY },
	// What was measured: the portal is built from the working tree, uncommitted changes included.
	tree: {
		commit: git(['rev-parse', '--short', 'HEAD']),
		uncommitted: git(['status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json', 'package-lock.json'])
			.split('\n')
			.filter(Boolean),
	},
	corpus: { documents: docs.length, versions: versionCount, dir: documentsDir },
	method: {
		wall: 'spawn to exit of the build, measured by this script',
		cpu: `user+sys of every process seen in the build's tree (/proc samples every ${POLL_MS} ms)${hasTime ? `, or ${timeBin} %U+%S if larger` : ''}`,
		treePeakRss: `sum of RSS over the build's process tree, /proc polled every ${POLL_MS} ms`,
		maxProcessRss: hasTime ? `${timeBin} %M: max RSS of the largest single process` : 'max over samples of the largest process',
		cold: 'outDir and Astro cache deleted before each run',
	},
	targets: { timeRatio: TARGET_RATIO, peakRssBytes: TARGET_RSS_BYTES },
	median: summary,
	ratio: { wall: timeRatio, cpu: portal && plain ? portal.cpuMs / plain.cpuMs : undefined },
	pass: { time: timePass, rss: rssPass },
	runs: results,
};
writeFileSync(join(root, benchDir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
log(`result: ${benchDir}/result.json`);

// ---------------------------------------------------------------------------------------------------

interface BuildMeasure {
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
type Summary = Omit<BuildMeasure, 'run' | 'log' | 'treePeakAt'>;

async function measureBuild(kind: Kind, runIndex: number): Promise<BuildMeasure> {
	const outDir = kind === 'portal' ? portalDist : plainDist;
	for (const dir of kind === 'portal' ? [portalDist, portalCache] : [plainDist, plainCache, `${plainDir}/.astro`]) {
		rmSync(join(root, dir), { recursive: true, force: true });
	}
	// The portal's build is `npm run build`: the Astro build, then the search index once Astro has exited.
	const portalScript = `"${process.execPath}" "${astroBin}" build --outDir "${portalDist}" && "${process.execPath}" scripts/index-search.ts "${portalDist}"`;
	const args = kind === 'portal' ? ['/bin/sh', '-c', portalScript] : [process.execPath, astroBin, 'build', '--root', plainDir];
	const env = kind === 'portal' ? portalEnv() : { ...withoutPortalVars(process.env), ASTRO_TELEMETRY_DISABLED: '1' };
	const logFile = `${logsDir}/${kind}-${runIndex}.log`;
	const timeFile = join(root, logsDir, `${kind}-${runIndex}.time`);
	const build = await run(
		hasTime ? timeBin : args[0]!,
		hasTime ? ['-f', '%e %U %S %M', '-o', timeFile, ...args] : args.slice(1),
		env,
		join(root, logFile),
		PHASES.slice(1).map(([, pattern]) => pattern),
	);
	if (build.status !== 0) fail(`${kind} build failed (exit ${build.status}); log: ${logFile}\n${stripAnsi(build.output).slice(-3000)}`);
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
	const text = stripAnsi(build.output);
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
		renderMs: renderTimes(kind, text),
		log: logFile,
	};
}

function pageGroup(kind: Kind, path: string): 'version' | 'permalink' | 'other' {
	if (kind === 'portal') {
		if (/^\/documents\/[^/]+\/v[^/]+\/index\.html$/.test(path)) return 'version';
		if (/^\/documents\/[^/]+\/index\.html$/.test(path)) return 'permalink';
		return 'other';
	}
	return /^\/isms-[^/]+\/v[^/]+\/index\.html$/.test(path) ? 'version' : 'other';
}

/** Sums Astro's per-page `(+12ms)` render times by kind of page. */
function renderTimes(kind: Kind, text: string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const m of text.matchAll(/[├└]─ (\/\S+) \(\+([\d.]+)(ms|s)\)/g)) {
		const group = pageGroup(kind, m[1]!);
		out[group] = (out[group] ?? 0) + Number(m[2]) * (m[3] === 'ms' ? 1 : 1000);
	}
	return out;
}

function summarize(measures: BuildMeasure[]): Summary {
	const med = (f: (m: BuildMeasure) => number) => median(measures.map(f));
	const keys = (f: (m: BuildMeasure) => Record<string, number>) => [...new Set(measures.flatMap((m) => Object.keys(f(m))))];
	const medRecord = (f: (m: BuildMeasure) => Record<string, number>) =>
		Object.fromEntries(keys(f).map((k) => [k, median(measures.map((m) => f(m)[k]).filter((v): v is number => v !== undefined))]));
	return {
		wallMs: med((m) => m.wallMs),
		cpuMs: med((m) => m.cpuMs),
		treePeakRssBytes: med((m) => m.treePeakRssBytes),
		maxProcessRssBytes: med((m) => m.maxProcessRssBytes),
		maxProcesses: Math.max(...measures.map((m) => m.maxProcesses)),
		output: { bytes: med((m) => m.output.bytes), files: med((m) => m.output.files) },
		pages: {
			html: med((m) => m.pages.html),
			version: med((m) => m.pages.version),
			permalink: med((m) => m.pages.permalink),
			other: med((m) => m.pages.other),
		},
		phases: Object.fromEntries(
			PHASES.filter(([phase]) => measures.every((m) => m.phases[phase])).map(([phase]) => [
				phase,
				{ wallMs: median(measures.map((m) => m.phases[phase]!.wallMs)), cpuMs: median(measures.map((m) => m.phases[phase]!.cpuMs)) },
			]),
		),
		renderMs: medRecord((m) => m.renderMs),
	};
}

/** Writes test/.tmp/bench/plain/: an Astro + Starlight project with only the corpus as docs pages. */
function writePlainProject() {
	const dir = join(root, plainDir);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
	// Packages resolve from the portal's node_modules (test/.tmp/bench/plain → /work/main).
	symlinkSync('../../../../node_modules', join(dir, 'node_modules'), 'dir');
	// Astro crawls the root package.json's dependencies to decide what Vite bundles (Starlight must be).
	const mainDeps = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
	const dependencies = Object.fromEntries(
		['astro', '@astrojs/starlight', '@astrojs/markdown-remark'].map((name) => [name, mainDeps[name] ?? '*']),
	);
	writeFileSync(
		join(dir, 'package.json'),
		`${JSON.stringify({ name: 'bench-plain-starlight', private: true, type: 'module', dependencies }, null, 2)}\n`,
	);
	// `fixed`: six links, like the portal's sidebar; Starlight's default would list all the pages on every page.
	const sidebar =
		plainSidebar === 'fixed'
			? `\n\t\t\tsidebar: ${JSON.stringify(['首頁', '文件一覽表', '適用性聲明書', '文件審查排程', '指定日期之有效版本', '版次差異比較'].map((label, i) => ({ label, link: `/${i === 0 ? '' : `page-${i}/`}` })))},`
			: '';
	writeFileSync(
		join(dir, 'astro.config.mjs'),
		`// Generated by scripts/bench.ts: plain Starlight over the benchmark corpus, no portal plugin.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';

export default defineConfig({
	// Own caches: the default (node_modules/.astro) would resolve through the symlink into the portal's.
	cacheDir: fileURLToPath(new URL('./.cache/astro/', import.meta.url)),
	vite: { cacheDir: fileURLToPath(new URL('./.cache/vite/', import.meta.url)) },
	markdown: { processor: unified() },
	integrations: [
		starlight({
			title: '資安文件入口網（plain Starlight）',
			defaultLocale: 'root',
			locales: { root: { label: '繁體中文', lang: 'zh-TW' } },${sidebar}
		}),
	],
});
`,
	);
	writeFileSync(
		join(dir, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
	);
	for (const doc of docs) {
		const target = join(dir, 'src/content/docs', doc.docNo.toLowerCase());
		mkdirSync(target, { recursive: true });
		for (const version of doc.versions) {
			const source = readFileSync(join(root, documentsDir, doc.docNo, `${version}.mdx`), 'utf8');
			const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
			if (!m) fail(`${documentsDir}/${doc.docNo}/${version}.mdx has no frontmatter`);
			const frontmatter = parseYaml(m![1]!) as { docNo: string; title: string };
			const body = source.slice(m![0].length);
			writeFileSync(
				join(target, `v${version}.mdx`),
				`---\ntitle: ${JSON.stringify(`${frontmatter.docNo} ${frontmatter.title}`)}\n---\n${body}`,
			);
		}
	}
	log(`plain Starlight project: ${plainDir} (${versionCount} MDX pages, sidebar ${plainSidebar})`);
}

interface RunResult {
	status: number | null;
	output: string;
	wallMs: number;
	treePeakRssBytes: number;
	/** When the tree peak was sampled (seconds into the build) and its processes over 10 MiB. */
	treePeakAt: string;
	maxProcessRssBytes: number;
	maxProcesses: number;
	/** Wall and CPU time (of the whole tree) when each marker line appeared, in order. */
	marks: { wallMs: number; cpuMs: number }[];
	/** CPU time of every process seen in the tree, at its last /proc sample. */
	lastCpuMs: number;
}

/** Runs a command in its own process group, timing it and polling the RSS of its process tree. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, logFile?: string, markers: RegExp[] = []): Promise<RunResult> {
	return new Promise((resolvePromise) => {
		const started = performance.now();
		const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		const sink = logFile ? createWriteStream(logFile) : undefined;
		let output = '';
		const marks: { wallMs: number; cpuMs: number }[] = [];
		// CPU time of every process seen in the tree, last sample: exited processes keep their last value
		// (a process Node does not wait for, like Pagefind's, never reaches /usr/bin/time's %U+%S).
		const cpuSeen = new Map<number, number>();
		const sampleCpu = (pid: number) => {
			const tree = processTree(pid);
			for (const [p, ms] of tree.cpuMs) cpuSeen.set(p, ms);
			return tree;
		};
		const cpuTotal = () => [...cpuSeen.values()].reduce((a, b) => a + b, 0);
		const partial = { stdout: '', stderr: '' };
		const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
			const text = partial[stream] + chunk.toString('utf8');
			const lines = text.split('\n');
			partial[stream] = lines.pop()!;
			const stamp = ((performance.now() - started) / 1000).toFixed(2);
			for (const l of lines) {
				if (marks.length < markers.length && markers[marks.length]!.test(l) && child.pid !== undefined) {
					sampleCpu(child.pid);
					marks.push({ wallMs: performance.now() - started, cpuMs: cpuTotal() });
				}
				const stamped = `${stamp}s ${l}\n`;
				output += stamped;
				sink?.write(stamped);
			}
		};
		child.stdout.on('data', onData('stdout'));
		child.stderr.on('data', onData('stderr'));
		let treePeak = 0;
		let processPeak = 0;
		let maxProcesses = 0;
		let peakParts = '';
		let peakAtMs = 0;
		const poll = () => {
			if (child.pid === undefined) return;
			const tree = sampleCpu(child.pid);
			if (tree.rss > treePeak) {
				treePeak = tree.rss;
				peakParts = tree.parts;
				peakAtMs = performance.now() - started;
			}
			processPeak = Math.max(processPeak, tree.largest);
			maxProcesses = Math.max(maxProcesses, tree.count);
		};
		const timer = setInterval(poll, POLL_MS);
		child.on('close', (status) => {
			const wallMs = performance.now() - started;
			clearInterval(timer);
			for (const stream of ['stdout', 'stderr'] as const) {
				if (partial[stream]) {
					output += `${partial[stream]}\n`;
					sink?.write(`${partial[stream]}\n`);
				}
			}
			sink?.end();
			resolvePromise({
				status,
				output,
				wallMs,
				treePeakRssBytes: treePeak,
				treePeakAt: `${seconds(peakAtMs)}: ${peakParts}`,
				maxProcessRssBytes: processPeak,
				maxProcesses,
				marks,
				lastCpuMs: cpuTotal(),
			});
		});
	});
}

/** RSS of `pid` and all its descendants, from /proc/<pid>/stat. */
function processTree(rootPid: number): { rss: number; largest: number; count: number; parts: string; cpuMs: Map<number, number> } {
	const children = new Map<number, number[]>();
	const rss = new Map<number, number>();
	const names = new Map<number, string>();
	const cpu = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${name}/stat`, 'utf8');
		} catch {
			continue; // exited meanwhile
		}
		// "pid (comm) state ppid … rss(24th field)"; comm may contain spaces and parentheses.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const pid = Number(name);
		const ppid = Number(fields[1]);
		rss.set(pid, Number(fields[21]) * PAGE_SIZE);
		names.set(pid, stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
		// utime + stime of the process itself (its threads included).
		cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
		const list = children.get(ppid) ?? [];
		list.push(pid);
		children.set(ppid, list);
	}
	let total = 0;
	let largest = 0;
	let count = 0;
	const cpuMs = new Map<number, number>();
	const parts: string[] = [];
	const stack = [rootPid];
	while (stack.length > 0) {
		const pid = stack.pop()!;
		const value = rss.get(pid);
		if (value !== undefined) {
			total += value;
			largest = Math.max(largest, value);
			count++;
			cpuMs.set(pid, cpu.get(pid) ?? 0);
			if (value >= 10 * 1024 ** 2) parts.push(`${names.get(pid)} ${mib(value)}`);
		}
		stack.push(...(children.get(pid) ?? []));
	}
	return { rss: total, largest, count, parts: parts.join(' + '), cpuMs };
}

function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? listFiles(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
	);
}

function withoutPortalVars(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('PORTAL_')));
}

function median(list: number[]): number {
	const sorted = [...list].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function git(args: string[]): string {
	const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trimEnd() : '';
}

function navigatorCores(): number {
	return globalThis.navigator?.hardwareConcurrency ?? 1;
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}
function mib(bytes: number): string {
	return `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
}
function stripAnsi(text: string): string {
	return text.replace(/\x1b\[[0-9;]*m/g, '');
}
/** Display width: CJK characters take two columns. */
function width(text: string): number {
	return [...text].reduce(
		(sum, ch) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
		0,
	);
}
function pad(text: string, w: number): string {
	return text + ' '.repeat(Math.max(0, w - width(text)));
}
function padStart(text: string, w: number): string {
	return ' '.repeat(Math.max(0, w - width(text))) + text;
}

function log(message: string) {
	process.stdout.write(`[bench] ${message}\n`);
}

function fail(message: string): never {
	process.stderr.write(`[bench] ${message}\n`);
	process.exit(1);
}
