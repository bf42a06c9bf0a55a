/**
 * The builds at one corpus size: the corpus (checked by the portal's own checker before anything is timed),
 * the plain Starlight project, then cold builds interleaved (portal, plain, portal, plain…). Everything lives
 * under test/.tmp/bench/n<size>/: documents/, portal-dist/ + portal-cache/, plain/, logs/ (each build's output,
 * every line prefixed with the seconds since the build started).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeSyntheticCorpus } from '../synthetic-corpus.ts';
import { measureBuild, summarizeBuilds, type BuildMeasure, type BuildPaths, type BuildSummary, type Kind } from './build.ts';
import type { BenchOptions } from './options.ts';
import { writePlainProject } from './plain.ts';
import { log, mib, seconds } from './stats.ts';

export const BENCH_DIR = 'test/.tmp/bench';
/** The day the portal builds as of: the generated corpus's dates are fixed, so its figures are too. */
const TODAY = '2026-11-25';

export interface SizeResult {
	documents: number;
	versions: number;
	paths: BuildPaths;
	runs: Partial<Record<Kind, BuildMeasure[]>>;
	summary: Partial<Record<Kind, BuildSummary>>;
}

export function withoutPortalVars(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('PORTAL_')));
}

export async function benchSize(root: string, documents: number, options: BenchOptions): Promise<SizeResult> {
	const base = `${BENCH_DIR}/n${documents}`;
	const paths: BuildPaths = {
		documentsDir: `${base}/documents`,
		portalDist: `${base}/portal-dist`,
		portalCache: `${base}/portal-cache`,
		plainDir: `${base}/plain`,
		logsDir: `${base}/logs`,
	};
	const docs = writeSyntheticCorpus(join(root, paths.documentsDir), { documents, versionsPerDocument: options.versionsPerDocument });
	const versions = docs.reduce((sum, doc) => sum + doc.versions.length, 0);
	log(`${documents} documents: ${versions} versions in ${paths.documentsDir}`);
	const portalEnv: NodeJS.ProcessEnv = {
		...withoutPortalVars(process.env),
		ASTRO_TELEMETRY_DISABLED: '1',
		PORTAL_DOCUMENTS_DIR: paths.documentsDir,
		PORTAL_CACHE_DIR: paths.portalCache,
		PORTAL_TODAY: TODAY,
	};
	const check = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: root, env: portalEnv, encoding: 'utf8' });
	if (check.status !== 0) throw new Error(`npm run check fails on the synthetic corpus:\n${(check.stdout + check.stderr).slice(-3000)}`);
	log(`  check: ${check.stdout.trim().split('\n').at(-1)}`);
	if (options.kinds.includes('plain')) {
		writePlainProject(root, paths.plainDir, paths.documentsDir, docs, options.plainSidebar);
		log(`  plain Starlight project: ${paths.plainDir} (${versions} MDX pages, sidebar ${options.plainSidebar})`);
	}
	rmSync(join(root, paths.logsDir), { recursive: true, force: true });
	const plainEnv = { ...withoutPortalVars(process.env), ASTRO_TELEMETRY_DISABLED: '1' };
	const runs: SizeResult['runs'] = {};
	for (let i = 1; i <= options.runs; i++) {
		for (const kind of options.kinds) {
			log(`  run ${i}/${options.runs}: ${kind} build…`);
			const m = await measureBuild(kind, i, root, paths, kind === 'portal' ? portalEnv : plainEnv);
			(runs[kind] ??= []).push(m);
			log(
				`    ${kind}: ${seconds(m.wallMs)} wall, ${seconds(m.cpuMs)} CPU, tree peak RSS ${mib(m.treePeakRssBytes)} (largest process ${mib(m.maxProcessRssBytes)}; peak at ${m.treePeakAt}), ${m.pages.html} pages, ${mib(m.output.bytes)} in ${m.output.files} files`,
			);
		}
	}
	const summary: SizeResult['summary'] = {};
	for (const kind of options.kinds) summary[kind] = summarizeBuilds(runs[kind]!);
	return { documents: docs.length, versions, paths, runs, summary };
}
