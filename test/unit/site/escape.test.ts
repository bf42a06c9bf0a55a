import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { cssString, escapeHtml, jsonForScript } from '../../../src/lib/site/escape.ts';
import { printAddresses, printPageCss } from '../../../src/lib/site/print.ts';
import { pd, pv } from '../_helpers.ts';

const PAYLOADS = [
	'</script><img src=x onerror=alert(1)>',
	'</SCRIPT ><script>alert(1)</script>',
	'<!--<script>',
	'</style><script>alert(1)</script>',
	'"; color: red; content: "',
	'\\"\'\n\r\f\t\u2028\u2029&amp;',
	'資訊安全管理政策（第 1 版）',
];

describe('escapeHtml: text handed to set:html (a Starlight head entry such as <title>)', () => {
	it('cannot close the element or add one, and shows the text as written', () => {
		for (const payload of [...PAYLOADS, '</title><script>alert(1)</script>']) {
			const page = parse(`<head><title>${escapeHtml(payload)}</title></head><body><p>x</p></body>`);
			expect(page.querySelectorAll('script, img')).toHaveLength(0);
			expect(page.querySelector('title')!.text).toBe(payload);
		}
	});
});

describe('jsonForScript: JSON in a <script type="application/json"> element', () => {
	it('cannot close the element, open a comment or start markup, and parses back unchanged', () => {
		for (const payload of PAYLOADS) {
			const data = { documents: [{ title: payload, versions: [{ changes: payload }] }] };
			const json = jsonForScript(data);
			expect(json).not.toMatch(/[<>&\u2028\u2029]/);
			const page = parse(`<body><script type="application/json" id="d">${json}</script><p id="after">x</p></body>`);
			expect(page.querySelectorAll('script')).toHaveLength(1);
			expect(page.querySelectorAll('img')).toHaveLength(0);
			expect(page.querySelector('#after')?.text).toBe('x');
			expect(JSON.parse(page.querySelector('#d')!.text)).toEqual(data);
		}
	});

	it('is JSON.stringify for harmless data', () => {
		expect(jsonForScript({ a: '管理審查', b: [1, true, null] })).toBe(JSON.stringify({ a: '管理審查', b: [1, true, null] }));
	});
});

/** A CSS string as a CSS parser reads it: quotes off, hex escapes (and the one space after) decoded. */
function readCssString(css: string): string {
	expect(css.startsWith('"') && css.endsWith('"')).toBe(true);
	const inner = css.slice(1, -1);
	expect(inner).not.toMatch(/["'\\\n\r\f<>](?![0-9a-f])/);
	return inner.replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

describe('cssString: a string literal inside a <style> element', () => {
	it('escapes everything that could end the string or the element, and reads back as the value', () => {
		for (const payload of PAYLOADS) {
			const css = cssString(payload);
			expect(css.slice(1, -1)).not.toMatch(/[<>"'\n\r\f&]|\u2028|\u2029/);
			expect(css.slice(1, -1).replace(/\\[0-9a-f]{1,6} ?/g, '')).not.toContain('\\');
			expect(readCssString(css)).toBe(payload);
		}
	});

	it('keeps Chinese text, letters, digits and spaces as they are', () => {
		expect(cssString('ISMS-P-005 資訊安全目標管理程序書')).toBe('"ISMS\\2d P\\2d 005 資訊安全目標管理程序書"');
	});

	it('keeps a hostile title inside the print style block of its page', () => {
		const version = pv('ISMS-P-005', '1.0', 'current', { title: '</style><script>alert(1)</script>', classification: 'internal' });
		const css = printPageCss({
			document: pd('ISMS-P-005', [version]),
			version,
			addresses: printAddresses(pd('ISMS-P-005', [version]), version, 'https://isms.example.tw/'),
			printDate: '民國114年1月15日',
		});
		const page = parse(`<head><style>${css}</style></head><body><p>x</p></body>`);
		expect(page.querySelectorAll('script')).toHaveLength(0);
		expect(page.querySelectorAll('style')).toHaveLength(1);
		expect(page.querySelector('style')!.text).toBe(css);
	});
});
