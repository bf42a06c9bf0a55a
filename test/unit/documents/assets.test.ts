import { describe, expect, it } from 'vitest';
import { assetReferences, resolveAsset } from '../../../src/lib/documents/assets.ts';
import { parseBody } from '../../../src/lib/body/mdx.ts';

describe('assetReferences', () => {
	it('finds images by relative path, Markdown and <img>, with positions; not URLs, site paths or anchors', () => {
		const tree = parseBody(
			'![流程圖](./assets/1.0/figure-1.png)\n\n<img src="assets/1.0/b.png" alt="b" />\n\n![x](https://example.com/a.png) ![y](/a.png)\n',
			10,
		);
		expect(assetReferences(tree)).toEqual([
			{ url: './assets/1.0/figure-1.png', line: 11, column: 1 },
			{ url: 'assets/1.0/b.png', line: 13, column: 1 },
		]);
	});

	it('resolves a reference against the version file', () => {
		expect(resolveAsset('content/documents/ISMS-P-005/1.0.mdx', './assets/1.0/%E5%9C%96.png')).toBe(
			'content/documents/ISMS-P-005/assets/1.0/圖.png',
		);
		expect(resolveAsset('content/documents/ISMS-P-005/1.1.mdx', 'assets/1.0/a.png')).toBe('content/documents/ISMS-P-005/assets/1.0/a.png');
	});
});
