import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../cli/run.ts';
import { buildFixture, ROOT, type BuildResult } from './build.ts';

/**
 * Done when (issue 16): from a content tree with only the 2013 soa.yaml, `npm run soa:migrate -- --to 2022`,
 * then `npm run check` and the build succeed, and a document citing only A.9.4.3 is listed under A.5.17
 * marked 依對照表.
 */
const DIR = 'test/.tmp/soa-migrate-tree';
const ENV = {
	PORTAL_SOA_FILE: `${DIR}/soa.yaml`,
	PORTAL_SOA_DIR: `${DIR}/soa`,
	PORTAL_DOCUMENTS_DIR: `${DIR}/documents`,
	PORTAL_TODAY: '2026-11-25',
};
let site: BuildResult;
let migrate: ReturnType<typeof runScript>;
let check: ReturnType<typeof runScript>;

beforeAll(() => {
	rmSync(join(ROOT, DIR), { recursive: true, force: true });
	mkdirSync(join(ROOT, DIR), { recursive: true });
	cpSync(join(ROOT, 'test/fixtures/soa-migrate'), join(ROOT, DIR), { recursive: true });
	migrate = runScript('soa-migrate', ['--to', '2022'], ENV);
	check = runScript('check', [], ENV);
	site = buildFixture('soa-migrate', ENV, 'soa-migrate');
});

describe('soa:migrate, then check and build', () => {
	it('all succeed', () => {
		expect(migrate.status, migrate.stderr).toBe(0);
		expect(check.status, check.stdout).toBe(0);
		expect(site.status, site.stderr).toBe(0);
	});

	it('/soa/ shows the 2022 SoA 2.0 in force: 93 controls in 4 themes', () => {
		const root = parse(site.read('soa/index.html'));
		expect(root.querySelector('[data-soa="version"]')?.text).toBe('2.0');
		expect(root.querySelector('[data-soa="standard"]')?.text).toBe('ISO/IEC 27001:2022 附錄 A');
		expect(root.querySelectorAll('.soa-table tbody[data-domain]').map((b) => b.getAttribute('data-domain'))).toEqual(['5', '6', '7', '8']);
		expect(root.querySelectorAll('.soa-table tr[data-control]')).toHaveLength(93);
	});

	it('lists the document citing only A.9.4.3 under A.5.17, marked 依對照表', () => {
		const row = parse(site.read('soa/index.html')).querySelector('tr#control-a-5-17')!;
		const item = row.querySelector('.soa-docs li[data-doc="ISMS-P-014"]')!;
		expect(item.getAttribute('data-via')).toBe('A.9.4.3');
		expect(item.querySelector('.soa-via')?.text.trim()).toBe('依對照表（A.9.4.3）');
		expect(row.querySelector('.soa-coverage')?.text.trim()).toBe('✓ 已涵蓋（依對照表）');
	});

	it('the document links A.9.4.3 to the A.5.17 row and says so beside it', () => {
		const page = parse(site.read('documents/isms-p-014/index.html'));
		const link = page.querySelector('.doc-body a.ref--control')!;
		expect([link.text, link.getAttribute('href')]).toEqual(['A.9.4.3', '/soa/#control-a-5-17']);
		expect(link.nextElementSibling?.classList.contains('ref-crosswalk')).toBe(true);
		expect(link.nextElementSibling?.text).toBe('→ A.5.17');
		const header = page.querySelector('.doc-header [data-field="controls"] a')!;
		expect([header.text, header.getAttribute('href')]).toEqual(['A.9.4.3', '/soa/#control-a-5-17']);
	});

	it('keeps the 2013 SoA as /soa/v1.2/ (114 controls, superseded) with its exports, and compares the two', () => {
		const v12 = parse(site.read('soa/v1.2/index.html'));
		expect(v12.querySelectorAll('.soa-table tr[data-control]')).toHaveLength(114);
		expect(v12.querySelector('.version-status')?.getAttribute('data-status')).toBe('已被取代');
		expect(v12.querySelector('.version-status')?.text).toContain('本版次已於民國115年11月25日由 2.0 版取代');
		expect(site.exists('soa/v1.2/soa-v1.2.csv')).toBe(true);
		expect(site.exists('soa/v1.2/soa-v1.2.xlsx')).toBe(true);
		const compare = parse(site.read('soa/compare/v1.2-v2.0/index.html'));
		const count = (kind: string) => compare.querySelector(`[data-soa-compare-counts] [data-kind="${kind}"] strong`)?.text;
		expect([count('renamed'), count('merged'), count('new'), count('removed')]).toEqual(['58', '24', '11', '0']);
		expect(compare.querySelector('tr[data-control="A.5.17"]')?.getAttribute('data-kind')).toBe('merged');
	});
});
