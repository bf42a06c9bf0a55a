import { afterAll, describe, expect, it, vi } from 'vitest';
import { problemLines } from '../hostile-cases.ts';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, runScript } from './run.ts';
import { CHECK_CACHE_DIR } from '../../src/node/check-cache.ts';
import { DOCS, makeProjectTree, mdx, removeTempDirs, versionFields } from '../unit/_helpers.ts';

// Each case starts the checker as a process: over 5 s on a loaded 2-core machine.
vi.setConfig({ testTimeout: 60_000 });
afterAll(removeTempDirs);

const REFS = { PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-refs', PORTAL_TODAY: '2025-01-15' };
const FILE = 'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx';
/** One finding per break in the fixture, at the line and column where it is written. */
const EXPECTED = [
	['10:5', 'frontmatter/unknown-control'],
	['16:14', 'ref/unknown-document'],
	['17:11', 'ref/title-mismatch'],
	['18:25', 'ref/unknown-clause'],
	['19:16', 'ref/unknown-clause'],
	['20:16', 'ref/unknown-control'],
	['21:12', 'ref/withdrawn-document'],
	['22:13', 'ref/not-in-force'],
	['23:13', 'ref/not-in-force'],
	['24:14', 'ref/broken-link'],
];

// Each test starts a Node process: generous timeouts for a busy shared machine.
describe('npm run check', { timeout: 60_000 }, () => {
	it('reports one finding per broken reference like a linter and exits 1', () => {
		const result = runScript('check', [], REFS);
		expect(result.status).toBe(1);
		const lines = result.stdout.split('\n').filter((line) => line.startsWith(FILE));
		expect(lines.map((line) => line.split(/ {2}/))).toEqual(
			EXPECTED.map(([position, rule]) => [`${FILE}:${position}`, 'error', rule, expect.any(String)]),
		);
		expect(lines[2]).toContain('引用的名稱「資訊安全目標管考程序書」與 ISMS-P-005 的文件名稱「資訊安全目標管理程序書」不符');
		expect(lines[6]).toContain('已於民國113年6月1日廢止');
		expect(result.stdout).toMatch(/共 10 個錯誤、0 個警告（檢查 5 份文件、6 個版次，\d+ ms）/);
	});

	it('emits GitHub Actions annotations with --format github', () => {
		const result = runScript('check', ['--format', 'github'], REFS);
		expect(result.status).toBe(1);
		const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
		expect(annotations).toHaveLength(10);
		expect(annotations[1]).toMatch(
			/^::error file=test\/fixtures\/corpus-refs\/ISMS-M-001\/1\.0\.mdx,line=16,col=14,title=ref\/unknown-document::「ISMS-P-999」：找不到文件 ISMS-P-999/,
		);
	});

	it('emits JSON for tools with --format json', () => {
		const result = runScript('check', ['--format', 'json'], REFS);
		const report = JSON.parse(result.stdout) as { problems: { rule: string; line: number }[]; summary: { error: number; warning: number } };
		expect(report.summary).toMatchObject({ error: 10, warning: 0, documents: 5, versions: 6 });
		expect(report.problems.map((p) => p.rule)).toEqual(EXPECTED.map(([, rule]) => rule));
	});

	it('emits a GitLab Code Quality report with --format codequality: only the JSON array on stdout, exit 1', { timeout: 60_000 }, () => {
		const result = runScript('check', ['--format', 'codequality'], REFS);
		expect(result.status).toBe(1);
		const issues = JSON.parse(result.stdout) as {
			check_name: string;
			severity: string;
			fingerprint: string;
			location: { path: string; lines: { begin: number } };
		}[];
		expect(issues.map((issue) => [`${issue.location.lines.begin}`, issue.check_name, issue.severity, issue.location.path])).toEqual(
			EXPECTED.map(([position, rule]) => [position!.split(':')[0], rule, 'major', FILE]),
		);
		expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(10);
		const clean = runScript('check', ['--format', 'codequality'], {
			PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-basic',
			PORTAL_TODAY: '2025-01-15',
		});
		// The excerpt's numbering gaps (EXCERPT_GAP) are its only findings, minor ones.
		const cleanIssues = JSON.parse(clean.stdout) as { check_name: string; severity: string }[];
		expect([
			clean.status,
			cleanIssues.filter((issue) => issue.check_name !== 'outline/skipped-clause' || issue.severity !== 'minor'),
		]).toEqual([0, []]);
	});

	it('passes a clean corpus with exit 0', () => {
		const result = runScript('check', [], { PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-basic', PORTAL_TODAY: '2025-01-15' });
		expect(result.stdout).toContain('共 0 個錯誤、5 個警告');
		expect(problemLines(result.stdout)).toEqual([]);
		expect(result.status).toBe(0);
	});

	it('starts without loading Astro, Starlight or Vite: the configuration comes from portal.config.mjs (startup is part of its 1 s)', () => {
		// A resolve hook in the checker's process lists every module it loads.
		const hook = `import { registerHooks } from 'node:module';
const seen = new Set();
registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); seen.add(result.url); return result; } });
process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify([...seen]) + '\\n'));`;
		const result = spawnSync(
			process.execPath,
			['--import', `data:text/javascript,${encodeURIComponent(hook)}`, resolve(ROOT, 'scripts/check.ts')],
			{
				cwd: ROOT,
				encoding: 'utf8',
				env: { ...process.env, ...REFS },
				timeout: 60_000,
			},
		);
		expect(result.status).toBe(1);
		const loaded = JSON.parse(/^LOADED (.*)$/m.exec(result.stderr)![1]!) as string[];
		expect(loaded.some((url) => url.endsWith('/portal.config.mjs'))).toBe(true);
		// `astro/zod` (zod re-exported, the schemas' one import of Astro) is all it may take from Astro.
		const heavy = loaded.filter(
			(url) =>
				/\/node_modules\/(astro|@astrojs\/[^/]+|vite|rollup|rolldown)\/|\/astro\.config\.mjs$|\/src\/integration\//.test(url) &&
				!url.endsWith('/node_modules/astro/dist/zod.js'),
		);
		expect(heavy).toEqual([]);
	});

	it('finds from its cache (node_modules/.cache) what it finds without it (--no-cache)', () => {
		const findings = (args: string[], env: Record<string, string>) => {
			const result = runScript('check', ['--format', 'json', ...args], env);
			return { status: result.status, findings: (JSON.parse(result.stdout) as { problems: unknown[] }).problems };
		};
		for (const env of [REFS, { PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-body-findings', PORTAL_TODAY: '2025-01-15' }]) {
			const fresh = findings(['--no-cache'], env);
			expect(fresh.findings.length).toBeGreaterThan(0);
			// The first run may write the cache, the second reads it.
			expect(findings([], env)).toEqual(fresh);
			expect(findings([], env)).toEqual(fresh);
		}
	});

	it('keeps its cache in the project (node_modules/.cache/isms-portal), and none with --no-cache', () => {
		const root = makeProjectTree({ [`${DOCS}/ISMS-M-001/1.0.mdx`]: mdx(versionFields('ISMS-M-001', '1.0')) });
		copyFileSync(join(ROOT, 'portal.config.mjs'), join(root, 'portal.config.mjs'));
		const run = (args: string[]) =>
			spawnSync(process.execPath, [resolve(ROOT, 'scripts/check.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
		expect(run(['--no-cache']).status).toBe(0);
		expect(existsSync(join(root, CHECK_CACHE_DIR))).toBe(false);
		expect(run([]).status).toBe(0);
		expect(existsSync(join(root, CHECK_CACHE_DIR))).toBe(true);
	});

	it('rejects an unknown format with a clear message', () => {
		const result = runScript('check', ['--format', 'xml'], REFS);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('--format 應為 text、github、json、codequality，收到「xml」');
	});
});

describe('npm run check: the search synonyms file', { timeout: 60_000 }, () => {
	it('passes the shipped content/search/synonyms.yaml', () => {
		const result = runScript('check', [], { PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-basic', PORTAL_TODAY: '2025-01-15' });
		expect(result.stdout).not.toContain('synonyms/');
	});

	it('reports each mistake at its line and column and exits 1', () => {
		const result = runScript('check', [], {
			PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-basic',
			PORTAL_TODAY: '2025-01-15',
			PORTAL_SYNONYMS_FILE: 'test/fixtures/search/synonyms-bad.yaml',
		});
		expect(result.status).toBe(1);
		const lines = result.stdout.split('\n').filter((line) => line.startsWith('test/fixtures/search/synonyms-bad.yaml'));
		expect(lines).toEqual([
			'test/fixtures/search/synonyms-bad.yaml:3:5  error  synonyms/invalid-group  第 1 組同義詞「["公文系統"]」無效（只有 1 個詞，至少要有 2 個詞）；應為 以方括號列出、至少 2 個意思相同的詞，例如 [公文系統, 電子公文]',
			'test/fixtures/search/synonyms-bad.yaml:4:11  error  synonyms/invalid-word  第 2 組同義詞的第 2 個詞「3」（數字）無效；應為 含文字或數字的詞；數字或 true/false 請加引號，例如 "5G"',
		]);
		expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
	});
});
