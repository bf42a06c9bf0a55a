import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { buildOutline, type OutlineOptions } from '../../../src/lib/outline/outline.ts';
import type { MdNode } from '../../../src/lib/outline/tree.ts';

/** The tree the checker reads: Sätteri, through the portal's own `parseBody`. */
export function satteri(body: string, lineOffset = 0): MdNode {
	return parseBody(body, lineOffset) as unknown as MdNode;
}

/**
 * The tree the page is rendered from: remark with MDX and GFM, as Astro's MDX processor
 * (`unified()` from @astrojs/markdown-remark → @mdx-js/mdx `createProcessor` + remark-gfm) parses it.
 */
const processor = createProcessor({ remarkPlugins: [remarkGfm] });
export function remark(body: string): MdNode {
	return processor.parse(body) as unknown as MdNode;
}

export function outlineOf(body: string, options?: OutlineOptions) {
	return buildOutline(satteri(body), options);
}

/** Anchors of the clauses, in order. */
export function anchors(body: string): string[] {
	return outlineOf(body).clauses.map((clause) => clause.anchor);
}
