import { isUnifiedProcessor, type UnifiedResolvedOptions } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { settingError } from '../errors.ts';
import type { PortalSetup } from '../setup.ts';
import { remarkBaseLinks } from '../../lib/render/base-links.ts';
import { rehypeTableScroll } from './rehype-table-scroll.ts';

/** Astro's unified processor, as the portal needs it (astro.config.mjs `markdown.processor: unified()`). */
export interface MarkdownProcessor {
	options: UnifiedResolvedOptions;
}

/**
 * Sets up Astro's unified processor (astro.config.mjs `markdown.processor`) for the Markdown Astro
 * itself compiles — the help pages — and for the rehype plugins the documents' renderer runs
 * (src/integration/documents/rendering.ts): no smart punctuation, root-relative links under the base path,
 * tables in their own scroll box. Document bodies never go through this processor's remark stage:
 * they are rendered from the analysis's trees, with the portal's own transforms.
 */
export function setupMarkdown(markdown: AstroConfig['markdown'], setup: PortalSetup): MarkdownProcessor {
	const processor = markdown.processor;
	if (!processor || !isUnifiedProcessor(processor)) {
		throw settingError(
			'astro.config.mjs  error  config/markdown  入口網需要 markdown.processor: unified()（來自 @astrojs/markdown-remark），才能為條文加上錨點與連結',
			'入口網設定有誤',
		);
	}
	// Controlled text is rendered as written, as the checker, the search index and the diff read it:
	// no smart punctuation ("N/A" stays straight, a command's --all keeps its two hyphens, ... its three dots).
	processor.options.smartypants = false;
	// Root-relative links in any Markdown (help pages) follow the site's base path.
	processor.options.remarkPlugins.push([remarkBaseLinks, { base: setup.settings.base ?? '/' }]);
	// Tables in any Markdown scroll in their own box: never wider than a phone's screen.
	processor.options.rehypePlugins.push(rehypeTableScroll);
	return processor as unknown as MarkdownProcessor;
}
