import { unified as astroUnified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { describe, expect, it } from 'vitest';
import { portal } from '../../../astro.config.mjs';
import { PortalBuildError } from '../../../src/integration/errors.ts';
import { addMarkdownPlugins } from '../../../src/integration/markdown/index.ts';
import { remarkClauseAnchors } from '../../../src/integration/markdown/remark-clause-anchors.ts';
import { remarkNoCode } from '../../../src/integration/markdown/remark-no-code.ts';
import { remarkBaseLinks, remarkReferences } from '../../../src/integration/markdown/remark-references.ts';
import { rehypeTableScroll } from '../../../src/integration/markdown/rehype-table-scroll.ts';
import { analyse, readSetup } from '../../../src/integration/setup.ts';
import { PROJECT_ROOT } from '../../unit/_helpers.ts';

const astro = { root: pathToFileURL(`${PROJECT_ROOT}/`), base: '/' };
const env = { PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-dev', PORTAL_SOA_FILE: 'test/fixtures/soa/basic.yaml', PORTAL_TODAY: '2025-01-15' };
const setup = readSetup(portal, astro, 'dev', env);
const P002 = `${PROJECT_ROOT}/test/fixtures/corpus-dev/ISMS-P-002/1.0.mdx`;

/** The body of a fixture file through the plugins as registered (remark-parse standing in for Astro's MDX parser). */
function render(markdown: AstroConfig['markdown'], path: string): string {
	const { remarkPlugins, rehypePlugins } = (markdown.processor as unknown as { options: { remarkPlugins: PluggableList; rehypePlugins: PluggableList } }).options;
	const source = readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (front) => front.replace(/[^\n]/g, ' '));
	return String(unified().use(remarkParse).use(remarkPlugins).use(remarkRehype).use(rehypePlugins).use(rehypeStringify).processSync({ value: source, path }));
}

describe('markdown: the portal plugins in Astro’s processor', () => {
	it('needs the unified processor (config/markdown)', () => {
		expect(() => addMarkdownPlugins({ processor: undefined } as unknown as AstroConfig['markdown'], setup, () => analyse(setup))).toThrow(PortalBuildError);
		expect(() => addMarkdownPlugins({ processor: undefined } as unknown as AstroConfig['markdown'], setup, () => analyse(setup))).toThrow(/config\/markdown/);
	});

	it('registers no code first, then references, clause anchors and base links, and the table box; no smart punctuation', () => {
		const markdown = { processor: astroUnified() } as unknown as AstroConfig['markdown'];
		addMarkdownPlugins(markdown, setup, () => analyse(setup));
		const { options } = markdown.processor as unknown as { options: { remarkPlugins: [unknown, unknown][]; rehypePlugins: unknown[]; smartypants: boolean } };
		expect(options.remarkPlugins.map((entry) => (Array.isArray(entry) ? entry[0] : entry))).toEqual([remarkNoCode, remarkReferences, remarkClauseAnchors, remarkBaseLinks]);
		expect(options.rehypePlugins).toEqual([rehypeTableScroll]);
		expect(options.smartypants).toBe(false);
	});

	it('reads the current analysis when a file is compiled, not when the plugins are added (the dev server swaps it)', () => {
		const markdown = { processor: astroUnified() } as unknown as AstroConfig['markdown'];
		let current = analyse(setup);
		addMarkdownPlugins(markdown, setup, () => current);
		const html = render(markdown, P002);
		expect(html).toContain('<li id="sec-1-1" class="clause clause-depth-2" data-clause="1.1">');
		expect(html).toContain('<a href="/documents/isms-m-001/#sec-2-2" class="ref ref--clause">第 2.2 節</a>');
		// An analysis of another corpus, without ISMS-M-001 and without this file: the same file now cites a
		// document the site does not have (no link), and has no outline (no anchors are made up for it).
		current = analyse(readSetup(portal, astro, 'dev', { ...env, PORTAL_DOCUMENTS_DIR: 'test/fixtures/outline' }));
		const other = render(markdown, P002);
		expect(other).toContain('作廢文件之處理依 ISMS-M-001 第 2.2 節辦理。');
		expect(other).not.toContain('href="/documents/isms-m-001/');
		expect(other).not.toContain('id="sec-');
	});
});
