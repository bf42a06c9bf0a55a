import { formatRocDate, toIsoDate } from '../lib/documents/dates.ts';
import { printDateCss } from '../lib/site/print.ts';

/** The reader's calendar day, `YYYY-MM-DD` (the day the copy is printed, in the reader's own time zone). */
export function localIsoDate(now: Date = new Date()): string {
	return toIsoDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

/** The part of a style sheet the stamp uses (CSSStyleSheet). */
type Sheet = Pick<CSSStyleSheet, 'cssRules' | 'insertRule' | 'deleteRule'>;

const stamped = new WeakMap<Sheet, CSSRule>();

/**
 * Puts the day of printing on a printed document page: in the first page's notice
 * (`time[data-print-date]`) and in the footer of every page, by inserting the print-date `@page` rule
 * again into the page's print style (`style[data-print-page]`; a later rule wins, and a style sheet
 * changed through the CSSOM needs no new hash in the page's Content Security Policy). A browser that
 * cannot parse margin boxes keeps the footer as built.
 */
export function stampPrintDate(root: ParentNode = document, now: Date = new Date()): string {
	const iso = localIsoDate(now);
	const roc = formatRocDate(iso);
	for (const time of root.querySelectorAll<HTMLTimeElement>('time[data-print-date]')) {
		time.dateTime = iso;
		time.textContent = roc;
	}
	const sheet = root.querySelector<HTMLStyleElement>('style[data-print-page]')?.sheet;
	if (sheet) {
		const previous = stamped.get(sheet);
		const index = previous ? Array.prototype.indexOf.call(sheet.cssRules, previous) : -1;
		try {
			const at = sheet.insertRule(printDateCss(roc), sheet.cssRules.length);
			if (index >= 0) sheet.deleteRule(index);
			stamped.set(sheet, sheet.cssRules[index >= 0 ? at - 1 : at]!);
		} catch {
			// A browser that cannot read @page margin boxes keeps the footer it has (the build's date).
		}
	}
	return iso;
}

/** Stamps now and again just before every print. */
export function installPrintDate(win: Window = window): void {
	stampPrintDate(win.document);
	win.addEventListener('beforeprint', () => stampPrintDate(win.document));
}
