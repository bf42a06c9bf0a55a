import type { Root } from 'mdast';

/** A file a version's body shows (an image), where it is written. */
export interface AssetReference {
	url: string;
	line: number;
	column: number;
}

interface Node {
	type: string;
	url?: string;
	name?: string | null;
	attributes?: { type: string; name?: string; value?: unknown }[];
	children?: Node[];
	position?: { start: { line: number; column: number } } | null;
}

/**
 * Relative file paths inside the document's folder (not URLs, not site paths, not anchors): the ones
 * that must exist beside the file. A path leaving the folder (`..`), with a query or fragment, or with a
 * backslash is refused by the body rules (`mdx/url`) and is never looked up on the build machine.
 */
function isLocalFile(url: string): boolean {
	return url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !/[?#\\]/.test(url) && !url.split('/').includes('..');
}

/**
 * The images a body refers to by a relative path: Markdown images (`![圖](./assets/1.0/figure-1.png)`)
 * and `<img src="…">`. Each must exist, or Astro's image pipeline ends the build with a stack trace.
 */
export function assetReferences(tree: Root): AssetReference[] {
	const found: AssetReference[] = [];
	const walk = (node: Node) => {
		const at = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
		if (node.type === 'image' && node.url && isLocalFile(node.url)) found.push({ url: node.url, ...at });
		if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img') {
			const src = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'src')?.value;
			if (typeof src === 'string' && isLocalFile(src)) found.push({ url: src, ...at });
		}
		for (const child of node.children ?? []) walk(child);
	};
	walk(tree as unknown as Node);
	return found;
}

/** `./assets/1.0/a.png` relative to `content/documents/X/1.0.mdx` → `content/documents/X/assets/1.0/a.png`. */
export function resolveAsset(file: string, url: string): string {
	const parts = file.split('/').slice(0, -1);
	for (const part of decodeURI(url.split(/[?#]/)[0]!).split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') parts.pop();
		else parts.push(part);
	}
	return parts.join('/');
}
