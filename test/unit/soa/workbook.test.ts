import { describe, it, expect } from 'vitest';
import { loadControls } from '../../../src/node/controls.ts';
import { SOA_COLUMNS, soaCells, type SoaHeading } from '../../../src/lib/soa/export.ts';
import { computeSoa } from '../../../src/lib/soa/matrix.ts';
import { SOA_INFO_SHEET, SOA_SHEET, soaSheets } from '../../../src/lib/soa/workbook.ts';
import { PROJECT_ROOT } from '../_helpers.ts';

const c2013 = loadControls(PROJECT_ROOT).c2013!;
const matrix = computeSoa(
	c2013,
	{
		file: 'content/soa.yaml',
		version: '1.2',
		effective: '2026-01-15',
		approvedBy: '資通安全長',
		catalogue: '2013',
		entries: { 'A.5.1.1': { id: 'A.5.1.1', applicable: true, reasons: ['risk'], status: 'implemented', lastReviewed: '2026-01-15' } },
	},
	[],
);
const HEADING: SoaHeading = {
	standard: 'ISO/IEC 27001:2013',
	organization: '臺北市政府警察局',
	version: '1.2',
	effective: '2026-01-15',
	approvedBy: '資通安全長',
	changes: '依 114 年度風險評鑑結果更新。',
	generated: '2026-03-01',
};

describe('soaSheets', () => {
	const [table, info] = soaSheets(matrix, HEADING);

	it('puts the column header on row 1 of the table sheet, then one typed row per control', () => {
		expect(table!.name).toBe(SOA_SHEET);
		expect(table!.header).toBe(true);
		expect(table!.rows[0]).toEqual([...SOA_COLUMNS]);
		expect(table!.rows.slice(1)).toEqual(soaCells(matrix));
		expect(table!.rows[1]![SOA_COLUMNS.indexOf('最近審查')]).toEqual({ date: '2026-01-15' });
		expect(table!.widths).toHaveLength(SOA_COLUMNS.length);
	});

	it('says which SoA version it is on a second sheet, dates as dates, 修訂說明 in full', () => {
		expect(info!.name).toBe(SOA_INFO_SHEET);
		expect(info!.rows).toContainEqual(['版次', '1.2']);
		expect(info!.rows).toContainEqual(['生效日期', { date: '2026-01-15' }]);
		expect(info!.rows).toContainEqual(['修訂說明', '依 114 年度風險評鑑結果更新。']);
		expect(info!.rows).toContainEqual(['產製日期', { date: '2026-03-01' }]);
	});

	it('without SoA data says so', () => {
		const [, none] = soaSheets(computeSoa(c2013, undefined, []), {
			standard: 'ISO/IEC 27001:2013',
			organization: '臺北市政府警察局',
			generated: '2026-03-01',
		});
		expect(none!.rows).toContainEqual(['狀態', '尚未建立適用性聲明書資料']);
	});
});
