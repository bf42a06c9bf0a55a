import { unified as astroUnified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { appendFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { portal } from '../../../astro.config.mjs';
import { renderKeys, staleEntries, previewFor } from '../../../src/integration/dev.ts';
import { documentRendering } from '../../../src/integration/documents/rendering.ts';
import { liveDocuments } from '../../../src/integration/documents/source.ts';
import { setupMarkdown } from '../../../src/integration/markdown/index.ts';
import { analyse, readSetup, type Snapshot } from '../../../src/integration/setup.ts';
import { parseCount } from '../../../src/lib/body/mdx.ts';
import { createAnalysisCache } from '../../../src/node/analysis-cache.ts';
import { PROJECT_ROOT } from '../../unit/_helpers.ts';

/**
 * The documents collection as the dev server keeps it (src/integration/documents/: rendering.ts, source.ts,
 * dev.ts): bodies rendered from the analysis's trees; after a save, the cache re-parses the saved file
 * only, and exactly the saved version and the citers whose links change are rendered again.
 */
const DIR = 'test/.tmp/integration-documents';
rmSync(join(PROJECT_ROOT, DIR), { recursive: true, force: true });
mkdirSync(join(PROJECT_ROOT, DIR), { recursive: true });
cpSync(join(PROJECT_ROOT, 'test/fixtures/corpus-dev'), join(PROJECT_ROOT, DIR, 'documents'), { recursive: true });
afterAll(() => rmSync(join(PROJECT_ROOT, DIR), { recursive: true, force: true }));

const astro = { root: pathToFileURL(`${PROJECT_ROOT}/`), base: '/' };
const setup = readSetup(portal, astro, 'dev', {
	PORTAL_DOCUMENTS_DIR: `${DIR}/documents`,
	PORTAL_SOA_FILE: 'test/fixtures/soa/basic.yaml',
	PORTAL_TODAY: '2025-01-15',
});
const processor = setupMarkdown({ processor: astroUnified() } as unknown as AstroConfig['markdown'], setup);
const renderingOf = (snapshot: Snapshot) => {
	const preview = previewFor(setup, snapshot);
	return documentRendering({ root: setup.root, base: '/', snapshot, processor, keep: true, blocked: new Set(preview.blocked) });
};

describe('documents: rendered from the analysis, again after a save (astro dev)', () => {
	const cache = createAnalysisCache();
	let snapshot = analyse(setup, cache);

	it('renders every published version, drafts included in dev, from the kept trees (a copy: rendering twice gives the same page)', async () => {
		const rendering = renderingOf(snapshot);
		expect(rendering.entries.map((entry) => entry.id).sort()).toEqual([
			'ISMS-M-001/1.0',
			'ISMS-P-002/1.0',
			'ISMS-P-003/1.0',
			'ISMS-P-003/1.1',
		]);
		const p002 = await rendering.render('ISMS-P-002/1.0');
		expect(p002.html).toContain('href="/documents/isms-m-001/#sec-2-2"');
		const again = await renderingOf(snapshot).render('ISMS-P-002/1.0');
		expect(again.html).toBe(p002.html);
	});

	it('after a save: one parse, and the saved version is the only stale entry while its outline keeps its places', () => {
		const before = renderKeys(snapshot, previewFor(setup, snapshot));
		const parses = parseCount();
		appendFileSync(join(PROJECT_ROOT, DIR, 'documents/ISMS-P-003/1.0.mdx'), '\n附記：本程序每年檢討。\n');
		snapshot = analyse(setup, cache);
		expect(parseCount()).toBe(parses + 1);
		expect([...staleEntries(before, renderKeys(snapshot, previewFor(setup, snapshot)))]).toEqual(['ISMS-P-003/1.0']);
	});

	it('a new clause in a cited document makes its citer stale too; the live source hands the loader the new rendering', async () => {
		const before = renderKeys(snapshot, previewFor(setup, snapshot));
		const live = liveDocuments(renderingOf(snapshot));
		const updates: string[][] = [];
		live.subscribe!((changed) => updates.push([...changed].sort()));
		appendFileSync(join(PROJECT_ROOT, DIR, 'documents/ISMS-M-001/1.0.mdx'), '- 2.3 文件應定期審查。\n');
		snapshot = analyse(setup, cache);
		const stale = staleEntries(before, renderKeys(snapshot, previewFor(setup, snapshot)));
		live.update(renderingOf(snapshot), stale);
		expect(updates).toEqual([['ISMS-M-001/1.0', 'ISMS-P-002/1.0']]);
		expect((await live.render('ISMS-M-001/1.0')).html).toContain('id="sec-2-3"');
	});

	it('the live source keeps a rendering until an update names it stale, and drops versions gone', async () => {
		let renders = 0;
		const counting = (current: Snapshot) => {
			const rendering = renderingOf(current);
			return { ...rendering, render: (id: string) => (renders++, rendering.render(id)) };
		};
		const live = liveDocuments(counting(snapshot));
		const first = await live.render('ISMS-P-002/1.0');
		expect(await live.render('ISMS-P-002/1.0')).toBe(first);
		live.update(counting(snapshot), new Set(['ISMS-M-001/1.0']));
		expect(await live.render('ISMS-P-002/1.0')).toBe(first);
		expect(renders).toBe(1);
		live.update(counting(snapshot), new Set(['ISMS-P-002/1.0']));
		const again = await live.render('ISMS-P-002/1.0');
		expect(again).not.toBe(first);
		expect(again.html).toBe(first.html);
		expect(renders).toBe(2);
	});

	it('a body that fails its checks renders empty in dev, and is stale again when fixed', async () => {
		const before = renderKeys(snapshot, previewFor(setup, snapshot));
		appendFileSync(join(PROJECT_ROOT, DIR, 'documents/ISMS-P-003/1.0.mdx'), '\n![圖](./assets/missing.png)\n');
		snapshot = analyse(setup, cache);
		expect(previewFor(setup, snapshot).blocked).toEqual(['ISMS-P-003/1.0']);
		expect([...staleEntries(before, renderKeys(snapshot, previewFor(setup, snapshot)))]).toEqual(['ISMS-P-003/1.0']);
		expect((await renderingOf(snapshot).render('ISMS-P-003/1.0')).html).toBe('');
	});
});
