/**
 * The GitHub Actions workflows in .github/workflows/: each one is valid against the published workflow
 * JSON schema (SchemaStore's github-workflow.json, as embedded in @action-validator/core), and the CI and
 * publish workflows do what the README promises — parsed as YAML and inspected step by step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateWorkflow, type ValidationError } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '../..');
const WORKFLOWS_DIR = join(ROOT, '.github', 'workflows');
const workflowFiles = readdirSync(WORKFLOWS_DIR)
	.filter((name) => /\.ya?ml$/.test(name))
	.sort();

type Permissions = string | Record<string, string>;
interface Step {
	id?: string;
	name?: string;
	uses?: string;
	run?: string;
	if?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
	'continue-on-error'?: boolean;
}
interface Job {
	'runs-on'?: unknown;
	needs?: string | string[];
	permissions?: Permissions;
	environment?: string | { name: string; url?: string };
	'timeout-minutes'?: number;
	steps?: Step[];
}
interface Workflow {
	name?: string;
	on: Record<string, unknown>;
	permissions?: Permissions;
	concurrency?: { group: string; 'cancel-in-progress'?: boolean };
	jobs: Record<string, Job>;
}

const source = (file: string) => readFileSync(join(WORKFLOWS_DIR, file), 'utf8');
/** Strict YAML parse: syntax errors and duplicate keys throw. */
const load = (file: string) => parse(source(file), { uniqueKeys: true }) as Workflow;

/** Schema errors as readable lines, including the alternatives of failed oneOf/anyOf branches. */
function describeErrors(errors: ValidationError[], indent = ''): string[] {
	return errors.flatMap((error) => {
		const where = 'path' in error ? error.path || '/' : '/';
		const location = 'location' in error && error.location ? ` (line ${error.location.line}, column ${error.location.column})` : '';
		const line = `${indent}${where}: ${error.title}${error.detail ? ` — ${error.detail}` : ''}${location} [${error.code}]`;
		const nested = 'states' in error && error.states ? error.states.flatMap((state) => describeErrors(state.errors, `${indent}  `)) : [];
		return [line, ...nested];
	});
}
const schemaErrors = (yamlSource: string) => describeErrors(validateWorkflow(yamlSource).errors);

const steps = (job: Job | undefined): Step[] => job?.steps ?? [];
/** The individual shell commands of a step's `run` (one per non-empty line). */
const commands = (step: Step): string[] =>
	(step.run ?? '')
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
/** Index of the first step of `job` whose run script contains exactly the command `command`. */
const stepRunning = (job: Job | undefined, command: string) => steps(job).findIndex((step) => commands(step).includes(command));
const stepUsing = (job: Job | undefined, action: string) => steps(job).findIndex((step) => step.uses?.split('@')[0] === action);
const allCommands = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => steps(job).flatMap(commands));

/** Current major versions of the official actions the workflows may use. */
const ACTION_VERSIONS: Record<string, string> = {
	'actions/checkout': 'v4',
	'actions/setup-node': 'v4',
	'actions/configure-pages': 'v5',
	'actions/upload-pages-artifact': 'v3',
	'actions/deploy-pages': 'v4',
};

const MINIMAL = ['name: minimal', 'on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - run: npm test', ''].join('\n');

describe('workflow files', () => {
	it('are the CI and publish workflows', () => {
		expect(workflowFiles).toEqual(expect.arrayContaining(['ci.yml', 'publish.yml']));
	});

	it.each(workflowFiles)('%s is valid against the GitHub Actions workflow schema', (file) => {
		expect(schemaErrors(source(file))).toEqual([]);
	});

	it.each(workflowFiles)('%s is strict YAML (no duplicate keys) with a name, triggers and jobs', (file) => {
		const workflow = load(file);
		expect(workflow.name).toBeTruthy();
		expect(workflow.on).toBeTypeOf('object');
		expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
	});

	it.each(workflowFiles)('%s sets a timeout on every job and uses the current majors of the official actions', (file) => {
		const workflow = load(file);
		for (const [id, job] of Object.entries(workflow.jobs)) {
			expect(job['timeout-minutes'], `job ${id}`).toBeGreaterThan(0);
			for (const step of steps(job)) {
				if (!step.uses?.startsWith('actions/')) continue;
				const [action = '', ref] = step.uses.split('@');
				expect(ACTION_VERSIONS, `${file}: ${step.uses}`).toHaveProperty([action]);
				expect(ref, `${file}: ${step.uses}`).toBe(ACTION_VERSIONS[action]);
			}
		}
	});
});

describe('the schema validator rejects broken workflows', () => {
	it('accepts the minimal workflow the broken ones are made from', () => {
		expect(schemaErrors(MINIMAL)).toEqual([]);
	});

	it.each([
		['a job without runs-on', MINIMAL.replace('    runs-on: ubuntu-latest\n', ''), '/jobs/build/runs-on'],
		['an unknown event (on: pushh)', MINIMAL.replace('on: push', 'on: pushh'), '/on'],
		['a misspelt job key (step:)', MINIMAL.replace('    steps:', '    step:'), '/jobs/build'],
		['an invalid permission level', MINIMAL.replace('jobs:', 'permissions:\n  pages: writ\njobs:'), '/permissions'],
		['a YAML syntax error', MINIMAL.replace('      - run: npm test', '      - run: [npm test'), '/'],
	])('%s', (_what, broken, path) => {
		const errors = schemaErrors(broken);
		expect(errors.length).toBeGreaterThan(0);
		expect(errors.some((line) => line.trimStart().startsWith(`${path}`))).toBe(true);
	});
});

describe.each(['ci.yml', 'publish.yml'])('%s runs the portal checks', (file) => {
	const workflow = load(file);
	const job = Object.values(workflow.jobs).find((candidate) => stepRunning(candidate, 'npm test') >= 0);

	it('installs with npm ci on the Node version of .nvmrc, with the npm cache', () => {
		expect(job).toBeDefined();
		expect(stepUsing(job, 'actions/checkout')).toBe(0);
		const setupNode = steps(job)[stepUsing(job, 'actions/setup-node')];
		expect(setupNode?.with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
		expect(steps(job).some((step) => commands(step).some((command) => /^npm ci(\s|$)/.test(command)))).toBe(true);
	});

	it('installs the CJK fonts and tells the browser tests which browser to launch, before npm test', () => {
		const install = steps(job).findIndex((step) => commands(step).some((command) => command.includes('apt-get install') && command.includes('fonts-noto-cjk')));
		expect(install).toBeGreaterThanOrEqual(0);
		expect(commands(steps(job)[install]!).some((command) => command.includes('PORTAL_CHROMIUM=') && command.includes('$GITHUB_ENV'))).toBe(true);
		expect(install).toBeLessThan(stepRunning(job, 'npm test'));
	});

	it('installs pandoc (npm run import and its tests) before npm test', () => {
		const install = steps(job).findIndex((step) => commands(step).some((command) => command.includes('apt-get install') && /\bpandoc\b/.test(command)));
		expect(install).toBeGreaterThanOrEqual(0);
		expect(install).toBeLessThan(stepRunning(job, 'npm test'));
	});

	it('runs check (as annotations), test, build in that order, then an informational report', () => {
		const check = stepRunning(job, 'npm run check -- --format github');
		const test = stepRunning(job, 'npm test');
		const build = stepRunning(job, 'npm run build');
		const report = stepRunning(job, 'npm run report');
		expect(check).toBeGreaterThanOrEqual(0);
		expect(test).toBeGreaterThan(check);
		expect(build).toBeGreaterThan(test);
		expect(report).toBeGreaterThan(build);
		expect(steps(job)[report]?.['continue-on-error']).toBe(true);
		expect(allCommands(workflow).filter((command) => command.includes('--fail-on'))).toEqual([]);
	});

	it('only reads the repository by default', () => {
		expect(workflow.permissions).toEqual({ contents: 'read' });
	});
});

describe('ci.yml', () => {
	const workflow = load('ci.yml');

	it('runs on pull requests', () => {
		expect(Object.keys(workflow.on)).toContain('pull_request');
	});

	it('cancels superseded runs of the same pull request', () => {
		expect(workflow.concurrency?.['cancel-in-progress']).toBe(true);
		expect(workflow.concurrency?.group).toContain('github.event.pull_request.number');
	});

	it('asks for no permission beyond reading the repository in any job', () => {
		for (const job of Object.values(workflow.jobs)) expect(job.permissions ?? { contents: 'read' }).toEqual({ contents: 'read' });
	});
});

describe('publish.yml', () => {
	const workflow = load('publish.yml');
	const jobs = workflow.jobs;
	const uploadJob = Object.entries(jobs).find(([, job]) => stepUsing(job, 'actions/upload-pages-artifact') >= 0);
	const deployJob = Object.entries(jobs).find(([, job]) => stepUsing(job, 'actions/deploy-pages') >= 0);

	it('runs on pushes to main, every night and by hand', () => {
		expect(workflow.on.push).toEqual({ branches: ['main'] });
		expect(workflow.on).toHaveProperty('workflow_dispatch');
		expect(workflow.on.schedule).toEqual([{ cron: '5 16 * * *' }]);
	});

	it('schedules the nightly build at 00:05 in Taipei, when the new date begins', () => {
		const [minute, hour, ...rest] = (workflow.on.schedule as { cron: string }[])[0]!.cron.split(' ');
		expect(rest).toEqual(['*', '*', '*']);
		const run = new Date(Date.UTC(2026, 0, 14, Number(hour), Number(minute)));
		const taipei = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(run);
		expect(taipei).toBe('2026-01-15, 00:05');
	});

	it('queues deployments in the pages group without cancelling one in progress', () => {
		expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
	});

	it('builds with the Pages URL as PORTAL_SITE_URL and uploads dist/ as the Pages artifact', () => {
		expect(uploadJob).toBeDefined();
		const [, job] = uploadJob!;
		const configure = stepUsing(job, 'actions/configure-pages');
		const configureId = steps(job)[configure]?.id;
		expect(configureId).toBeTruthy();
		const build = stepRunning(job, 'npm run build');
		expect(configure).toBeGreaterThanOrEqual(0);
		expect(build).toBeGreaterThan(configure);
		expect(steps(job)[build]?.env?.PORTAL_SITE_URL).toBe(`\${{ steps.${configureId}.outputs.base_url }}`);
		const upload = stepUsing(job, 'actions/upload-pages-artifact');
		expect(upload).toBeGreaterThan(build);
		expect(steps(job)[upload]?.with).toEqual({ path: 'dist' });
	});

	it('deploys with actions/deploy-pages after the build, to the github-pages environment with its URL', () => {
		expect(deployJob).toBeDefined();
		const [, job] = deployJob!;
		expect([job.needs].flat()).toContain(uploadJob![0]);
		const deploy = steps(job)[stepUsing(job, 'actions/deploy-pages')]!;
		expect(deploy.id).toBeTruthy();
		expect(job.environment).toEqual({ name: 'github-pages', url: `\${{ steps.${deploy.id}.outputs.page_url }}` });
	});

	it('grants pages: write and id-token: write to the deploy job only', () => {
		const [deployId, deploy] = deployJob!;
		expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
		const elsewhere = [
			['(workflow)', workflow.permissions],
			...Object.entries(jobs)
				.filter(([id]) => id !== deployId)
				.map(([id, job]) => [id, job.permissions] as const),
		] as const;
		for (const [where, permissions] of elsewhere) {
			expect(typeof permissions === 'string' ? permissions : 'map', `${where} must list its permissions`).toBe('map');
			const granted = permissions as Record<string, string> | undefined;
			expect(granted?.['id-token'], where).toBeUndefined();
			expect(granted?.pages ?? 'read', where).toBe('read');
			expect(Object.values(granted ?? {}).filter((level) => level === 'write'), where).toEqual([]);
		}
	});
});
