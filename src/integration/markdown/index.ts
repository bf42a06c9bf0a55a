import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { relative, resolve, sep } from 'node:path';
import type { BodyFault } from '../../lib/mdx-rules.ts';
import { formatProblem, summarizeProblems } from '../../lib/problems.ts';
import { controlLink } from '../../lib/soa/links.ts';
import { PortalBuildError, settingError } from '../errors.ts';
import { documentOf, type PortalSetup, type Snapshot } from '../setup.ts';
import { remarkClauseAnchors } from './remark-clause-anchors.ts';
import { remarkNoCode } from './remark-no-code.ts';
import { remarkBaseLinks, remarkReferences } from './remark-references.ts';
import { rehypeTableScroll } from './rehype-table-scroll.ts';

/**
 * Adds the portal's Markdown plugins to Astro's unified processor (astro.config.mjs `markdown.processor`).
 * They read the analysis through `current()`, so the dev server's next analysis is what the next page
 * compiled reads; a build has one. Order: no code (first), references (redaction, then auto-links),
 * clause anchors from the analysis' outline, base-path links, tables in their own scroll box.
 */
export function addMarkdownPlugins(markdown: AstroConfig['markdown'], setup: PortalSetup, current: () => Snapshot): void {
	const processor = markdown.processor;
	if (!processor || !isUnifiedProcessor(processor)) {
		throw settingError('astro.config.mjs  error  config/markdown  入口網需要 markdown.processor: unified()（來自 @astrojs/markdown-remark），才能為條文加上錨點與連結', '入口網設定有誤');
	}
	// Controlled text is rendered as written, as the checker, the search index and the diff read it:
	// no smart punctuation ("N/A" stays straight, a command's --all keeps its two hyphens, ... its three dots).
	processor.options.smartypants = false;
	const inDocuments = (path: string | undefined) => documentOf(setup, path) !== undefined;
	const versionOf = (path: string | undefined) => (path ? current().byFile.get(resolve(path)) : undefined);
	const outlineOf = (path: string | undefined) => current().analysis.analyses.get(versionOf(path)?.id ?? '')?.outline;
	// Documents cannot run code: checked by the analysis on every version, and again in the compiler, first.
	processor.options.remarkPlugins.unshift([remarkNoCode, { include: inDocuments, report: (path: string, faults: BodyFault[]) => noCodeReport(setup, path, faults) }]);
	processor.options.remarkPlugins.push([
		remarkReferences,
		{
			docNoOf: (path: string | undefined) => documentOf(setup, path),
			outlineOf,
			titleOf: (path: string | undefined) => versionOf(path)?.title,
			documentOutline: (docNo: string) => current().meant.get(docNo),
			redactor: () => current().redactor,
			targets: () => {
				const { model, published } = current();
				return { published, linkControls: Boolean(model.soa.matrix), controlLink: (id: string) => controlLink(id, model.soa.links, model.soa.edition) };
			},
		},
	]);
	// Clause anchors from the analysis' outline (no second parse), after the redaction and the auto-links (which keep the text).
	processor.options.remarkPlugins.push([remarkClauseAnchors, { outlineOf: (path: string | undefined) => (inDocuments(path) ? outlineOf(path) : undefined) }]);
	// Root-relative links in any Markdown (documents and help pages) follow the site's base path.
	processor.options.remarkPlugins.push([remarkBaseLinks, { base: setup.settings.base ?? '/' }]);
	// Tables in any Markdown scroll in their own box: never wider than a phone's screen.
	processor.options.rehypePlugins.push(rehypeTableScroll);
}

/**
 * What the compiler found that would run code (the analysis missed it): the build stops with the
 * findings (`astro dev` shows them and keeps serving; its pages do not compile a body with errors).
 */
function noCodeReport(setup: PortalSetup, path: string, faults: readonly BodyFault[]): never {
	const file = relative(setup.root, path).split(sep).join('/');
	const found = faults.map((fault) => ({ file, severity: 'error' as const, ...fault }));
	throw new PortalBuildError(found.map(formatProblem), summarizeProblems(found));
}
