import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portal } from '../../astro.config.mjs';
import { analyzeCorpus } from '../../src/lib/analyze.ts';
import { portalConfigSchema } from '../../src/lib/config.ts';
import { fixtureEnv, hostEnv, ROOT } from './build.ts';

/**
 * One parse of each document version per build (issue 14): the analysis parses every version once
 * (Sätteri) and builds its outline once; the page's clause anchors, auto-links, backlinks, versions.json
 * and the diff all read that outline. A second parse or outline of any version during the build (the
 * page's Markdown plugin working the clauses out again, a second analysis) fails this test.
 */
describe('a build parses each version once', () => {
	// The 要點 fixture (official-scheme numbering, several versions) with a draft, which a preview build includes.
	const env = fixtureEnv('outline', 'parse-count', { PORTAL_INCLUDE_DRAFTS: '1' });
	const run = spawnSync(process.execPath, [join(ROOT, 'test/build/count-parses.ts'), join(ROOT, 'test/.tmp/parse-count/dist')], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...hostEnv(), ...env },
		timeout: 240_000,
	});
	const analysis = analyzeCorpus(ROOT, portalConfigSchema.parse(portal), { today: env.PORTAL_TODAY!, includeDrafts: true, ceiling: 'internal', documentsDir: env.PORTAL_DOCUMENTS_DIR!, soaFile: env.PORTAL_SOA_FILE! });

	it('builds', () => {
		expect(run.status, run.stderr).toBe(0);
	});

	it('counts exactly one parse and one outline per version read, and renders every version page from it', () => {
		const counts = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { parses: number; outlines: number };
		const versions = analysis.versions.length;
		expect(versions).toBeGreaterThan(2);
		// Every version of the fixture parses: one outline each.
		expect(analysis.analyses.size).toBe(versions);
		expect(counts).toEqual({ parses: versions, outlines: versions });
		// And the pages were compiled in that build: each version's page is there, with its clause anchors.
		for (const version of analysis.versions) {
			const page = join(ROOT, 'test/.tmp/parse-count/dist/documents', version.docNo.toLowerCase(), `v${version.version}/index.html`);
			expect(existsSync(page) || existsSync(join(ROOT, 'test/.tmp/parse-count/dist/documents', version.docNo.toLowerCase(), 'index.html')), page).toBe(true);
		}
	});
});
