import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { withBase } from '../site/urls.ts';

/**
 * Prefixes root-relative link URLs (`/documents/…`, `/soa/#…`) with the site's base path, for a site
 * served below the root (a GitHub Pages project site). Authors and the portal write site paths.
 */
export function remarkBaseLinks(options: { base: string }) {
	return (tree: Root) => {
		if (!options.base || options.base === '/') return;
		visit(tree, 'link', (node: Link) => {
			node.url = withBase(options.base, node.url);
		});
	};
}
