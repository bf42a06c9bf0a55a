import { CLASSIFICATION_LABELS, type Classification } from './classification.ts';
import { cssString } from './escape.ts';
import type { PublishedVersion } from './portal.ts';

/** The notice every printed copy carries (a controlled copy is the one on the portal). */
export const PRINT_NOTICE = '列印本僅供參考，現行版本以入口網為準';

/**
 * The running header and footer of a printed document page, as `@page` margin boxes (supported by
 * current Chromium): 文件編號 文件名稱 at the top left, 版次 and 機密等級 at the top right, the notice at the
 * bottom left and 頁次 N / M at the bottom right.
 */
export function printPageCss(version: PublishedVersion, labels: Record<Classification, string> = CLASSIFICATION_LABELS): string {
	const left = `${version.docNo} ${version.title}`;
	const right = `版次 ${version.version}　機密等級 ${labels[version.classification]}`;
	return `@page {
	size: A4;
	margin: 22mm 16mm 20mm;
	@top-left { content: ${cssString(left)}; font-size: 9pt; }
	@top-right { content: ${cssString(right)}; font-size: 9pt; }
	@bottom-left { content: ${cssString(PRINT_NOTICE)}; font-size: 8pt; }
	@bottom-right { content: "頁次 " counter(page) " / " counter(pages); font-size: 9pt; }
}`;
}
