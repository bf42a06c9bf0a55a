import { readXlsx } from '../xlsx.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuildResult } from './build.ts';

/** corpus-basic with test/fixtures/soa/basic.yaml, as of 2025-01-15 (ISMS-M-001 claims A.5.1.1, ISMS-F-001 A.8.1.1). */
let site: BuildResult;
const soaPage = () => parse(site.read('soa/index.html'));

beforeAll(() => {
	site = buildFixture('corpus-basic');
	if (site.status !== 0) throw new Error(site.stderr);
});

describe('/soa/', () => {
	it('shows the SoA version, approval and effective date', () => {
		const root = soaPage();
		expect(root.querySelector('[data-soa="version"]')?.text).toBe('1.1');
		expect(root.querySelector('[data-soa="approvedBy"]')?.text).toBe('資通安全長');
		expect(root.querySelector('[data-soa="effective"]')?.text).toBe('民國113年12月1日');
	});

	it('lists all 114 controls of the 2013 catalogue under 14 domains, each row with an anchor', () => {
		const root = soaPage();
		const bodies = root.querySelectorAll('.soa-table tbody[data-domain]');
		expect(bodies.map((b) => b.getAttribute('data-domain'))).toEqual([
			'A.5',
			'A.6',
			'A.7',
			'A.8',
			'A.9',
			'A.10',
			'A.11',
			'A.12',
			'A.13',
			'A.14',
			'A.15',
			'A.16',
			'A.17',
			'A.18',
		]);
		const rows = root.querySelectorAll('.soa-table tr[data-control]');
		expect(rows).toHaveLength(114);
		expect(root.querySelector('tr#control-a-9-2-1')?.getAttribute('data-control')).toBe('A.9.2.1');
	});

	it('derives implementing documents from the versions in force, and marks coverage in words', () => {
		const row = soaPage().querySelector('tr#control-a-5-1-1')!;
		expect(row.querySelector('.soa-docs a')?.getAttribute('href')).toBe('/documents/isms-m-001/');
		expect(row.querySelector('.soa-coverage')?.text.trim()).toBe('✓ 已涵蓋');
		expect(row.text).toContain('風險評鑑、法規要求');
		expect(row.text).toContain('已實施');
		expect(soaPage().querySelector('tr#control-a-9-2-1 .soa-coverage')?.text.trim()).toBe('✗ 未涵蓋');
	});

	it('lists every kind of gap at the top', () => {
		const root = soaPage();
		const gap = (kind: string) => root.querySelectorAll(`.soa-gap[data-gap="${kind}"] li a`).map((a) => a.text);
		expect(gap('uncovered')).toEqual(['A.5.1.2', 'A.9.2.1']);
		expect(gap('claimed-not-applicable')).toEqual(['A.8.1.1']);
		expect(gap('unjustified')).toEqual(['A.14.2.7']);
		expect(gap('missing')).toHaveLength(114 - 6);
	});

	it('summarises each domain and draws the chart as inline SVG', () => {
		const root = soaPage();
		const a5 = root
			.querySelector('.soa-summary tr[data-domain="A.5"]')!
			.querySelectorAll('td')
			.map((td) => td.text);
		expect(a5).toEqual(['2', '2', '1', '2', '50%', '100%']);
		expect(root.querySelector('.soa-chart svg[role="img"] title')?.text).toBe('各領域涵蓋率與實施率');
		expect(root.querySelectorAll('.soa-chart svg .soa-chart__covered')).toHaveLength(14 + 1);
	});

	it('offers filters for gaps, applicability and status', () => {
		const form = soaPage().querySelector('[data-soa-filters]')!;
		expect(form.querySelectorAll('input[name="show"]').map((i) => i.getAttribute('value'))).toEqual(['all', 'applicable', 'gaps']);
		expect(form.querySelectorAll('select[name="status"] option').map((o) => o.text)).toEqual([
			'全部狀態',
			'已實施',
			'部分實施',
			'規劃中',
			'未實施',
		]);
		expect(soaPage().querySelector('tr#control-a-9-2-1')?.getAttribute('data-gap')).toBe('yes');
		expect(soaPage().querySelector('tr#control-a-9-2-1')?.getAttribute('data-status')).toBe('partial');
	});

	it('is linked from the controls a document page says it implements', () => {
		const controls = parse(site.read('documents/isms-m-001/index.html')).querySelector('.doc-header [data-field="controls"]')!;
		expect(controls.querySelectorAll('a').map((a) => [a.text, a.getAttribute('href')])).toEqual([['A.5.1.1', '/soa/#control-a-5-1-1']]);
	});

	it('is the target of control references in documents', () => {
		const link = parse(site.read('documents/isms-m-001/index.html')).querySelector('a.ref--control');
		expect(link?.text).toBe('A.9.2.1');
		expect(link?.getAttribute('href')).toBe('/soa/#control-a-9-2-1');
	});
});

describe('exports', () => {
	it('/soa.csv is UTF-8 with BOM, the column header on row 1, then the same 114 rows', () => {
		const csv = site.read('soa.csv');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[0]).toBe(
			'控制措施編號,控制措施名稱,英文名稱,領域,是否適用,選用理由／不適用理由,實施狀態,權責單位,佐證,實作文件,涵蓋,最近審查',
		);
		const records = lines.slice(1).filter((line) => /^A\.\d/.test(line));
		expect(records).toHaveLength(114);
		expect(lines[1]).toMatch(
			/^A\.5\.1\.1,資訊安全政策,Policies for information security,A\.5 資訊安全政策,適用,風險評鑑、法規要求,已實施,資通安全處理小組,資訊安全管理政策公告紀錄,ISMS-M-001 資訊安全管理政策,已涵蓋,2024-12-01$/,
		);
	});

	it('/soa.xlsx opens as a workbook: header on row 1 (bold, frozen, filtered), 114 rows, dates as dates, the version on a second sheet', () => {
		const [sheet, info] = readXlsx(new Uint8Array(readFileSync(join(site.outDir, 'soa.xlsx'))));
		expect(sheet!.name).toBe('適用性聲明書');
		expect(sheet!.rows[0]).toEqual([
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
		expect(sheet!.bold(0, 0)).toBe(true);
		expect(sheet!.frozenRows).toBe(1);
		expect(sheet!.autoFilter).toBe('A1:L115');
		const ids = sheet!.rows.slice(1).map((row) => row[0]);
		expect(ids).toHaveLength(114);
		expect(ids[0]).toBe('A.5.1.1');
		expect(sheet!.rows[1]![11]).toEqual({ date: '2024-12-01' });
		expect(sheet!.rows[1 + ids.indexOf('A.9.2.1')]![6]).toBe('部分實施');
		expect(info!.rows).toContainEqual(['版次', '1.1']);
		expect(info!.rows).toContainEqual(['生效日期', { date: '2024-12-01' }]);
	});
});

describe('/reviews/', () => {
	it('lists every document in force with its next review, overdue ones first and highlighted', () => {
		const root = parse(site.read('reviews/index.html'));
		const rows = root.querySelectorAll('.review-table tbody tr');
		expect(rows.map((r) => [r.getAttribute('data-doc-no'), r.getAttribute('data-state'), r.getAttribute('data-due')])).toEqual([
			['ISMS-M-001', 'overdue', '2021-10-16'],
			['ISMS-F-001', 'overdue', '2022-05-01'],
			['ISMS-P-005', 'overdue', '2024-03-01'],
		]);
		expect(rows[0]!.querySelector('.review-state')?.text).toBe('已逾期');
		expect(root.querySelector('[data-count="overdue"]')?.text).toBe('3');
		expect(root.querySelector('#soa-progress')).not.toBeNull();
	});
});
