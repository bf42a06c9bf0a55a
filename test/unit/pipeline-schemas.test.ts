/**
 * Both pipeline files validate against their published JSON schemas, vendored in test/schemas/ (no network):
 * the GitHub Actions workflows against SchemaStore's github-workflow.json, .gitlab-ci.yml against GitLab's
 * ci.json. And the validator really rejects broken pipelines.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '../..');
const SCHEMAS = join(ROOT, 'test', 'schemas');
const WORKFLOWS = join(ROOT, '.github', 'workflows');

function validator(file: string): ValidateFunction {
	// strict: false — the schemas use editor keywords (markdownDescription, …) that are not JSON Schema.
	const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
	return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as object);
}
const github = validator('github-workflow.json');
const gitlab = validator('gitlab-ci.json');

/** Strict YAML (duplicate keys are errors), as plain data. */
const load = (text: string) => parse(text, { uniqueKeys: true }) as Record<string, unknown>;
const errors = (validate: ValidateFunction, data: unknown): string[] =>
	validate(data)
		? []
		: (validate.errors ?? []).map(
				(error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
			);

const workflowFiles = readdirSync(WORKFLOWS)
	.filter((name) => /\.ya?ml$/.test(name))
	.sort();
const gitlabSource = readFileSync(join(ROOT, '.gitlab-ci.yml'), 'utf8');

describe('vendored schemas', () => {
	it('are the files the README names, unchanged (sha256 as recorded)', () => {
		const readme = readFileSync(join(SCHEMAS, 'README.md'), 'utf8');
		for (const file of ['github-workflow.json', 'gitlab-ci.json']) {
			const hash = createHash('sha256')
				.update(readFileSync(join(SCHEMAS, file)))
				.digest('hex');
			const row = readme.split('\n').find((line) => line.startsWith(`| \`${file}\``));
			expect(row, file).toBeDefined();
			expect(row).toContain(hash);
			expect(row).toMatch(/https:\/\/\S+/);
			expect(row).toMatch(/\d{4}-\d{2}-\d{2}/);
		}
	});
});

describe('the pipeline files validate against their schemas', () => {
	it('finds the three pipelines: CI and intranet publish and optional Pages on GitHub', () => {
		expect(workflowFiles).toEqual(['ci.yml', 'pages.yml', 'publish.yml']);
	});

	it.each(workflowFiles)('.github/workflows/%s against SchemaStore github-workflow.json', (file) => {
		expect(errors(github, load(readFileSync(join(WORKFLOWS, file), 'utf8')))).toEqual([]);
	});

	it('.gitlab-ci.yml against GitLab ci.json', () => {
		expect(errors(gitlab, load(gitlabSource))).toEqual([]);
	});
});

describe('the validators reject broken pipelines', () => {
	const workflow = () =>
		load(readFileSync(join(WORKFLOWS, 'publish.yml'), 'utf8')) as { jobs: Record<string, Record<string, unknown>>; on: unknown };

	it.each([
		['a job without runs-on', (w: ReturnType<typeof workflow>) => delete w.jobs.publish!['runs-on']],
		['an unknown event', (w: ReturnType<typeof workflow>) => (w.on = { pushh: {} })],
		['a misspelt job key', (w: ReturnType<typeof workflow>) => (w.jobs.publish!.step = w.jobs.publish!.steps)],
		['an invalid permission level', (w: ReturnType<typeof workflow>) => (w.jobs.publish!.permissions = { contents: 'writ' })],
	])('GitHub: %s', (_what, breakIt) => {
		const broken = workflow();
		breakIt(broken);
		expect(errors(github, broken).length).toBeGreaterThan(0);
	});

	const pipeline = () => load(gitlabSource) as Record<string, Record<string, unknown>>;
	it.each([
		[
			'a misspelt job key (scripts)',
			(p: ReturnType<typeof pipeline>) => ((p.publish!.scripts = p.publish!.script), delete p.publish!.script),
		],
		['an invalid artifacts:when', (p: ReturnType<typeof pipeline>) => (p.check!.artifacts = { when: 'sometimes' })],
		['an unknown report type', (p: ReturnType<typeof pipeline>) => (p.check!.artifacts = { reports: { quality: 'x.json' } })],
		['a rule with an unknown key', (p: ReturnType<typeof pipeline>) => (p.publish!.rules = [{ iff: '$CI' }])],
	])('GitLab: %s', (_what, breakIt) => {
		const broken = pipeline();
		breakIt(broken);
		expect(errors(gitlab, broken).length).toBeGreaterThan(0);
	});
});
