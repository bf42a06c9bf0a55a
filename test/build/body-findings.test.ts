import { describe, expect, it } from 'vitest';
import { BODY_FINDINGS } from '../body-findings.ts';
import { crashSigns, problemLines } from '../hostile-cases.ts';
import { buildFixture } from './build.ts';

/** Signs that Vite or Astro, not the portal, reported a problem (a module it could not load, an overlay frame). */
const VITE = /\[vite\]|Could not (?:load|resolve)|ENOENT|ImageNotFound|failed to resolve import/iu;

describe('a build over a version whose image is missing', () => {
	const result = buildFixture('corpus-missing-image');
	const output = result.stdout + result.stderr;

	it('fails with the checker’s one line at the image, not a Vite stack trace, and writes no pages', () => {
		expect(problemLines(output)).toEqual([
			'test/fixtures/corpus-missing-image/ISMS-M-001/1.0.mdx:18:1  error  asset/missing  圖片「./assets/1.0/organisation.png」不存在（找不到 test/fixtures/corpus-missing-image/ISMS-M-001/assets/1.0/organisation.png）；請把圖檔放到 test/fixtures/corpus-missing-image/ISMS-M-001/assets/1.0/，或修正路徑',
		]);
		expect(crashSigns(output)).toEqual([]);
		expect(output).not.toMatch(VITE);
		expect(result.status).toBe(1);
		expect(result.files().filter((file) => file.endsWith('.html'))).toEqual([]);
	});
});

describe('a build over a body with every kind of finding beside broken references', () => {
	const result = buildFixture('corpus-body-findings');
	const output = result.stdout + result.stderr;

	it('prints the findings npm run check prints, all in one run, and no stack trace', () => {
		expect(problemLines(output).map((line) => line.split(/ {2}/).slice(0, 3))).toEqual(
			BODY_FINDINGS.map(([file, at, severity, rule]) => [
				at ? `${file}:${at}` : expect.stringMatching(new RegExp(`^${file}:\\d+:\\d+$`, 'u')),
				severity,
				rule,
			]),
		);
		expect(crashSigns(output)).toEqual([]);
		expect(output).not.toMatch(VITE);
		expect(result.status).toBe(1);
	});
});
