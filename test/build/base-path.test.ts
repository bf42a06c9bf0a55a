import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuildResult } from './build.ts';

/** A site served below the root, as on a GitHub Pages project site: every link the portal writes follows. */
let site: BuildResult;
beforeAll(() => {
	site = buildFixture('corpus-basic', { PORTAL_BASE_PATH: '/isms/' }, 'corpus-basic-base');
	if (site.status !== 0) throw new Error(site.stderr);
});

describe('PORTAL_BASE_PATH=/isms/', () => {
	it('puts every root-relative link, script, style, image and form of every page under /isms/', () => {
		const offenders: string[] = [];
		for (const file of site.files().filter((f) => f.endsWith('.html'))) {
			const root = parse(site.read(file));
			for (const [selector, attribute] of [['a[href]', 'href'], ['link[href]', 'href'], ['script[src]', 'src'], ['img[src]', 'src'], ['form[action]', 'action'], ['option[value^="/"]', 'value'], ['[data-base]', 'data-base']] as const) {
				for (const element of root.querySelectorAll(selector)) {
					const value = element.getAttribute(attribute)!;
					if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/isms/')) offenders.push(`${file}: ${selector} ${value}`);
				}
			}
		}
		expect(offenders).toEqual([]);
	});

	it('links references, backlinks, versions and the SoA under the base', () => {
		const policy = parse(site.read('documents/isms-m-001/index.html'));
		expect(policy.querySelector('a.ref--document')?.getAttribute('href')).toBe('/isms/documents/isms-p-005/');
		expect(policy.querySelector('a.ref--control')?.getAttribute('href')).toBe('/isms/soa/#control-a-9-2-1');
		const p005 = parse(site.read('documents/isms-p-005/index.html'));
		expect(p005.querySelector('.backlinks a')?.getAttribute('href')).toBe('/isms/documents/isms-m-001/#sec-4');
		expect(p005.querySelector('.revision-history td:last-child a')?.getAttribute('href')).toBe('/isms/documents/isms-p-005/diff/v1.10-v2.0/');
		expect(parse(site.read('soa/index.html')).querySelector('a[download]')?.getAttribute('href')).toBe('/isms/soa.csv');
	});
});
