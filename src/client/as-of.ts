import { formatRocDate, parseDateInput } from '../lib/documents/dates.ts';
import { versionInForce, type VersionTiming } from '../lib/documents/resolve.ts';

export interface AsOfRow extends VersionTiming {
	title: string;
	url: string;
}
export interface AsOfData {
	documents: { docNo: string; tier: 1 | 2 | 3 | 4; versions: AsOfRow[] }[];
	tiers: Record<string, string>;
}

/**
 * A date as staff type it or put it in the address (`2021-06-01`, `110-06-01`, `民國110年6月1日`,
 * `110/6/1`, full-width digits): the portal's one date parser (src/lib/documents/dates.ts, loose as for a cover
 * page). Undefined input takes the default; anything else unreadable is named in the error.
 */
export function readAsOfDate(raw: string | null | undefined, fallback: string): { date: string } | { error: string } {
	if (raw === null || raw === undefined || raw.trim() === '') return { date: fallback };
	const date = parseDateInput(raw, true);
	if (date) return { date };
	const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
	return { error: `「${shown}」不是有效的日期。請輸入西元日期（如 2021-06-01）或民國日期（如 110-06-01、民國110年6月1日）。` };
}

/** The table's rows for `date`: each document's version in force that day, its cells labelled for phones. */
export function asOfRows(doc: Document, data: AsOfData, date: string): HTMLTableRowElement[] {
	const cell = (content: string | Node, label?: string, className?: string) => {
		const td = doc.createElement('td');
		td.append(content);
		if (label) td.dataset.label = label;
		if (className) td.className = className;
		return td;
	};
	const link = (href: string, text: string) => Object.assign(doc.createElement('a'), { href, textContent: text });
	return data.documents.map((entry) => {
		const row = doc.createElement('tr');
		row.dataset.docNo = entry.docNo;
		const inForce = versionInForce(entry.versions, date);
		const named = inForce ?? entry.versions.at(-1)!;
		row.append(
			cell(entry.docNo, undefined, 'doc-table__no'),
			cell(named.title),
			cell(data.tiers[entry.tier] ?? '', '文件類別', 'doc-table__nowrap'),
		);
		if (!inForce) {
			row.append(cell('尚未發行', '當日適用版次'), cell('—', '生效日期'));
		} else if (inForce.status === 'withdrawn') {
			row.append(
				cell(`已廢止（第 ${inForce.version} 版）`, '當日適用版次'),
				cell(formatRocDate(inForce.effective), '生效日期', 'doc-table__nowrap'),
			);
		} else {
			row.append(
				cell(link(inForce.url, `第 ${inForce.version} 版`), '當日適用版次', 'doc-table__nowrap'),
				cell(formatRocDate(inForce.effective), '生效日期', 'doc-table__nowrap'),
			);
		}
		row.dataset.version = inForce?.version ?? '';
		return row;
	});
}

/**
 * The /as-of/ page: reads `?date=` (any form staff write), shows the versions in force that day and the
 * day in the ROC calendar; an unreadable date is said in words, with nothing in the table that could
 * pass for an answer. The form changes the address, so a result can be bookmarked or sent.
 */
export function installAsOf(doc: Document = document, win: Pick<Window, 'location' | 'history'> = window): void {
	const data = JSON.parse(doc.getElementById('as-of-data')!.textContent!) as AsOfData;
	const form = doc.querySelector<HTMLFormElement>('[data-as-of-form]')!;
	const input = form.querySelector<HTMLInputElement>('input[name="date"]')!;
	const roc = doc.querySelector<HTMLElement>('[data-as-of-roc]')!;
	const message = doc.querySelector<HTMLElement>('[data-as-of-message]')!;
	const body = doc.querySelector<HTMLTableSectionElement>('[data-as-of-table] tbody')!;
	const fallback = input.defaultValue;

	const show = (raw: string | null, push: boolean) => {
		const result = readAsOfDate(raw, fallback);
		if ('error' in result) {
			message.textContent = result.error;
			message.hidden = false;
			input.setAttribute('aria-invalid', 'true');
			roc.textContent = '—';
			body.replaceChildren();
			if (raw !== null) input.value = raw;
			return;
		}
		message.textContent = '';
		message.hidden = true;
		input.removeAttribute('aria-invalid');
		input.value = result.date;
		roc.textContent = formatRocDate(result.date);
		body.replaceChildren(...asOfRows(doc, data, result.date));
		if (push) win.history.replaceState(null, '', `?date=${result.date}`);
	};

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		show(input.value, true);
	});
	show(new URLSearchParams(win.location.search).get('date'), false);
}
