import { describe, it, expect } from 'vitest';
import { loadControls } from '../../../src/node/controls.ts';
import { parseSoa, type Soa, type SoaEntry } from '../../../src/lib/soa/data.ts';
import { AWAITING_NOTE, migrateSoa, soaYaml } from '../../../src/lib/soa/migrate.ts';
import { PROJECT_ROOT } from '../_helpers.ts';

const { c2013, c2022, crosswalk } = loadControls(PROJECT_ROOT);
const NEW_IN_2022 = ['A.5.7', 'A.5.23', 'A.5.30', 'A.7.4', 'A.8.9', 'A.8.10', 'A.8.11', 'A.8.12', 'A.8.16', 'A.8.23', 'A.8.28'];

const entry = (id: string, fields: Partial<SoaEntry> = {}): SoaEntry => ({
	id,
	applicable: true,
	reasons: ['risk'],
	status: 'implemented',
	owner: '資訊室',
	evidence: '年度紀錄',
	lastReviewed: '2026-01-15',
	...fields,
});

/** Every 2013 control applicable and implemented, except the entries given. */
function soa2013(...given: SoaEntry[]): Soa {
	const byId = new Map(given.map((e) => [e.id, e]));
	return {
		file: 'content/soa.yaml',
		version: '1.2',
		effective: '2026-01-15',
		approvedBy: '資通安全長',
		preparedBy: '資通安全處理小組',
		catalogue: '2013',
		entries: Object.fromEntries(c2013!.controls.map((c) => [c.id, byId.get(c.id) ?? entry(c.id)])),
	};
}
const migrate = (soa: Soa) => migrateSoa({ soa, c2013: c2013!, c2022: c2022!, crosswalk, version: '2.0', effective: '2026-11-01' });

describe('migrateSoa', () => {
	it('writes one entry per 2022 control, on the 2022 catalogue, with the new version and date', () => {
		const { soa, summary } = migrate(soa2013());
		expect(Object.keys(soa.entries)).toEqual(c2022!.controls.map((c) => c.id));
		expect([soa.version, soa.effective, soa.catalogue, soa.approvedBy, soa.preparedBy]).toEqual([
			'2.0',
			'2026-11-01',
			'2022',
			'資通安全長',
			'資通安全處理小組',
		]);
		expect([summary.renamed.length, summary.merged.length, summary.awaiting.length]).toEqual([58, 24, 11]);
		expect(soa.changes).toContain('更名 58 項、合併 24 項、新增 11 項待評估');
	});

	it('renamed controls carry their data unchanged', () => {
		const old = entry('A.9.4.2', {
			reasons: ['law', 'practice'],
			status: 'partial',
			owner: '資訊室',
			evidence: '登入程序設定紀錄',
			lastReviewed: '2025-12-01',
			note: '預定 115 年完成',
		});
		const { soa } = migrate(soa2013(old));
		expect(soa.entries['A.8.5']).toEqual({ ...old, id: 'A.8.5' });
		const excluded: SoaEntry = {
			id: 'A.6.2.2',
			applicable: false,
			reasons: [],
			justification: '本局不開放遠距工作。',
			owner: '資訊室',
			lastReviewed: '2026-01-15',
		};
		expect(migrate(soa2013(excluded)).soa.entries['A.6.7']).toEqual({ ...excluded, id: 'A.6.7' });
	});

	it('merged controls combine reasons, owners and evidence, take the least advanced status and name their 2013 sources', () => {
		const { soa } = migrate(
			soa2013(
				entry('A.9.2.4', {
					reasons: ['risk'],
					status: 'implemented',
					owner: '資訊室',
					evidence: '秘密鑑別資訊交付紀錄',
					lastReviewed: '2026-01-15',
				}),
				entry('A.9.3.1', {
					reasons: ['law'],
					status: 'partial',
					owner: '人事室',
					evidence: '通行碼使用宣導紀錄',
					lastReviewed: '2025-12-20',
					note: '分局尚未宣導',
				}),
				entry('A.9.4.3', {
					reasons: ['risk', 'practice'],
					status: 'planned',
					owner: '資訊室',
					evidence: '通行碼管理系統設定',
					lastReviewed: '2026-01-10',
					note: '115 年建置',
				}),
			),
		);
		const merged = soa.entries['A.5.17']!;
		expect(merged.applicable).toBe(true);
		expect(merged.reasons).toEqual(['risk', 'law', 'practice']);
		expect(merged.status).toBe('planned');
		expect(merged.owner).toBe('資訊室、人事室');
		expect(merged.evidence).toBe('A.9.2.4：秘密鑑別資訊交付紀錄；A.9.3.1：通行碼使用宣導紀錄；A.9.4.3：通行碼管理系統設定');
		expect(merged.lastReviewed).toBe('2025-12-20');
		expect(merged.note).toBe(
			'由 2013 版 A.9.2.4、A.9.3.1、A.9.4.3 合併（第 1.2 版），實施狀態取其中最低者。\nA.9.3.1：分局尚未宣導\nA.9.4.3：115 年建置',
		);
	});

	it('a merge of excluded and applicable sources is applicable, and says which were excluded and why', () => {
		const { soa } = migrate(
			soa2013(
				{ id: 'A.8.1.1', applicable: false, reasons: [], justification: '另案辦理。' },
				entry('A.8.1.2', { status: 'not-implemented' }),
			),
		);
		const merged = soa.entries['A.5.9']!;
		expect([merged.applicable, merged.status, merged.evidence]).toEqual([true, 'not-implemented', '年度紀錄']);
		expect(merged.note).toContain('A.8.1.1 原列不適用：另案辦理。');
	});

	it('a merge of excluded sources stays excluded with their justifications', () => {
		const { soa } = migrate(
			soa2013(
				{ id: 'A.17.1.1', applicable: false, reasons: [], justification: '甲' },
				{ id: 'A.17.1.2', applicable: false, reasons: [], justification: '乙' },
				{ id: 'A.17.1.3', applicable: false, reasons: [], justification: '甲' },
			),
		);
		expect(soa.entries['A.5.29']).toMatchObject({
			applicable: false,
			reasons: [],
			justification: 'A.17.1.1：甲；A.17.1.2：乙；A.17.1.3：甲',
		});
		expect(soa.entries['A.5.29']!.status).toBeUndefined();
	});

	it('the 11 controls new in 2022 are applicable, 規劃中, awaiting assessment (no lastReviewed)', () => {
		const { soa, summary } = migrate(soa2013());
		expect(summary.awaiting).toEqual(NEW_IN_2022);
		for (const id of NEW_IN_2022)
			expect(soa.entries[id]).toEqual({ id, applicable: true, reasons: ['risk'], status: 'planned', note: AWAITING_NOTE });
	});

	it('2013 ids in justifications are rewritten to their one 2022 counterpart, and flagged in the note when there are several', () => {
		const { soa, summary } = migrate(
			soa2013(
				{ id: 'A.6.2.2', applicable: false, reasons: [], justification: '相關風險已由 A.6.2.1、A.8.3.1 及 A.9.1.2 控制。' },
				{ id: 'A.14.2.7', applicable: false, reasons: [], justification: '委外維運之遵循性由 A.18.2.3 審查。' },
			),
		);
		expect(soa.entries['A.6.7']!.justification).toBe('相關風險已由 A.8.1、A.7.10 及 A.5.15 控制。');
		expect(soa.entries['A.6.7']!.note).toBe('文中 2013 版編號已依對照表改寫：A.6.2.1→A.8.1、A.8.3.1→A.7.10、A.9.1.2→A.5.15。');
		expect(soa.entries['A.8.30']!.justification).toBe('委外維運之遵循性由 A.18.2.3 審查。');
		expect(soa.entries['A.8.30']!.note).toBe('〔待確認〕文中引用之 2013 版 A.18.2.3 對應 2022 版 A.5.36、A.8.8，請擇定後改寫。');
		expect(summary.flagged).toEqual([{ id: 'A.8.30', cited: 'A.18.2.3', counterparts: ['A.5.36', 'A.8.8'] }]);
	});
});

describe('soaYaml', () => {
	const { soa } = migrate(soa2013(entry('A.9.3.1', { status: 'partial', note: '第一行\n第二行' })));
	const text = soaYaml(soa, c2022!, ['標頭說明']);

	it('reads back as the same SoA, with no problem', () => {
		const back = parseSoa(text, 'content/soa/2.0.yaml', { '2013': c2013, '2022': c2022 }, crosswalk);
		expect(back.problems).toEqual([]);
		expect(back.soa!.entries).toEqual(soa.entries);
		expect(back.soa!.version).toBe('2.0');
	});

	it('is written as staff write it: quoted version and catalogue, a comment per theme, Chinese reasons and status', () => {
		expect(text.startsWith('# 標頭說明\n')).toBe(true);
		expect(text).toContain('version: "2.0"\n');
		expect(text).toContain('catalogue: "2022"\n');
		expect(text).toContain('  # 主題 5 組織控制措施\n  A.5.1:\n    applicable: true\n    reasons: [風險評鑑]\n    status: 已實施\n');
		expect(text).toContain('\n\n  # 主題 8 技術控制措施\n  A.8.1:');
	});
});
