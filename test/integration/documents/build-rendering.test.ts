import { unified as astroUnified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { portal } from '../../../astro.config.mjs';
import { documentRendering } from '../../../src/integration/documents/rendering.ts';
import { setupMarkdown } from '../../../src/integration/markdown/index.ts';
import { analyse, readSetup } from '../../../src/integration/setup.ts';
import { collected } from '../../unit/_heap.ts';
import { PROJECT_ROOT } from '../../unit/_helpers.ts';

/**
 * The documents collection in a build (src/integration/documents/rendering.ts): each body is rendered
 * once, kept packed until its page reads it, and the analysis (every version's outline and source) is
 * let go once every body is rendered.
 */
const setup = readSetup(portal, { root: pathToFileURL(`${PROJECT_ROOT}/`), base: '/' }, 'build', {
	PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-dev',
	PORTAL_SOA_FILE: 'test/fixtures/soa/basic.yaml',
	PORTAL_TODAY: '2025-01-15',
	PORTAL_INCLUDE_DRAFTS: '1',
});
const processor = setupMarkdown({ processor: astroUnified() } as unknown as AstroConfig['markdown'], setup);

/** A rendering of a fresh analysis, and a weak reference to that analysis. */
function renderingOfAnalysis(keep: boolean) {
	const snapshot = analyse(setup);
	return {
		rendering: documentRendering({ root: setup.root, base: '/', snapshot, processor, keep }),
		analysis: new WeakRef(snapshot.analysis),
	};
}

describe('documents in a build: rendered once, kept packed, the analysis let go', () => {
	it('a page reads the same rendering as the dev server’s, and the analysis is let go once every body is rendered', async () => {
		const dev = renderingOfAnalysis(true).rendering;
		const { rendering, analysis } = renderingOfAnalysis(false);
		const ids = rendering.entries.map((entry) => entry.id);
		expect(ids.length).toBeGreaterThan(1);
		const first = await rendering.render(ids[0]!);
		expect(first).toEqual(await dev.render(ids[0]!));
		// Read again by its page: from the packed copy, the same.
		expect(await rendering.render(ids[0]!)).toEqual(first);
		expect(await collected(analysis)).toBe(false);
		for (const id of ids.slice(1)) await rendering.render(id);
		expect(await collected(analysis)).toBe(true);
		for (const id of ids) expect(await rendering.render(id)).toEqual(await dev.render(id));
	});
});
