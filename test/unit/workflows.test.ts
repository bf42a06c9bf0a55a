/**
 * The GitHub Actions workflows in .github/workflows/: each one is valid against the published workflow
 * JSON schema (SchemaStore's github-workflow.json, as embedded in @action-validator/core, which also checks
 * expressions; test/unit/pipeline-schemas.test.ts validates against the vendored copy), and the CI, intranet
 * publish and optional Pages workflows do what the README promises — parsed as YAML and inspected step by step.
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
	if?: string;
	env?: Record<string, string>;
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

const MINIMAL = [
	'name: minimal',
	'on: push',
	'jobs:',
	'  build:',
	'    runs-on: ubuntu-latest',
	'    steps:',
	'      - run: npm test',
	'',
].join('\n');

describe('workflow files', () => {
	it('are the CI, intranet publish and optional Pages workflows', () => {
		expect(workflowFiles).toEqual(['ci.yml', 'pages.yml', 'publish.yml']);
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

/** The job of a workflow that runs `npm test` (each workflow has one). */
const testingJob = (workflow: Workflow) => Object.values(workflow.jobs).find((candidate) => stepRunning(candidate, 'npm test') >= 0);
const isSelfHosted = (job: Job | undefined) => [job?.['runs-on']].flat().includes('self-hosted');

describe.each(['ci.yml', 'publish.yml', 'pages.yml'])('%s runs the portal checks', (file) => {
	const workflow = load(file);
	const job = testingJob(workflow);

	it('installs with npm ci on the Node version of .nvmrc, with the npm cache', () => {
		expect(job).toBeDefined();
		expect(stepUsing(job, 'actions/checkout')).toBe(0);
		const setupNode = steps(job)[stepUsing(job, 'actions/setup-node')];
		expect(setupNode?.with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
		expect(steps(job).some((step) => commands(step).some((command) => /^npm ci(\s|$)/.test(command)))).toBe(true);
	});

	it('tells the browser tests which browser to launch: on a GitHub runner it installs the CJK fonts first, on the intranet runner it takes a variable', () => {
		if (isSelfHosted(job)) {
			expect(job?.env?.PORTAL_CHROMIUM).toBe("${{ vars.PORTAL_CHROMIUM || '/usr/bin/chromium' }}");
			expect(allCommands(workflow).filter((command) => command.includes('apt-get') || command.startsWith('sudo'))).toEqual([]);
			return;
		}
		const install = steps(job).findIndex((step) =>
			commands(step).some((command) => command.includes('apt-get install') && command.includes('fonts-noto-cjk')),
		);
		expect(install).toBeGreaterThanOrEqual(0);
		expect(commands(steps(job)[install]!).some((command) => command.includes('PORTAL_CHROMIUM=') && command.includes('$GITHUB_ENV'))).toBe(
			true,
		);
		expect(install).toBeLessThan(stepRunning(job, 'npm test'));
	});

	it('installs pandoc (npm run import and its tests) before npm test, or names it for the intranet runner', () => {
		if (isSelfHosted(job)) {
			expect(readFileSync(join(WORKFLOWS_DIR, file), 'utf8')).toMatch(/apt-get install[^\n]*\bpandoc\b/);
			return;
		}
		const install = steps(job).findIndex((step) =>
			commands(step).some((command) => command.includes('apt-get install') && /\bpandoc\b/.test(command)),
		);
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

/** Both publishing workflows: on push to main, nightly at 00:05 Taipei, by hand. */
describe.each(['publish.yml', 'pages.yml'])('%s is triggered', (file) => {
	const workflow = load(file);

	it('on pushes to main, every night and by hand', () => {
		expect(workflow.on.push).toEqual({ branches: ['main'] });
		expect(workflow.on).toHaveProperty('workflow_dispatch');
		expect(workflow.on.schedule).toEqual([{ cron: '5 16 * * *' }]);
	});

	it('nightly at 00:05 in Taipei, when the new date begins (upcoming versions take effect on their date)', () => {
		const [minute, hour, ...rest] = (workflow.on.schedule as { cron: string }[])[0]!.cron.split(' ');
		expect(rest).toEqual(['*', '*', '*']);
		const run = new Date(Date.UTC(2026, 0, 14, Number(hour), Number(minute)));
		const taipei = new Intl.DateTimeFormat('en-CA', {
			timeZone: 'Asia/Taipei',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
		}).format(run);
		expect(taipei).toBe('2026-01-15, 00:05');
		expect(source(file)).toMatch(/00:05 Asia\/Taipei/);
	});
});

describe('publish.yml: the default publication, to the intranet', () => {
	const workflow = load('publish.yml');
	const job = testingJob(workflow)!;

	it('runs on a self-hosted runner inside the intranet, labels documented in the file', () => {
		expect(Object.keys(workflow.jobs)).toHaveLength(1);
		expect(job['runs-on']).toEqual(['self-hosted', 'linux', 'isms-portal']);
		expect(source('publish.yml')).toContain('custom label `isms-portal`');
	});

	it('builds for all staff: the build step sets the ceiling internal and the site URL from a variable', () => {
		const build = steps(job)[stepRunning(job, 'npm run build')]!;
		expect(build.env).toEqual({ PORTAL_MAX_CLASSIFICATION: 'internal', PORTAL_SITE_URL: '${{ vars.PORTAL_SITE_URL }}' });
	});

	it('installs the build with npm run publish into the folder named by a variable, after every check', () => {
		const command = 'npm run publish -- --target "$PORTAL_PUBLISH_TARGET" --audience internal';
		const publish = stepRunning(job, command);
		expect(publish).toBe(steps(job).length - 1);
		expect(publish).toBeGreaterThan(stepRunning(job, 'npm run build'));
		expect(steps(job)[publish]?.env).toEqual({ PORTAL_PUBLISH_TARGET: '${{ vars.PORTAL_PUBLISH_TARGET }}' });
		expect(
			steps(job)
				.slice(0, publish)
				.filter((step) => step['continue-on-error'] || step.if),
		).toEqual([steps(job)[stepRunning(job, 'npm run report')]]);
	});

	it('queues publications without cancelling one in progress, needs no Pages permission, deploys nowhere else', () => {
		expect(workflow.concurrency).toEqual({ group: 'intranet-publish', 'cancel-in-progress': false });
		expect(job.permissions).toEqual({ contents: 'read' });
		expect(steps(job).filter((step) => step.uses?.includes('pages'))).toEqual([]);
	});
});

describe('pages.yml: an optional public copy with public documents only', () => {
	const workflow = load('pages.yml');
	const jobs = workflow.jobs;
	const uploadJob = Object.entries(jobs).find(([, job]) => stepUsing(job, 'actions/upload-pages-artifact') >= 0);
	const deployJob = Object.entries(jobs).find(([, job]) => stepUsing(job, 'actions/deploy-pages') >= 0);
	const [, build] = uploadJob!;

	it('runs only when the repository variable PORTAL_PUBLIC_PAGES is true', () => {
		for (const [id, job] of Object.entries(jobs)) expect(job.if, id).toBe("${{ vars.PORTAL_PUBLIC_PAGES == 'true' }}");
	});

	it('checks and builds with the ceiling public, with the Pages URL and base path', () => {
		expect(steps(build)[stepRunning(build, 'npm run check -- --format github')]?.env).toEqual({ PORTAL_MAX_CLASSIFICATION: 'public' });
		const configureId = steps(build)[stepUsing(build, 'actions/configure-pages')]?.id;
		expect(configureId).toBeTruthy();
		expect(steps(build)[stepRunning(build, 'npm run build')]?.env).toEqual({
			PORTAL_MAX_CLASSIFICATION: 'public',
			PORTAL_SITE_URL: `\${{ steps.${configureId}.outputs.base_url }}`,
			PORTAL_BASE_PATH: `\${{ steps.${configureId}.outputs.base_path }}`,
		});
		expect(build.env).toBeUndefined();
	});

	it('refuses a record above public and a non-public build to the Pages site before anything is uploaded', () => {
		const built = stepRunning(build, 'npm run build');
		const record = stepRunning(build, 'npm run publish -- --verify-audience public');
		const api = stepRunning(build, 'npm run verify-pages');
		const upload = stepUsing(build, 'actions/upload-pages-artifact');
		expect(record).toBeGreaterThan(built);
		expect(api).toBeGreaterThan(built);
		expect(upload).toBeGreaterThan(Math.max(record, api));
		expect(steps(build)[api]?.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}' });
		expect(steps(build)[upload]?.with).toEqual({ path: 'dist' });
		for (const index of [record, api]) expect(steps(build)[index]?.['continue-on-error']).toBeUndefined();
	});

	it('queues deployments in the pages group without cancelling one in progress', () => {
		expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
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
			expect(
				Object.values(granted ?? {}).filter((level) => level === 'write'),
				where,
			).toEqual([]);
		}
	});
});

describe('no workflow puts more than public documents outside the intranet', () => {
	it.each(workflowFiles)(
		'%s: every GitHub-hosted job that uploads a site builds it with the ceiling public; deploys take only those',
		(file) => {
			const workflow = load(file);
			const uploads = (job: Job) =>
				steps(job).some((step) => /^actions\/(upload-pages-artifact|upload-artifact)$/.test(step.uses?.split('@')[0] ?? ''));
			const publicUploads = new Set<string>();
			for (const [id, job] of Object.entries(workflow.jobs)) {
				if (isSelfHosted(job) || !uploads(job)) continue;
				const build = steps(job)[stepRunning(job, 'npm run build')];
				expect(build?.env?.PORTAL_MAX_CLASSIFICATION, `${file} ${id}`).toBe('public');
				publicUploads.add(id);
			}
			for (const [id, job] of Object.entries(workflow.jobs)) {
				if (stepUsing(job, 'actions/deploy-pages') < 0) continue;
				expect(
					[job.needs].flat().filter((need) => need !== undefined && !publicUploads.has(need)),
					`${file} ${id}`,
				).toEqual([]);
			}
			expect(allCommands(workflow).filter((command) => command.includes('npm run publish -- --target')).length).toBe(
				file === 'publish.yml' ? 1 : 0,
			);
		},
	);
});
