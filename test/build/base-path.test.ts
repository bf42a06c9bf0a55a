import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launch, serve } from '../browser/browser.ts';
import { buildFixture, type BuildResult } from './build.ts';

/**
 * A site served below the root, as on a GitHub Pages project site (its URL and base path, as the
 * publish workflow sets them): every link the portal writes follows the base.
 */
let site: BuildResult;
beforeAll(() => {
	site = buildFixture('corpus-basic', { PORTAL_BASE_PATH: '/isms/', PORTAL_SITE_URL: 'https://example.github.io' }, 'corpus-basic-base');
	if (site.status !== 0) throw new Error(site.stderr);
});

describe('PORTAL_BASE_PATH=/isms/', () => {
	it('puts every root-relative link, script, style, image and form of every page under /isms/', () => {
		const offenders: string[] = [];
		for (const file of site.files().filter((f) => f.endsWith('.html'))) {
			const root = parse(site.read(file));
			for (const [selector, attribute] of [
				['a[href]', 'href'],
				['link[href]', 'href'],
				['script[src]', 'src'],
				['img[src]', 'src'],
				['form[action]', 'action'],
				['option[value^="/"]', 'value'],
				['[data-base]', 'data-base'],
			] as const) {
				for (const element of root.querySelectorAll(selector)) {
					const value = element.getAttribute(attribute)!;
					if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/isms/'))
						offenders.push(`${file}: ${selector} ${value}`);
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
		expect(p005.querySelector('.backlinks a')?.getAttribute('href')).toBe('/isms/documents/isms-m-001/');
		expect(p005.querySelector('.backlinks details a')?.getAttribute('href')).toBe('/isms/documents/isms-m-001/#sec-4');
		// The diff page reads its pair from the query, which the base must leave intact.
		expect(p005.querySelector('.revision-history td:last-child a')?.getAttribute('href')).toBe(
			'/isms/diff/?doc=ISMS-P-005&from=1.10&to=2.0',
		);
		expect(parse(site.read('soa/index.html')).querySelector('a[download]')?.getAttribute('href')).toBe('/isms/soa.csv');
	});

	it('names the permalink as canonical with the site URL, on the permalink page and its /v<version>/ copy', () => {
		const canonical = (path: string) =>
			parse(site.read(path))
				.querySelectorAll('link[rel="canonical"]')
				.map((l) => l.getAttribute('href'));
		expect(canonical('documents/isms-p-005/index.html')).toEqual(['https://example.github.io/isms/documents/isms-p-005/']);
		expect(canonical('documents/isms-p-005/v1.10/index.html')).toEqual(['https://example.github.io/isms/documents/isms-p-005/']);
		expect(canonical('documents/isms-p-005/v1.9/index.html')).toEqual(['https://example.github.io/isms/documents/isms-p-005/v1.9/']);
	});

	it('serves the diff page and its versions.json under the base, with version links under it', () => {
		const form = parse(site.read('diff/index.html')).querySelector('form[data-diff-form]')!;
		expect(form.getAttribute('action')).toBe('/isms/diff/');
		expect(form.getAttribute('data-base')).toBe('/isms/');
		const versions = JSON.parse(site.read('documents/isms-p-005/versions.json')) as { versions: { url: string }[] };
		expect(versions.versions.map((v) => v.url)).toEqual([
			'/isms/documents/isms-p-005/v2.0/',
			'/isms/documents/isms-p-005/v1.10/',
			'/isms/documents/isms-p-005/v1.9/',
			'/isms/documents/isms-p-005/v1.0/',
		]);
	});

	it('compares versions in a browser, fetching versions.json below the base and keeping the address there', async () => {
		if (!hasChromium())
			throw new Error(`找不到 Chromium（${CHROMIUM}）：請先執行 apt-get install -y chromium fonts-noto-cjk，或以 PORTAL_CHROMIUM 指定路徑`);
		const server = await serve(site.outDir, '/isms/');
		const browser = await launch();
		try {
			const page = await browser.newPage({ locale: 'zh-TW' });
			const fetched: string[] = [];
			page.on('request', (request) => {
				if (request.url().endsWith('.json')) fetched.push(request.url().slice(server.url.length));
			});
			await page.goto(`${server.url}/isms/documents/isms-p-005/`);
			await page.locator('.revision-history tr[data-version="1.10"] a').click();
			await page.waitForURL(`${server.url}/isms/diff/?doc=ISMS-P-005&from=1.9&to=1.10`);
			await page.locator('.diff-row[data-kind="changed"][data-clause="1.1"] ins').waitFor();
			expect(fetched).toEqual(['/isms/documents/isms-p-005/versions.json']);
			expect(await page.locator('[data-diff-heading] a').first().getAttribute('href')).toBe('/isms/documents/isms-p-005/v1.9/');
			await page.locator('select[name="from"]').selectOption('1.0');
			await page.getByRole('button', { name: '比較' }).click();
			await page.waitForURL(`${server.url}/isms/diff/?doc=ISMS-P-005&from=1.0&to=1.10`);
		} finally {
			await browser.close();
			await server.close();
		}
	});
});
