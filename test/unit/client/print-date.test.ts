// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { installPrintDate, localIsoDate, stampPrintDate } from '../../../src/client/print-date.ts';
import { printDateCss } from '../../../src/lib/site/print.ts';

/** A style sheet that records what is inserted and deleted (happy-dom does not parse @page margin boxes). */
function fakeSheet() {
	const rules: { cssText: string }[] = [{ cssText: '@page { size: A4 }' }];
	return {
		rules,
		sheet: {
			get cssRules() {
				return rules as unknown as CSSRuleList;
			},
			insertRule(rule: string, index: number) {
				rules.splice(index, 0, { cssText: rule });
				return index;
			},
			deleteRule(index: number) {
				rules.splice(index, 1);
			},
		},
	};
}

function page(sheet?: object): HTMLElement {
	const root = document.createElement('div');
	root.innerHTML = `<style data-print-page></style><time data-print-date datetime="2025-01-15">民國114年1月15日</time>`;
	if (sheet) Object.defineProperty(root.querySelector('style')!, 'sheet', { value: sheet });
	return root;
}

describe('stampPrintDate', () => {
	it('writes the day of printing into the notice and, as a later @page rule, into every page footer', () => {
		const { rules, sheet } = fakeSheet();
		const root = page(sheet);
		expect(stampPrintDate(root, new Date(2026, 2, 2, 9, 30))).toBe('2026-03-02');
		const time = root.querySelector('time')!;
		expect([time.dateTime, time.textContent]).toEqual(['2026-03-02', '民國115年3月2日']);
		expect(rules.map((r) => r.cssText)).toEqual(['@page { size: A4 }', printDateCss('民國115年3月2日')]);
	});

	it('replaces its own rule when the page is printed again on another day', () => {
		const { rules, sheet } = fakeSheet();
		const root = page(sheet);
		stampPrintDate(root, new Date(2026, 2, 2));
		stampPrintDate(root, new Date(2026, 2, 3));
		expect(rules.map((r) => r.cssText)).toEqual(['@page { size: A4 }', printDateCss('民國115年3月3日')]);
	});

	it('uses the reader’s calendar day, late in the evening too', () => {
		expect(localIsoDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
	});

	it('stamps again before every print', () => {
		const root = page();
		document.body.replaceChildren(root);
		installPrintDate(window);
		root.querySelector('time')!.textContent = 'old';
		window.dispatchEvent(new Event('beforeprint'));
		expect(root.querySelector('time')!.textContent).toBe(
			new Intl.DateTimeFormat('zh-TW-u-ca-roc', { era: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date()),
		);
	});
});
