import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuildResult } from './build.ts';

/** Resources a page loads, by element and attribute (links staff click are not loads). */
const LOADS: [selector: string, attribute: string][] = [
	['script[src]', 'src'],
	['link[href]:not([rel="canonical"]):not([rel="alternate"]):not([rel="sitemap"])', 'href'],
	['img[src]', 'src'],
	['img[srcset]', 'srcset'],
	['source[src]', 'src'],
	['source[srcset]', 'srcset'],
	['iframe[src]', 'src'],
	['video[src]', 'src'],
	['video[poster]', 'poster'],
	['audio[src]', 'src'],
	['object[data]', 'data'],
	['embed[src]', 'src'],
	['image[href]', 'href'],
	['use[href]', 'href'],
	['form[action]', 'action'],
];
const OTHER_ORIGIN = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

let site: BuildResult;
beforeAll(() => {
	site = buildFixture('corpus-basic');
	if (site.status !== 0) throw new Error(site.stderr);
});

/** Every URL in an attribute value (srcset holds several). */
function urls(attribute: string, value: string): string[] {
	return attribute === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0]!) : [value.trim()];
}

describe('the built site loads nothing from outside its own origin', () => {
	it('in HTML: scripts, styles, fonts, images, frames, media, forms', () => {
		const offenders: string[] = [];
		const pages = site.files().filter((file) => file.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(10);
		for (const file of pages) {
			const root = parse(site.read(file));
			for (const [selector, attribute] of LOADS) {
				for (const element of root.querySelectorAll(selector)) {
					for (const url of urls(attribute, element.getAttribute(attribute) ?? '')) {
						if (OTHER_ORIGIN.test(url)) offenders.push(`${file}: <${element.rawTagName} ${attribute}="${url}">`);
					}
				}
			}
			for (const style of root.querySelectorAll('style')) {
				if (/url\(\s*["']?(?:[a-z]+:)?\/\/|@import\s+(?:url\()?["']?(?:[a-z]+:)?\/\//i.test(style.text))
					offenders.push(`${file}: <style> loads another origin`);
			}
		}
		expect(offenders).toEqual([]);
	});

	it('in CSS: url() and @import', () => {
		const css = site.files().filter((file) => file.endsWith('.css'));
		expect(css.length).toBeGreaterThan(0);
		for (const file of css) {
			expect(/url\(\s*["']?(?:[a-z]+:)?\/\/|@import\s+(?:url\()?["']?(?:[a-z]+:)?\/\//i.exec(site.read(file))?.[0], file).toBeUndefined();
		}
	});

	it('in JavaScript: no fetch, import or script of an absolute http(s) URL', () => {
		for (const file of site.files().filter((f) => f.endsWith('.js') || f.endsWith('.mjs'))) {
			const text = site.read(file);
			expect(/(?:fetch|import)\(\s*["'`]https?:\/\/|\.src\s*=\s*["'`]https?:\/\//.exec(text)?.[0], file).toBeUndefined();
		}
	});

	it('and everything it loads from its own origin exists in the build (the favicon, scripts, styles, images)', () => {
		const missing = new Set<string>();
		for (const file of site.files().filter((f) => f.endsWith('.html'))) {
			const root = parse(site.read(file));
			for (const [selector, attribute] of LOADS) {
				for (const element of root.querySelectorAll(selector)) {
					for (const url of urls(attribute, element.getAttribute(attribute) ?? '')) {
						if (OTHER_ORIGIN.test(url) || /^(?:data|blob):/.test(url) || url === '') continue;
						const path = new URL(url, `http://site/${file}`).pathname.replace(/^\//, '');
						const target = path === '' || path.endsWith('/') ? `${path}index.html` : path;
						if (!site.exists(decodeURIComponent(target))) missing.add(`${url} (${file})`);
					}
				}
			}
		}
		expect([...missing]).toEqual([]);
	});

	it('detects an offender (the check itself works)', () => {
		const root = parse('<link rel="stylesheet" href="https://fonts.example/x.css"><img srcset="/a.png 1x, //cdn.example/b.png 2x">');
		const found = LOADS.flatMap(([selector, attribute]) =>
			root
				.querySelectorAll(selector)
				.flatMap((el) => urls(attribute, el.getAttribute(attribute) ?? '').filter((u) => OTHER_ORIGIN.test(u))),
		);
		expect(found).toEqual(['https://fonts.example/x.css', '//cdn.example/b.png']);
	});
});
