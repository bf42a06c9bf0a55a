import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_MARKER, type BuildRecord } from '../../src/lib/publish/build-record.ts';
import { buildFixture, ROOT } from './build.ts';

/** Version files of a fixture corpus: `<DOCNO>/<VERSION>.mdx`. */
function versionFiles(fixture: string): number {
	return readdirSync(join(ROOT, 'test/fixtures', fixture), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'))
		.length;
}

/**
 * Issue 14 item 1 and issue 19: each version's body is parsed once per build (the analysis's Sätteri
 * parse, which the checker, the outline, the diff, the search and now the page read), and no document
 * is compiled into a module. The build record counts both; a second parse (an MDX compile of the
 * documents, a second analysis) makes this fail.
 */
describe('one parse per version per build', () => {
	for (const fixture of ['corpus-basic', 'outline']) {
		it(`${fixture}: as many parses as versions, no document module`, () => {
			const site = buildFixture(fixture);
			expect(site.status, site.stderr).toBe(0);
			const record = JSON.parse(site.read(BUILD_MARKER)) as BuildRecord;
			const versions = versionFiles(fixture);
			expect(versions).toBeGreaterThan(1);
			expect(record.parses).toEqual({ versions, bodies: versions, documentModules: 0 });
		});
	}
});
