import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { portal } from '../../astro.config.mjs';
import { readSetup } from '../../src/integration/setup.ts';
import { PORTAL_SIDEBAR, starlightOverrides } from '../../src/integration/starlight.ts';
import { PROJECT_ROOT } from '../unit/_helpers.ts';

/** What the portal sets in Starlight's configuration (src/integration/starlight.ts), over astro.config.mjs's. */
const setup = readSetup(portal, { root: pathToFileURL(`${PROJECT_ROOT}/`), base: '/' }, 'build', {
	PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-dev',
	PORTAL_TODAY: '2025-01-15',
});

describe('starlightOverrides', () => {
	it('sets the title, its own 404 and search, no paging, and the portal sidebar when none is given', () => {
		const overrides = starlightOverrides(setup, { title: 'x' } as never);
		expect(overrides).toMatchObject({ title: setup.config.siteTitle, pagefind: false, disable404Route: true, pagination: false });
		expect(overrides.sidebar).toBe(PORTAL_SIDEBAR);
		expect(PORTAL_SIDEBAR.map((item) => (typeof item === 'string' ? item : item.label))).toEqual([
			'首頁',
			'文件一覽表',
			'適用性聲明書',
			'文件審查排程',
			'指定日期之有效版本',
			'版次差異比較',
			'使用說明',
		]);
		expect(overrides.markdown?.processedDirs).toEqual(['test/fixtures/corpus-dev']);
		expect(overrides.components).toEqual({
			Search: expect.stringMatching(/\/src\/components\/Search\.astro$/),
			PageTitle: expect.stringMatching(/\/src\/components\/PageTitle\.astro$/),
		});
	});

	it('keeps what astro.config.mjs gave and adds to it', () => {
		const given = {
			sidebar: [{ label: '自訂', link: '/x/' }],
			customCss: ['./own.css'],
			markdown: { processedDirs: ['./notes'] },
			components: { Footer: './Footer.astro' },
		};
		const overrides = starlightOverrides(setup, given as never);
		expect(overrides.sidebar).toBe(given.sidebar);
		expect(overrides.customCss).toEqual([
			'./own.css',
			...['portal', 'layout', 'print'].map((name) => expect.stringMatching(new RegExp(`/src/styles/${name}\\.css$`))),
		]);
		expect(overrides.markdown?.processedDirs).toEqual(['./notes', 'test/fixtures/corpus-dev']);
		expect(overrides.components).toMatchObject({ Footer: './Footer.astro' });
	});
});
