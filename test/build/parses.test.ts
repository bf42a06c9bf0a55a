import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_MARKER, type BuildRecord } from '../../src/lib/publish/build-record.ts';
import { buildFixture, fixtureEnv, ROOT } from './build.ts';

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

/**
 * Issue 19 / 21: bodies are not kept in Astro's content store (a build would bundle it as one JSON module,
 * `astro dev` would write and reload it whole after each save); only a body with images has an entry,
 * for Astro's image pipeline (src/integration/documents/loader.ts).
 */
describe('document bodies stay out of the content store', () => {
	const store = (fixture: string) => readFileSync(join(fixtureEnv(fixture, fixture).PORTAL_CACHE_DIR!, 'data-store.json'), 'utf8');

	it('corpus-basic (no images): no version in the store, every page has its body', () => {
		const site = buildFixture('corpus-basic');
		expect(site.status, site.stderr).toBe(0);
		expect(store('corpus-basic')).not.toMatch(/"ISMS-[A-Z]-\d+\/[\d.]+"/);
		expect(site.read('documents/isms-m-001/index.html')).toContain('id="sec-1"');
	});

	it('corpus-attachments: only the version that shows an image is in the store, and its image is optimised', () => {
		const site = buildFixture('corpus-attachments');
		expect(site.status, site.stderr).toBe(0);
		expect(store('corpus-attachments').match(/"ISMS-[A-Z]-\d+\/[\d.]+"/g)).toEqual(['"ISMS-F-101/1.0"']);
		expect(site.read('documents/isms-f-101/index.html')).toMatch(/<img[^>]+src="\/_astro\/flow\.[\w-]+\.webp"/);
		expect(site.read('documents/isms-f-103/index.html')).not.toContain('__ASTRO_IMAGE_');
	});
});
