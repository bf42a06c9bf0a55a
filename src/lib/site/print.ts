import { CLASSIFICATION_LABELS, type Classification } from '../documents/classification.ts';
import { cssString } from './escape.ts';
import type { PublishedDocument, PublishedVersion } from '../documents/portal.ts';
import { STATE_LABELS } from '../documents/states.ts';

/** The notice every printed copy carries (a controlled copy is the one on the portal). */
export const PRINT_NOTICE = '列印本僅供參考，以入口網現行版本為準';

/**
 * Where a printed copy sends its reader: the version's own page (the QR code: it says whether this
 * version is still in force and links the current one) and the document's permalink (the version in
 * force), both absolute. Undefined without a site URL: a local preview build has no address to print.
 */
export interface PrintAddresses {
	version: string;
	current: string;
}

export function printAddresses(
	doc: PublishedDocument,
	version: PublishedVersion,
	site: URL | string | undefined,
): PrintAddresses | undefined {
	if (!site) return undefined;
	return { version: new URL(version.url, site).href, current: new URL(doc.url, site).href };
}

/**
 * The line every printed page carries about the version in force: its absolute address, or, for a
 * build without a site URL, what to do instead of a bare path nobody can type into a browser.
 */
export function currentVersionLine(doc: PublishedDocument, addresses: PrintAddresses | undefined): string {
	if (!addresses) return `現行版本：請於入口網以文件編號 ${doc.docNo} 查詢（本列印本取自未設定網址的預覽建置，未附網址及 QR 碼）`;
	if (doc.withdrawn) return `本文件已廢止，詳見 ${addresses.current}`;
	return `現行版本：${addresses.current}`;
}

export interface PrintPage {
	document: PublishedDocument;
	version: PublishedVersion;
	addresses: PrintAddresses | undefined;
	/** The day shown until the reader's browser stamps the day it prints (src/client/print-date.ts). */
	printDate: string;
	labels?: Record<Classification, string>;
}

/**
 * The running header and footer of every printed page, as `@page` margin boxes (current Chromium):
 * 文件編號 文件名稱 at the top left; 版次, the version's state (現行版 / 已被取代 / 尚未生效 / 已廢止 / 草稿) and
 * 機密等級 at the top right; the notice and the current version's address at the bottom left; the print
 * date and 頁次 N / M at the bottom right. Every value goes through cssString.
 */
export function printPageCss({ document, version, addresses, printDate, labels = CLASSIFICATION_LABELS }: PrintPage): string {
	const left = `${version.docNo} ${version.title}`;
	const right = `版次 ${version.version}　${STATE_LABELS[version.state]}　機密等級 ${labels[version.classification]}`;
	return `@page {
	size: A4;
	margin: 22mm 16mm 24mm;
	@top-left { content: ${cssString(left)}; font-size: 9pt; }
	@top-right { content: ${cssString(right)}; font-size: 9pt; font-weight: 700; }
	@bottom-left { content: ${cssString(PRINT_NOTICE)} "\\A " ${cssString(currentVersionLine(document, addresses))}; font-size: 8pt; white-space: pre-wrap; }
}
${printDateCss(printDate)}`;
}

/**
 * The bottom-right margin box: 列印日期 and 頁次 N / M. The reader's browser inserts it again with the
 * day it prints (a later rule wins), so a copy printed next year does not carry the build's date.
 */
export function printDateCss(rocDate: string): string {
	return `@page { @bottom-right { content: ${cssString(`列印日期 ${rocDate}`)} "\\A 頁次 " counter(page) " / " counter(pages); font-size: 8pt; white-space: pre; text-align: right; } }`;
}
