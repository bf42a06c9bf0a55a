import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { remarkBaseLinks } from '../../../src/lib/render/base-links.ts';

const tree = (...urls: string[]): Root => ({
	type: 'root',
	children: [{ type: 'paragraph', children: urls.map((url) => ({ type: 'link', url, children: [{ type: 'text', value: url }] })) }],
});
const urls = (root: Root) => (root.children[0] as { children: { url: string }[] }).children.map((link) => link.url);

describe('remarkBaseLinks: site paths under the base path', () => {
	it('prefixes root-relative links with the base, and leaves relative, fragment and absolute links alone', () => {
		const root = tree('/documents/isms-m-001/', '#sec-1', './assets/a.pdf', 'https://example.gov.tw/');
		remarkBaseLinks({ base: '/portal/' })(root);
		expect(urls(root)).toEqual(['/portal/documents/isms-m-001/', '#sec-1', './assets/a.pdf', 'https://example.gov.tw/']);
	});

	it('changes nothing for a site at the root', () => {
		const root = tree('/documents/isms-m-001/');
		remarkBaseLinks({ base: '/' })(root);
		expect(urls(root)).toEqual(['/documents/isms-m-001/']);
	});
});
