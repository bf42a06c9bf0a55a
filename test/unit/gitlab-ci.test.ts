/**
 * .gitlab-ci.yml, for agencies whose forge runs on premises: the same stages as the GitHub workflows
 * (schema validity: pipeline-schemas.test.ts; the commands run for real: test/build/pipeline.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface GitLabJob {
	stage?: string;
	script?: string[];
	tags?: string[];
	rules?: { if?: string; when?: string }[];
	variables?: Record<string, string>;
	artifacts?: { when?: string; paths?: string[]; expire_in?: string; reports?: Record<string, string> };
	dependencies?: string[];
	resource_group?: string;
	interruptible?: boolean;
	environment?: { name: string };
}

const ROOT = resolve(import.meta.dirname, '../..');
const text = readFileSync(join(ROOT, '.gitlab-ci.yml'), 'utf8');
const pipeline = parse(text, { uniqueKeys: true }) as Record<string, unknown> & { stages: string[]; workflow: { rules: { if: string }[] } };
const job = (name: string) => pipeline[name] as GitLabJob;

describe('.gitlab-ci.yml', () => {
	it('has the stages check, test, build, publish, one job each', () => {
		expect(pipeline.stages).toEqual(['check', 'test', 'build', 'publish']);
		for (const stage of pipeline.stages) expect(job(stage).stage).toBe(stage);
	});

	it('runs for merge requests, the default branch, schedules and by hand', () => {
		expect(pipeline.workflow.rules.map((rule) => rule.if)).toEqual([
			'$CI_PIPELINE_SOURCE == "merge_request_event"',
			'$CI_PIPELINE_SOURCE == "schedule"',
			'$CI_PIPELINE_SOURCE == "web"',
			'$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
		]);
	});

	it('check: writes the Code Quality report even when there are errors, then fails on them with the text report', () => {
		expect(job('check').script).toEqual([
			'npm ci --no-audit --no-fund',
			'npm run --silent check -- --format codequality > gl-code-quality-report.json || true',
			'npm run check',
		]);
		expect(job('check').artifacts).toMatchObject({ when: 'always', reports: { codequality: 'gl-code-quality-report.json' } });
	});

	it('test: the CI entry point (system packages, npm ci, npm test)', () => {
		expect(job('test').script).toEqual(['bash .ci/run']);
	});

	it('build: all staff (ceiling internal), dist/ kept briefly for the publish job', () => {
		expect(job('build').variables).toEqual({ PORTAL_MAX_CLASSIFICATION: 'internal' });
		expect(job('build').script).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
		expect(job('build').artifacts).toEqual({ expire_in: '1 day', paths: ['dist/'] });
	});

	it('publish: on the default branch only (pushes and schedules), on the intranet runner, one at a time, with npm run publish', () => {
		const publish = job('publish');
		expect(publish.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
		expect(publish.tags).toEqual(['isms-portal']);
		expect(publish.resource_group).toBe('intranet-publish');
		expect(publish.interruptible).toBe(false);
		expect(publish.dependencies).toEqual(['build']);
		expect(publish.script).toEqual([
			'npm ci --no-audit --no-fund',
			'npm run publish -- --target "$PORTAL_PUBLISH_TARGET" --audience internal',
		]);
	});

	it('documents the nightly schedule at 00:05 Asia/Taipei and the variables', () => {
		expect(text).toContain('cron `5 0 * * *` and the time zone Asia/Taipei');
		expect(text).toMatch(/PORTAL_PUBLISH_TARGET {3}required for publish/);
	});
});
