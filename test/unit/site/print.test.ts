import { describe, expect, it } from 'vitest';
import { currentVersionLine, PRINT_NOTICE, printAddresses, printDateCss, printPageCss } from '../../../src/lib/site/print.ts';
import { classificationLabels } from '../../../src/lib/documents/classification.ts';
import { pd, pv } from '../_helpers.ts';

const v10 = pv('ISMS-P-005', '1.0', 'superseded', { classification: 'internal', title: '資訊安全目標管理程序書' });
const v11 = pv('ISMS-P-005', '1.1', 'current', { classification: 'internal', title: '資訊安全目標管理程序書' });
const doc = pd('ISMS-P-005', [v11, v10]);
/** The CSS with its hex escapes read back, as the browser shows the strings. */
const shown = (css: string) => css.replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
const page = (extra: Partial<Parameters<typeof printPageCss>[0]> = {}) =>
	shown(
		printPageCss({
			document: doc,
			version: v10,
			addresses: printAddresses(doc, v10, 'https://isms.example.tw/'),
			printDate: '民國114年1月15日',
			...extra,
		}),
	);

describe('printPageCss', () => {
	it('prints the number, version, state and classification (configured preset) at the top of every page', () => {
		expect(page()).toContain('@top-left { content: "ISMS-P-005 資訊安全目標管理程序書"');
		expect(page()).toContain('版次 1.0　已被取代　機密等級 內部使用');
		expect(page({ version: v11 })).toContain('版次 1.1　現行版　機密等級 內部使用');
		expect(page({ labels: classificationLabels('government') })).toContain('版次 1.0　已被取代　機密等級 一般');
	});

	it('prints the notice, the absolute current address, the print date and 頁次 at the bottom', () => {
		const css = page();
		expect(css).toContain(`@bottom-left { content: "${PRINT_NOTICE}" "\n" "現行版本：https://isms.example.tw/documents/isms-p-005/"`);
		expect(css).toContain('@bottom-right { content: "列印日期 民國114年1月15日" "\n頁次 " counter(page) " / " counter(pages)');
		expect(PRINT_NOTICE).toBe('列印本僅供參考，以入口網現行版本為準');
	});

	it('escapes document data for the style element', () => {
		const hostile = pv('ISMS-P-005', '1.0', 'superseded', { title: '</style><script>alert(1)</script>"' });
		const css = printPageCss({ document: doc, version: hostile, addresses: undefined, printDate: '民國114年1月15日' });
		expect(css).not.toMatch(/[<>"]script|<\/style/);
		expect(css).toContain('\\3c \\2f style\\3e ');
		expect(shown(css)).toContain('</style><script>alert(1)</script>"');
	});
});

describe('printAddresses and currentVersionLine', () => {
	it('are absolute with a site URL (below a base path too): the QR code leads to the version, the line to the permalink', () => {
		expect(printAddresses(doc, v10, new URL('https://isms.example.tw/'))).toEqual({
			version: 'https://isms.example.tw/documents/isms-p-005/v1.0/',
			current: 'https://isms.example.tw/documents/isms-p-005/',
		});
		const based = pd('ISMS-P-005', [{ ...v11, url: '/isms/documents/isms-p-005/v1.1/' }]);
		expect(
			printAddresses({ ...based, url: '/isms/documents/isms-p-005/' }, based.versions[0]!, 'https://org.github.io/isms/')?.current,
		).toBe('https://org.github.io/isms/documents/isms-p-005/');
		expect(currentVersionLine(doc, printAddresses(doc, v10, 'https://isms.example.tw'))).toBe(
			'現行版本：https://isms.example.tw/documents/isms-p-005/',
		);
	});

	it('say what to do instead of printing a bare path when the build has no site URL', () => {
		expect(printAddresses(doc, v10, undefined)).toBeUndefined();
		const line = currentVersionLine(doc, undefined);
		expect(line).toContain('請於入口網以文件編號 ISMS-P-005 查詢');
		expect(line).not.toContain('/documents/');
	});

	it('say so when the document is withdrawn', () => {
		const withdrawn = { ...doc, withdrawn: { version: '1.1', effective: '2024-01-01' } } as typeof doc;
		expect(currentVersionLine(withdrawn, printAddresses(withdrawn, v10, 'https://isms.example.tw/'))).toBe(
			'本文件已廢止，詳見 https://isms.example.tw/documents/isms-p-005/',
		);
	});
});

describe('printDateCss', () => {
	it('is a later @page rule for the bottom-right box only', () => {
		expect(printDateCss('民國115年3月2日')).toMatch(/^@page \{ @bottom-right \{ content: "列印日期 民國115年3月2日" /);
	});
});
