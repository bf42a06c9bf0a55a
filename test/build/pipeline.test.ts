/**
 * Issue 20, done when: the publish pipelines' own commands, read from the workflow files and run as written
 * against a fixture corpus and temporary targets, show that
 *   - the intranet target (publish.yml, .gitlab-ci.yml) gets an `internal` build installed by npm run publish;
 *   - the public target (pages.yml) gets a `public` build, and a deliberately `internal` build is refused by
 *     its deploy gates before anything is uploaded.
 * And issue 12 defect 5 end to end: real builds above the all-staff audience are refused by npm run publish.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFixture, hostEnv, ROOT } from './build.ts';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	env?: Record<string, string>;
	'continue-on-error'?: boolean;
}
interface Workflow {
	env?: Record<string, string>;
	jobs: Record<string, { steps: Step[] }>;
}
interface GitLabJob {
	variables?: Record<string, string>;
	script: string[];
}

const readYaml = (path: string) => parse(readFileSync(join(ROOT, path), 'utf8'), { uniqueKeys: true }) as unknown;
const TMP = join(ROOT, 'test/.tmp/pipeline');
const temporary: string[] = [];
afterAll(() => {
	for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
function newTarget(): string {
	const dir = mkdtempSync(join(tmpdir(), 'isms-pipeline-'));
	temporary.push(dir);
	return join(dir, 'srv', 'isms-portal');
}

/** What a CI run provides that the test replaces: the fixture corpus, and output and cache folders of its own. */
function fixtureEnv(label: string): Record<string, string> {
	return {
		PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-basic',
		PORTAL_SOA_FILE: 'test/fixtures/soa/basic.yaml',
		PORTAL_TODAY: '2025-01-15',
		PORTAL_OUT_DIR: join(TMP, label, 'dist'),
		PORTAL_CACHE_DIR: join(TMP, label, 'cache'),
	};
}

/** `${{ … }}` expressions of a workflow replaced by the values a run would have; an unknown one is an error. */
function expand(value: string, values: Record<string, string>): string {
	return value.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
		if (!(expression in values)) throw new Error(`no value for the expression \${{ ${expression} }}`);
		return values[expression]!;
	});
}
const expandAll = (env: Record<string, string> | undefined, values: Record<string, string>) =>
	Object.fromEntries(Object.entries(env ?? {}).map(([key, value]) => [key, expand(value, values)]));

interface Ran {
	command: string;
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs one shell command of a pipeline in the project, as bash does on a runner; async, so the API stand-in can answer. */
function sh(command: string, env: Record<string, string>): Promise<Ran> {
	return new Promise((done, fail) => {
		const base = Object.fromEntries(Object.entries(hostEnv()).filter(([key]) => !key.startsWith('PORTAL_') && !key.startsWith('GITHUB_')));
		const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', command], {
			cwd: ROOT,
			env: { ...base, ASTRO_TELEMETRY_DISABLED: '1', ...env },
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', fail);
		child.on('close', (status) => done({ command, status, stdout, stderr }));
	});
}

/**
 * The commands a pipeline runs after installing: installing (npm ci, apt), the test suite (this very run)
 * and actions are what a runner does around them, so they are left out; everything else runs as written.
 */
const skipped = (command: string) => /^npm ci\b|^npm test$|^bash \.ci\/run$|apt-get|^sudo /.test(command);

/** Runs a GitHub job's steps in order like the runner: a failing step (not continue-on-error) ends the job. */
async function runGitHubJob(
	workflow: Workflow,
	jobId: string,
	values: Record<string, string>,
	env: Record<string, string>,
	override: Record<string, string> = {},
) {
	const ran: (Ran & { step: string })[] = [];
	for (const step of workflow.jobs[jobId]!.steps) {
		if (step.uses || !step.run || skipped(step.run.trim())) continue;
		const stepEnv = { ...expandAll(workflow.env, values), ...expandAll(step.env, values) };
		for (const [key, value] of Object.entries(override)) if (key in stepEnv) stepEnv[key] = value;
		const result = await sh(step.run, { ...env, ...stepEnv });
		ran.push({ ...result, step: step.name ?? step.run });
		if (result.status !== 0 && !step['continue-on-error']) return { ok: false, ran };
	}
	return { ok: true, ran };
}

/** Runs GitLab jobs (their script lines, in order) like a runner: job variables in the environment. */
async function runGitLabJobs(pipeline: Record<string, unknown>, jobs: string[], env: Record<string, string>) {
	const ran: Ran[] = [];
	const globals = (pipeline.variables ?? {}) as Record<string, string>;
	for (const name of jobs) {
		const job = pipeline[name] as GitLabJob;
		for (const line of job.script.filter((command) => !skipped(command))) {
			const result = await sh(line, { ...env, ...globals, ...job.variables });
			ran.push(result);
			if (result.status !== 0) return { ok: false, ran };
		}
	}
	return { ok: true, ran };
}

const record = (dir: string) => JSON.parse(readFileSync(join(dir, '.portal-build.json'), 'utf8')) as Record<string, unknown>;
const audienceOf = (target: string) => JSON.parse(readFileSync(join(target, '.portal-target.json'), 'utf8')) as Record<string, unknown>;
const publishOutput = (ran: Ran[]) => ran.find((result) => result.command.startsWith('npm run publish -- --target'));

// A stand-in for the GitHub API on this machine: GET /repos/{owner}/{repo}/pages of a public site.
let server: Server;
let api = '';
const requested: string[] = [];
beforeAll(async () => {
	server = createServer((request, response) => {
		requested.push(request.url ?? '');
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify({ html_url: 'https://agency.github.io/isms-portal/', public: true, status: 'built' }));
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('intranet target → an internal build installed with npm run publish', () => {
	it('GitHub Actions, publish.yml as written: check, build (ceiling internal), report, publish', async () => {
		const workflow = readYaml('.github/workflows/publish.yml') as Workflow;
		const target = newTarget();
		const env = fixtureEnv('github-intranet');
		const values = { 'vars.PORTAL_SITE_URL': 'https://isms.example.gov.tw/', 'vars.PORTAL_PUBLISH_TARGET': target };
		const { ok, ran } = await runGitHubJob(workflow, 'publish', values, env);
		expect(ran.filter((result) => result.status !== 0).map((result) => `${result.command}\n${result.stderr}`)).toEqual([]);
		expect(ok).toBe(true);
		expect(ran.map((result) => result.command)).toEqual([
			'npm run check -- --format github',
			'npm run build',
			'npm run report',
			'npm run publish -- --target "$PORTAL_PUBLISH_TARGET" --audience internal',
		]);
		expect(publishOutput(ran)?.stdout).toMatch(
			/^已發布 releases\/\d{8}T\d{6}Z：\d+ 個檔案（.*），建置於 .*（發布上限 內部使用（internal））。\ncurrent → releases\//m,
		);

		const served = join(target, 'current');
		expect(record(served)).toMatchObject({ status: 'ok', ceiling: 'internal', includeDrafts: false, site: 'https://isms.example.gov.tw/' });
		expect(audienceOf(target)).toMatchObject({ audience: 'internal', drafts: false });
		expect(existsSync(join(served, 'documents/isms-p-005/index.html'))).toBe(true); // 內部使用
		expect(existsSync(join(served, 'documents/isms-m-001/index.html'))).toBe(true); // 公開
		expect(existsSync(join(served, 'documents/isms-r-001/index.html'))).toBe(false); // 限閱
	});

	it('GitLab CI, .gitlab-ci.yml as written: build (ceiling internal), then publish with the artifact', async () => {
		const pipeline = readYaml('.gitlab-ci.yml') as Record<string, unknown>;
		const target = newTarget();
		const { ok, ran } = await runGitLabJobs(pipeline, ['build', 'publish'], {
			...fixtureEnv('gitlab-intranet'),
			PORTAL_PUBLISH_TARGET: target,
			PORTAL_SITE_URL: 'https://isms.example.gov.tw/',
		});
		expect(ran.filter((result) => result.status !== 0).map((result) => `${result.command}\n${result.stderr}`)).toEqual([]);
		expect(ok).toBe(true);
		expect(ran.map((result) => result.command)).toEqual([
			'npm run build',
			'npm run publish -- --target "$PORTAL_PUBLISH_TARGET" --audience internal',
		]);
		expect(record(join(target, 'current'))).toMatchObject({ ceiling: 'internal', includeDrafts: false });
		expect(audienceOf(target)).toMatchObject({ audience: 'internal' });
		expect(existsSync(join(target, 'current/documents/isms-p-005/index.html'))).toBe(true);
	});
});

describe('public target → a public build; a deliberately internal build is refused', () => {
	const workflow = readYaml('.github/workflows/pages.yml') as Workflow;
	const values = {
		'steps.pages.outputs.base_url': 'https://agency.github.io/isms-portal',
		'steps.pages.outputs.base_path': '/isms-portal',
		'github.token': 'test-token',
	};
	const gitHubEnv = () => ({ GITHUB_API_URL: api, GITHUB_REPOSITORY: 'agency/isms-portal' });

	it('pages.yml as written: check and build with the ceiling public, both deploy gates pass', async () => {
		const env: Record<string, string> = { ...fixtureEnv('github-pages'), ...gitHubEnv() };
		requested.length = 0;
		const { ok, ran } = await runGitHubJob(workflow, 'build', values, env);
		expect(ran.filter((result) => result.status !== 0).map((result) => `${result.command}\n${result.stderr}`)).toEqual([]);
		expect(ok).toBe(true);
		expect(ran.map((result) => result.command)).toEqual([
			'npm run check -- --format github',
			'npm run build',
			'npm run report',
			'npm run publish -- --verify-audience public',
			'npm run verify-pages',
		]);
		expect(requested).toEqual(['/repos/agency/isms-portal/pages']);
		const dist = env.PORTAL_OUT_DIR!;
		expect(record(dist)).toMatchObject({ ceiling: 'public', includeDrafts: false, site: 'https://agency.github.io/isms-portal' });
		expect(existsSync(join(dist, 'documents/isms-m-001/index.html'))).toBe(true); // 公開
		expect(existsSync(join(dist, 'documents/isms-p-005/index.html'))).toBe(false); // 內部使用: not in a public build
		expect(ran.at(-1)?.stdout).toContain('可部署到公開的 GitHub Pages 網站（https://agency.github.io/isms-portal/');
	});

	it('the same job with the build step changed to ceiling internal stops at the first gate: nothing to upload', async () => {
		const env: Record<string, string> = { ...fixtureEnv('github-pages-internal'), ...gitHubEnv() };
		const { ok, ran } = await runGitHubJob(workflow, 'build', values, env, { PORTAL_MAX_CLASSIFICATION: 'internal' });
		expect(ok).toBe(false);
		expect(record(env.PORTAL_OUT_DIR!)).toMatchObject({ ceiling: 'internal' });
		const gate = ran.at(-1)!;
		expect([gate.command, gate.status]).toEqual(['npm run publish -- --verify-audience public', 1]);
		expect(gate.stderr).toContain(
			'此建置的發布上限為 內部使用（internal）（.portal-build.json），高於目標網站的讀者範圍 公開（public）：不發布',
		);
		// The second gate, on its own, refuses it too (reading the site's visibility from the API).
		const pages = await sh('npm run verify-pages', { ...env, GITHUB_TOKEN: 'test-token' });
		expect(pages.status).toBe(1);
		expect(pages.stderr).toContain(
			'不部署到公開的 GitHub Pages 網站（https://agency.github.io/isms-portal/，任何人都能在網際網路上閱讀）：此建置的發布上限為 內部使用（internal）',
		);
	});
});

describe('real builds above the all-staff audience are refused by npm run publish (issue 12 defect 5)', () => {
	it('a preview build with drafts, and a confidential build, to an all-staff target: exit 1, nothing installed', async () => {
		const preview = buildFixture('corpus-basic', { PORTAL_INCLUDE_DRAFTS: '1' }, 'corpus-basic-drafts');
		const confidential = buildFixture('corpus-ceiling', { PORTAL_MAX_CLASSIFICATION: 'confidential' }, 'corpus-ceiling-confidential');
		expect([preview.status, confidential.status]).toEqual([0, 0]);
		expect(record(preview.outDir)).toMatchObject({ ceiling: 'internal', includeDrafts: true });
		expect(record(confidential.outDir)).toMatchObject({ ceiling: 'confidential', includeDrafts: false });
		const target = newTarget();
		for (const build of [preview, confidential]) {
			const result = await sh(`npm run publish -- --target "$T" --source "$S"`, { T: target, S: build.outDir });
			expect(result.status).toBe(1);
			expect(result.stderr).toMatch(/此建置(含草稿|的發布上限為 機密（confidential）)/);
		}
		expect(existsSync(target)).toBe(false);
	});
});
