import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/lib/limits.ts';
import { CASES, crashSigns, prepareCase, problemLines } from '../hostile-cases.ts';
import { buildFixture, ROOT } from './build.ts';
import { writeLimitsCorpus } from './limits-corpus.ts';

// `npm run build` runs the checker's analysis when Astro sets up, and stops there: one line per
// problem, nothing rendered. A few representative hostile files (test/fixtures/hostile/README.md),
// among them the 1,000 list levels that used to pass the check and crash the build.
const REPRESENTATIVE = ['alias-bomb', 'big5', 'symlink-folder-outside', 'nested-lists-1000', 'include-drafts-typo'];

describe('npm run build on hostile files', () => {
	it.each(REPRESENTATIVE)('%s: one problem line naming the file, exit 1, no stack trace, nothing written', (name) => {
		const c = CASES.find((candidate) => candidate.name === name)!;
		const result = buildFixture('corpus-basic', prepareCase(c), `hostile-${name}`);
		const output = result.stdout + result.stderr;
		const lines = problemLines(output);
		expect(lines, output).toHaveLength(1);
		const [where, severity, rule, message] = lines[0]!.split(/ {2}/);
		expect(where!.startsWith(c.file)).toBe(true);
		expect([severity, rule]).toEqual(['error', c.rule]);
		expect(message).toContain(c.message);
		expect(output).toContain('建置中止，未輸出任何頁面');
		expect(crashSigns(output)).toEqual([]);
		expect(result.status).toBe(1);
		expect(result.files()).toEqual([]);
	});
});

describe('a build at the limits', () => {
	const dir = 'test/.tmp/limits-corpus/documents';
	writeLimitsCorpus(ROOT, dir);
	const site = buildFixture('corpus-basic', { PORTAL_DOCUMENTS_DIR: dir }, 'limits');

	it('builds documents nested, sized and as long as the limits allow', () => {
		expect(site.stderr + site.stdout).not.toMatch(/ {2}error {2}/);
		expect(crashSigns(site.stderr)).toEqual([]);
		expect(site.status).toBe(0);
		const nested = site.read('documents/isms-m-001/index.html');
		expect(nested).toContain(`第 ${LIMITS.nesting} 層`);
		expect(nested).toContain('最深的強調');
		expect(site.read('documents/isms-p-001/index.html')).toContain('id="sec-10-2"');
		expect(site.read('documents/isms-p-002/index.html').match(/<li/g)!.length).toBeGreaterThan(9000);
		expect(site.exists('.portal-build.json')).toBe(true);
	});

	it('refuses one level more, before Astro renders anything', () => {
		const deeper = 'test/.tmp/limits-corpus/deeper';
		rmSync(join(ROOT, deeper), { recursive: true, force: true });
		mkdirSync(join(ROOT, deeper, 'ISMS-M-001'), { recursive: true });
		const body = Array.from({ length: LIMITS.nesting + 1 }, (_, level) => `${'  '.repeat(level)}- 第 ${level + 1} 層`).join('\n');
		writeFileSync(
			join(ROOT, deeper, 'ISMS-M-001', '1.0.mdx'),
			`---\ndocNo: ISMS-M-001\ntitle: 巢狀\nversion: "1.0"\ntier: 1\nclassification: internal\neffective: 2024-01-01\n---\n\n${body}\n`,
		);
		const result = buildFixture('corpus-basic', { PORTAL_DOCUMENTS_DIR: deeper }, 'limits-deeper');
		const lines = problemLines(result.stderr);
		expect(lines, result.stderr).toHaveLength(1);
		expect(lines[0]).toMatch(
			new RegExp(`^${deeper}/ISMS-M-001/1\\.0\\.mdx:\\d+:\\d+ {2}error {2}limit/nesting {2}.*超過 ${LIMITS.nesting} 層的上限`),
		);
		expect(result.status).toBe(1);
		expect(result.files()).toEqual([]);
	});
});
