import { describe, it, expect } from 'vitest';
import { loadControls } from '../../../src/node/controls.ts';
import type { Soa } from '../../../src/lib/soa/data.ts';
import { soaComparisonPath, soaExportPath, soaModel, soaVersionPath } from '../../../src/lib/soa/model.ts';
import { soaNotice } from '../../../src/lib/soa/notice.ts';
import { resolveSoaVersions } from '../../../src/lib/soa/versions.ts';
import { PROJECT_ROOT } from '../_helpers.ts';

const { c2013, c2022, crosswalk } = loadControls(PROJECT_ROOT);
const catalogues = { '2013': c2013, '2022': c2022 };
const v12: Soa = {
	file: 'content/soa/1.2.yaml',
	version: '1.2',
	effective: '2026-01-15',
	approvedBy: '資通安全長',
	catalogue: '2013',
	entries: { 'A.9.4.3': { id: 'A.9.4.3', applicable: true, reasons: ['risk'], status: 'implemented' } },
};
const v20: Soa = {
	file: 'content/soa/2.0.yaml',
	version: '2.0',
	effective: '2026-11-01',
	approvedBy: '資通安全長',
	catalogue: '2022',
	changes: '轉版',
	entries: { 'A.5.17': { id: 'A.5.17', applicable: true, reasons: ['risk'], status: 'implemented' } },
};
const documents = [
	{
		docNo: 'ISMS-S-001',
		title: '通行碼管理作業說明書',
		url: '/documents/isms-s-001/',
		controls: ['A.9.4.3'],
		cited: ['A.9.4.3', 'A.5.17'],
	},
	{ docNo: 'ISMS-P-014', title: '存取控制管理程序書', url: '/documents/isms-p-014/', controls: ['A.5.15'], cited: [] },
];
const model = (today: string) => {
	const resolved = resolveSoaVersions([v12, v20], today);
	return soaModel({
		catalogues,
		crosswalk,
		versions: resolved.versions,
		...(resolved.current ? { current: resolved.current } : {}),
		fallback: '2013',
		documents,
	});
};

describe('soaModel', () => {
	const m = model('2026-11-25');

	it('the catalogue follows the SoA in force: 2022 after 2.0 takes effect, 2013 before', () => {
		expect([m.standard, m.edition, m.meta?.version, m.matrix?.rows.length]).toEqual(['ISO/IEC 27001:2022', '2022', '2.0', 93]);
		const before = model('2026-10-31');
		expect([before.standard, before.meta?.version, before.matrix?.rows.length]).toEqual(['ISO/IEC 27001:2013', '1.2', 114]);
	});

	it('every version has its page and matrix on its own catalogue, newest first, and the pair is compared', () => {
		expect(m.versions.map((v) => [v.meta.version, v.state, v.path, v.matrix.rows.length])).toEqual([
			['2.0', 'current', '/soa/v2.0/', 93],
			['1.2', 'superseded', '/soa/v1.2/', 114],
		]);
		expect(m.comparisons.map((c) => c.path)).toEqual(['/soa/compare/v1.2-v2.0/']);
		expect(m.comparisons[0]!.comparison.crossCatalogue).toBe(true);
	});

	it('links a control id of either catalogue to the rows in force covering it', () => {
		expect(m.links['A.9.4.3']).toEqual(['A.5.17']);
		expect(m.links['A.5.17']).toEqual(['A.5.17']);
		expect(model('2026-10-31').links['A.5.17']).toEqual(['A.9.2.4', 'A.9.3.1', 'A.9.4.3']);
	});

	it('lists the documents still citing the old catalogue, in controls and in text', () => {
		expect(m.legacy).toEqual([
			{ docNo: 'ISMS-S-001', title: '通行碼管理作業說明書', url: '/documents/isms-s-001/', controls: ['A.9.4.3'], text: ['A.9.4.3'] },
		]);
		expect(model('2026-10-31').legacy.map((d) => [d.docNo, d.controls, d.text])).toEqual([
			['ISMS-P-014', ['A.5.15'], []],
			['ISMS-S-001', [], ['A.5.17']],
		]);
	});

	it('without SoA data shows the configured catalogue, every control missing', () => {
		const none = soaModel({ catalogues, crosswalk, versions: [], fallback: '2022', documents: [] });
		expect([none.standard, none.meta, none.versions, none.matrix?.gaps.missing.length]).toEqual(['ISO/IEC 27001:2022', undefined, [], 93]);
	});

	it('paths', () => {
		expect([soaVersionPath('1.2'), soaComparisonPath('1.2', '2.0'), soaExportPath('1.2', 'xlsx')]).toEqual([
			'/soa/v1.2/',
			'/soa/compare/v1.2-v2.0/',
			'/soa/v1.2/soa-v1.2.xlsx',
		]);
	});
});

describe('soaNotice', () => {
	const m = model('2026-11-25');
	it('a superseded version says when and by which it was replaced, and leads to the one in force', () => {
		expect(soaNotice(m.versions[1]!, m.versions, '/soa/')).toEqual({
			tone: 'danger',
			label: '已被取代',
			message: '本版次已於民國115年11月1日由 2.0 版取代，僅供查考。',
			link: { href: '/soa/', text: '前往現行適用性聲明書（第 2.0 版）' },
		});
		expect(soaNotice(m.versions[0]!, m.versions, '/soa/')).toBeUndefined();
	});

	it('an upcoming version says when it takes effect', () => {
		const early = model('2026-10-31');
		expect(soaNotice(early.versions[0]!, early.versions, '/soa/')).toMatchObject({
			tone: 'caution',
			label: '尚未生效',
			message: '本版次將於民國115年11月1日生效；在此之前以現行第 1.2 版為準。',
		});
	});
});
