import { unzipSync, strFromU8 } from 'fflate';
import { describe, it, expect } from 'vitest';
import { columnName, dateSerial, writeXlsx, xmlText } from '../../src/node/xlsx.ts';
import { readXlsx } from '../xlsx.ts';

describe('writeXlsx', () => {
	const bytes = writeXlsx(
		[
			{
				name: '適用性聲明書',
				header: true,
				widths: [11, 30, 12],
				rows: [
					['編號', '名稱', '最近審查'],
					['A.5.1', '資訊安全政策 <a> & "b"', { date: '2026-01-15' }],
					['A.5.2', '第一行\n第二行', null],
					['A.5.3', 42, ''],
				],
			},
			{ name: '說明', rows: [['版次', '2.0']] },
		],
		{ creator: '臺北市政府警察局', created: '2026-03-01' },
	);
	const sheets = readXlsx(bytes);

	it('is a zip file holding the sheets in order', () => {
		expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
		expect(sheets.map((s) => s.name)).toEqual(['適用性聲明書', '說明']);
	});

	it('keeps text as written (markup characters, line breaks), numbers as numbers and dates as dates', () => {
		expect(sheets[0]!.rows).toEqual([
			['編號', '名稱', '最近審查'],
			['A.5.1', '資訊安全政策 <a> & "b"', { date: '2026-01-15' }],
			['A.5.2', '第一行\n第二行'],
			['A.5.3', 42],
		]);
	});

	it('makes row 1 a bold, frozen header with filters over the table', () => {
		expect(sheets[0]!.frozenRows).toBe(1);
		expect(sheets[0]!.autoFilter).toBe('A1:C4');
		expect(sheets[0]!.bold(0, 0)).toBe(true);
		expect(sheets[0]!.bold(1, 0)).toBe(false);
		expect(sheets[1]!.frozenRows).toBe(0);
		expect(sheets[1]!.autoFilter).toBeUndefined();
	});

	it('writes values that look like formulas as text cells, never as formulas', () => {
		const hostile = writeXlsx([{ name: 'a', rows: [['=HYPERLINK("http://evil.example/","點此")', '+1+1', '@SUM(A1)', '-2+3']] }]);
		expect(readXlsx(hostile)[0]!.rows).toEqual([['=HYPERLINK("http://evil.example/","點此")', '+1+1', '@SUM(A1)', '-2+3']]);
		const xml = strFromU8(unzipSync(hostile)['xl/worksheets/sheet1.xml']!);
		expect(xml).not.toMatch(/<f[\s>]/);
		expect(xml.match(/t="inlineStr"/g)).toHaveLength(4);
	});

	it('writes the same bytes for the same input', () => {
		expect(writeXlsx([{ name: 'a', rows: [['x']] }])).toEqual(writeXlsx([{ name: 'a', rows: [['x']] }]));
	});
});

describe('helpers', () => {
	it('columnName, dateSerial and xmlText', () => {
		expect([1, 12, 26, 27, 52, 53].map(columnName)).toEqual(['A', 'L', 'Z', 'AA', 'AZ', 'BA']);
		expect(dateSerial('1900-03-01')).toBe(61);
		expect(dateSerial('2026-01-15')).toBe(46037);
		expect(xmlText('a<b>&"c"\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
	});
});
