import { describe, expect, it } from 'vitest';
import { fieldsFromText, labelField, readCover } from '../../../src/lib/import/cover.ts';
import { cell, header, para, row, table } from './_ast.ts';

const values = (cover: ReturnType<typeof readCover>) =>
	Object.fromEntries(Object.entries(cover.fields).map(([k, v]) => [k, `${v!.value}@${v!.source}`]));

describe('labelField and fieldsFromText', () => {
	it('knows cover labels however they are spaced and punctuated', () => {
		expect(labelField('文件編號')?.field).toBe('docNo');
		expect(labelField('版　次：')?.field).toBe('version');
		expect(labelField('審核')?.field).toBe('reviewedBy');
		expect(labelField('說明')).toBeUndefined();
	});

	it('reads several 「欄位：值」 pairs from one line', () => {
		expect(fieldsFromText('資訊安全政策　文件編號：ISMS-M-002　版次: 2.0　生效日期：113.05.01')).toEqual([
			{ field: 'docNo', rank: 0, value: 'ISMS-M-002' },
			{ field: 'version', rank: 0, value: '2.0' },
			{ field: 'effective', rank: 0, value: '113.05.01' },
		]);
	});
});

describe('readCover', () => {
	it('reads a label–value cover table (a merged value cell too) and consumes it', () => {
		const cover = table([
			row(cell('文件編號'), cell('ISMS-P-101'), cell('機密等級'), cell('一般')),
			row(cell('文件名稱'), cell('資通安全維護計畫', 1, 3)),
			row(cell('發行日期'), cell('113.01.02'), cell('生效日期'), cell('民國113年10月18日')),
			row(cell('核准'), cell('校長'), cell('審核'), cell('資通安全長')),
		]);
		const body = para('本文。');
		const result = readCover([cover, body]);
		expect(values(result)).toEqual({
			docNo: 'ISMS-P-101@cover',
			classification: '一般@cover',
			title: '資通安全維護計畫@cover',
			effective: '民國113年10月18日@cover',
			approvedBy: '校長@cover',
			reviewedBy: '資通安全長@cover',
		});
		expect([...result.consumed]).toEqual([cover]);
	});

	it('reads labels over a single row of values', () => {
		const cover = table([row(cell('文件編號'), cell('版次'), cell('權責單位')), row(cell('ISMS-S-203'), cell('1.0'), cell('資訊室'))]);
		expect(values(readCover([cover]))).toEqual({ docNo: 'ISMS-S-203@cover', version: '1.0@cover', owner: '資訊室@cover' });
	});

	it('leaves a revision record table (labels over several rows) in the body', () => {
		const record = table([
			row(cell('版次'), cell('修訂日期'), cell('核准')),
			row(cell('1.0'), cell('110.01.01'), cell('局長')),
			row(cell('1.1'), cell('111.01.01'), cell('局長')),
		]);
		expect(readCover([record]).consumed.size).toBe(0);
	});

	it('reads 「欄位：值」 paragraphs before the first heading, and drops the line repeating the title', () => {
		const title = para('資訊安全政策');
		const line = para('文件名稱：資訊安全政策　文件編號：ISMS-M-001');
		const later = para('版次：9.9');
		const result = readCover([title, line, header(1, '壹、目的'), later]);
		expect(values(result)).toEqual({ title: '資訊安全政策@cover', docNo: 'ISMS-M-001@cover' });
		expect(result.consumed).toEqual(new Set([title, line]));
	});

	it('fills from the page header, then the document properties, what the cover lacks', () => {
		const cover = table([row(cell('文件編號'), cell('ISMS-P-001'), cell('版次'), cell('1.0'))]);
		const result = readCover([cover], ['文件編號：ISMS-P-999　審核：資訊室主任'], {
			title: '屬性標題',
			fields: { 權責單位: '資訊室', 其他: 'x' },
		});
		expect(values(result)).toEqual({
			docNo: 'ISMS-P-001@cover',
			version: '1.0@cover',
			reviewedBy: '資訊室主任@header',
			owner: '資訊室@properties',
			title: '屬性標題@properties',
		});
	});
});

describe('readCover with an ODT table', () => {
	it("reads labels over values when pandoc's ODT reader adds an empty header row", () => {
		const cover = table([row(cell('文件編號'), cell('版次')), row(cell('ISMS-S-203'), cell('1.0'))], [row(cell(''), cell(''))]);
		expect(values(readCover([cover]))).toEqual({ docNo: 'ISMS-S-203@cover', version: '1.0@cover' });
	});
});
