import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { inject } from 'vitest';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const TMP = join(ROOT, 'test/.tmp');

export interface BuildResult {
	status: number | null;
	stdout: string;
	stderr: string;
	outDir: string;
	/** Reads a built file, e.g. `documents/isms-m-001/index.html`. */
	read(path: string, encoding?: BufferEncoding): string;
	exists(path: string): boolean;
	/** Every file under outDir, relative, forward slashes. */
	files(): string[];
}

/**
 * Runs a real `astro build` of the portal over a fixture corpus (test/fixtures/<name>) into its own
 * output and cache folders, with the Node that runs the tests (the project's pinned Node 24).
 */
export function buildFixture(name: string, env: Record<string, string> = {}, label = name): BuildResult {
	const outDir = join(TMP, label, 'dist');
	const buildEnv = fixtureEnv(name, label, env);
	// Test files of one run share a build of the same fixture with the same settings.
	const stamp = join(TMP, label, 'build.json');
	const key = JSON.stringify({ run: inject('buildRun'), env: buildEnv });
	let result: { status: number | null; stdout: string; stderr: string };
	if (existsSync(stamp) && JSON.parse(readFileSync(stamp, 'utf8')).key === key) {
		result = JSON.parse(readFileSync(stamp, 'utf8')).result;
	} else {
		rmSync(join(TMP, label), { recursive: true, force: true });
		mkdirSync(outDir, { recursive: true });
		result = astroBuild(outDir, buildEnv);
		if (result.status === 0) {
			// The second step of `npm run build`: the search index and the audit, after Astro has exited.
			const index = indexStep(outDir);
			result = { status: index.status, stdout: result.stdout + index.stdout, stderr: result.stderr + index.stderr };
		}
		writeFileSync(stamp, JSON.stringify({ key, result }));
	}
	return buildResult(outDir, result);
}

/** The environment of a fixture build: its documents, the SoA fixture, its own cache, a fixed date. */
export function fixtureEnv(name: string, label: string, env: Record<string, string> = {}): Record<string, string> {
	return {
		ASTRO_TELEMETRY_DISABLED: '1',
		PORTAL_DOCUMENTS_DIR: `test/fixtures/${name}`,
		PORTAL_SOA_FILE: 'test/fixtures/soa/basic.yaml',
		PORTAL_CACHE_DIR: join(TMP, label, 'cache'),
		PORTAL_TODAY: '2025-01-15',
		...env,
	};
}

/** The first step of `npm run build`: `astro build` into outDir. */
export function astroBuild(outDir: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
	const run = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...hostEnv(), ...env },
		timeout: 240_000,
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The second step of `npm run build`: scripts/index-search.ts (search index, then the audit of the output). */
export function indexStep(outDir: string, args: string[] = []): { status: number | null; stdout: string; stderr: string } {
	const run = spawnSync(process.execPath, [join(ROOT, 'scripts/index-search.ts'), outDir, ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: hostEnv(),
		timeout: 240_000,
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function buildResult(outDir: string, result: { status: number | null; stdout: string; stderr: string }): BuildResult {
	return {
		status: result.status,
		stdout: result.stdout,
		stderr: result.stderr,
		outDir,
		read: (path, encoding = 'utf8') => readFileSync(join(outDir, path), encoding),
		exists: (path) => existsSync(join(outDir, path)),
		files: () => listFiles(outDir).map((file) => relative(outDir, file).split('\\').join('/')),
	};
}

function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
	);
}

/** Visible text of an HTML fragment: tags dropped, entities that matter here decoded, spaces collapsed. */
export function textOf(html: string): string {
	return html
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The pages in the built Pagefind index, with their indexed text (word-break marks removed). */
export function indexedPages(site: BuildResult): { url: string; content: string; meta: Record<string, string> }[] {
	return site
		.files()
		.filter((file) => file.startsWith('pagefind/fragment/'))
		.map((file) => {
			const raw = gunzipSync(readFileSync(join(site.outDir, file))).toString('utf8');
			const data = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string; meta?: Record<string, string> };
			return { url: data.url, content: data.content.replace(/\u200b/g, ''), meta: data.meta ?? {} };
		});
}

/**
 * The environment a staff member's shell would give the build: without what Vitest puts into
 * process.env for its own Vite (BASE_URL, MODE, DEV, PROD, SSR, VITEST…), which would leak into Astro's.
 */
export function hostEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(
		Object.entries(process.env).filter(
			([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'].includes(key) && !key.startsWith('VITEST'),
		),
	);
}
