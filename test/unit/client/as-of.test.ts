// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { installAsOf, readAsOfDate, type AsOfData } from '../../../src/client/as-of.ts';

const DATA: AsOfData = {
	documents: [
		{
			docNo: 'ISMS-P-005',
			tier: 2,
			versions: [
				{ version: '1.0', title: '資訊安全目標管理程序書', effective: '2020-10-16', url: '/documents/isms-p-005/v1.0/' },
				{ version: '1.1', title: '資訊安全目標管理程序書', effective: '2022-03-01', url: '/documents/isms-p-005/v1.1/' },
			],
		},
	],
	tiers: { 2: '第二階文件' },
};

function page(search: string) {
	document.body.innerHTML = `
		<form data-as-of-form><input name="date" value="2026-11-25"><button type="submit">查詢</button></form>
		<p data-as-of-message hidden></p>
		<output data-as-of-roc></output>
		<table data-as-of-table><tbody></tbody></table>
		<script type="application/json" id="as-of-data">${JSON.stringify(DATA)}</script>`;
	const replaced: string[] = [];
	installAsOf(document, {
		location: { search } as Location,
		history: { replaceState: (_: unknown, __: string, url: string) => void replaced.push(url) } as unknown as History,
	});
	const row = () => document.querySelector<HTMLTableRowElement>('tr[data-doc-no="ISMS-P-005"]');
	return {
		replaced,
		row,
		message: document.querySelector<HTMLElement>('[data-as-of-message]')!,
		roc: document.querySelector('output')!,
		input: document.querySelector('input')!,
	};
}

describe('readAsOfDate', () => {
	it('reads every form staff write, through the portal’s one date parser', () => {
		for (const raw of ['2021-06-01', '110-06-01', '110.06.01', '110/6/1', '民國110年6月1日', '１１０－０６－０１'])
			expect(readAsOfDate(raw, '2026-11-25'), raw).toEqual({ date: '2021-06-01' });
		expect(readAsOfDate(null, '2026-11-25')).toEqual({ date: '2026-11-25' });
		expect(readAsOfDate('  ', '2026-11-25')).toEqual({ date: '2026-11-25' });
	});

	it('names what is wrong instead of guessing', () => {
		expect(readAsOfDate('garbage', '2026-11-25')).toEqual({
			error: '「garbage」不是有效的日期。請輸入西元日期（如 2021-06-01）或民國日期（如 110-06-01、民國110年6月1日）。',
		});
		expect(readAsOfDate('110-02-30', '2026-11-25')).toHaveProperty('error');
	});
});

describe('the /as-of/ page', () => {
	it('shows the version in force on a 民國 date from the address, the date in the ROC calendar', () => {
		const { row, roc, message, input } = page('?date=110-06-01');
		expect(row()?.dataset.version).toBe('1.0');
		expect(roc.textContent).toBe('民國110年6月1日');
		expect(input.value).toBe('2021-06-01');
		expect(message.hidden).toBe(true);
		// Labelled cells for the phone layout.
		expect([...row()!.querySelectorAll('td')].map((td) => td.dataset.label ?? '')).toEqual([
			'',
			'',
			'文件類別',
			'當日適用版次',
			'生效日期',
		]);
	});

	it('says what is wrong with a bad date and shows no table that could pass for an answer', () => {
		const { row, roc, message, input } = page('?date=garbage');
		expect(message.hidden).toBe(false);
		expect(message.textContent).toContain('「garbage」不是有效的日期');
		expect(row()).toBeNull();
		expect(roc.textContent).toBe('—');
		expect(input.getAttribute('aria-invalid')).toBe('true');
		expect(input.value).toBe('garbage');
	});

	it('answers a typed 民國 date and puts it in the address', () => {
		const { row, replaced, input, message } = page('');
		expect(row()?.dataset.version).toBe('1.1');
		input.value = '民國109年12月31日';
		document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
		expect(row()?.dataset.version).toBe('1.0');
		expect(replaced).toEqual(['?date=2020-12-31']);
		input.value = '2019-01-01';
		document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
		expect(row()!.querySelectorAll('td')[3]!.textContent).toBe('尚未發行');
		expect(message.hidden).toBe(true);
	});
});
