import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, ROOT, type BuildResult } from './build.ts';

/** The file test/fixtures/corpus-code/ISMS-C-002 would create if its `export` ran during the build. */
const PWNED = join(ROOT, 'test/.tmp/corpus-code-pwned');

let site: BuildResult;
beforeAll(() => {
	rmSync(PWNED, { force: true });
	site = buildFixture('corpus-code');
});

describe('a build over documents that would run code', () => {
	it('stops before Astro compiles anything: one line per finding, exit 1, no pages', () => {
		expect(site.status).toBe(1);
		const lines = site.stderr.split('\n').filter((line) => line.startsWith('test/fixtures/corpus-code/'));
		expect(lines).toHaveLength(18);
		expect(lines[0]).toMatch(/^test\/fixtures\/corpus-code\/ISMS-C-001\/1\.0\.mdx:10:1 {2}error {2}mdx\/esm {2}內文不得使用 import 陳述式/);
		expect(site.stderr).toContain('共 18 個錯誤、0 個警告；建置中止，未輸出任何頁面。');
		expect(site.files().filter((file) => file.endsWith('.html') || file.startsWith('.portal-build'))).toEqual([]);
		expect(site.stderr + site.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
	});

	it('ran no export and read no file of the build machine', () => {
		expect(existsSync(PWNED)).toBe(false);
		expect(site.stdout + site.stderr).not.toMatch(/root:x:0:0|nologin/);
	});
});
