import { unified as astroUnified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { portal } from '../../../astro.config.mjs';
import { PortalBuildError } from '../../../src/integration/errors.ts';
import { setupMarkdown } from '../../../src/integration/markdown/index.ts';
import { remarkBaseLinks } from '../../../src/lib/render/base-links.ts';
import { rehypeTableScroll } from '../../../src/integration/markdown/rehype-table-scroll.ts';
import { readSetup } from '../../../src/integration/setup.ts';
import { PROJECT_ROOT } from '../../unit/_helpers.ts';

const astro = { root: pathToFileURL(`${PROJECT_ROOT}/`), base: '/' };
const env = {
	PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-dev',
	PORTAL_SOA_FILE: 'test/fixtures/soa/basic.yaml',
	PORTAL_TODAY: '2025-01-15',
};
const setup = readSetup(portal, astro, 'dev', env);

describe('markdown: Astro’s processor, for the help pages and the documents’ rehype stage', () => {
	it('needs the unified processor (config/markdown)', () => {
		expect(() => setupMarkdown({ processor: undefined } as unknown as AstroConfig['markdown'], setup)).toThrow(PortalBuildError);
		expect(() => setupMarkdown({ processor: undefined } as unknown as AstroConfig['markdown'], setup)).toThrow(/config\/markdown/);
	});

	it('registers base links and the table box only (documents never go through its remark stage); no smart punctuation', () => {
		const markdown = { processor: astroUnified() } as unknown as AstroConfig['markdown'];
		const processor = setupMarkdown(markdown, setup);
		expect(processor).toBe(markdown.processor);
		const { options } = processor as unknown as {
			options: { remarkPlugins: [unknown, unknown][]; rehypePlugins: unknown[]; smartypants: boolean };
		};
		expect(options.remarkPlugins.map((entry) => (Array.isArray(entry) ? entry[0] : entry))).toEqual([remarkBaseLinks]);
		expect(options.rehypePlugins).toEqual([rehypeTableScroll]);
		expect(options.smartypants).toBe(false);
	});
});
