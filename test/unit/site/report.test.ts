import { afterEach, describe, it, expect } from 'vitest';
import { loadControls } from '../../../src/node/controls.ts';
import { portalConfigSchema } from '../../../src/schemas/config.ts';
import type { BuildSettings } from '../../../src/lib/site/settings.ts';
import { buildPortal } from '../../../src/node/portal.ts';
import type { PortalModel } from '../../../src/lib/documents/portal.ts';
import { complianceReport, FAIL_ON } from '../../../src/lib/site/report.ts';
import { buildSettings, DOCS, copyControls, makeTree, PROJECT_ROOT, removeTempDirs, versionFile } from '../_helpers.ts';

afterEach(removeTempDirs);

const c2013 = loadControls(PROJECT_ROOT).c2013!;
const SOA_FILE = 'data/soa-test.yaml';
const TODAY = '2025-06-15';
const config = portalConfigSchema.parse({ organization: '臺北市政府警察局', siteTitle: '資安文件入口網' });
const settings = (overrides: Partial<BuildSettings> = {}): BuildSettings =>
	buildSettings({ today: TODAY, soaFile: SOA_FILE, ...overrides });

/** SoA YAML for the 2013 catalogue: every control excluded with a justification, except `controls` (raw YAML lines, `null` to leave a control out). */
function soaYaml(controls: Record<string, string[] | null> = {}): string {
	const lines = ['version: "1.2"', 'effective: 2025-01-15', 'approvedBy: 資通安全長', 'catalogue: "2013"', 'controls:'];
	for (const { id } of c2013.controls) {
		const fields = id in controls ? controls[id] : ['applicable: false', 'justification: 本局無此業務。', 'owner: 資訊室'];
		if (fields === null || fields === undefined) continue;
		lines.push(`  ${id}:`, ...fields.map((f) => `    ${f}`));
	}
	return `${lines.join('\n')}\n`;
}

const applicable = (status: string) => ['applicable: true', 'reasons: [風險評鑑]', `status: ${status}`];

/** A document in force on TODAY, with the given review data and controls. */
function docFile(docNo: string, title: string, fields: Record<string, string> = {}): string {
	return versionFile(docNo, '1.0', { title, effective: '2020-01-01', ...fields });
}

/**
 * Reviews on 2025-06-15: P-004 16 days overdue, M-001 5 days overdue, P-003 due today,
 * P-001 due in 16 days, P-002 fine. SoA gaps: A.6.1.2 and A.6.1.3 uncovered, A.6.2.2 claimed
 * though excluded, A.6.2.1 excluded without justification, A.18.2.3 missing.
 */
function gappyModel(): PortalModel {
	const root = makeTree({
		[`${DOCS}/ISMS-M-001/1.0.mdx`]: docFile('ISMS-M-001', '資訊安全管理政策', {
			tier: '1',
			lastReviewed: '2024-06-10',
			controls: '[A.5.1.1, A.5.1.2]',
		}),
		[`${DOCS}/ISMS-P-001/1.0.mdx`]: docFile('ISMS-P-001', '文件管理程序書', { lastReviewed: '2024-07-01', controls: '[A.6.2.2]' }),
		[`${DOCS}/ISMS-P-002/1.0.mdx`]: docFile('ISMS-P-002', '資訊安全組織管理程序書', {
			lastReviewed: '2025-01-01',
			controls: '[A.6.1.1, A.6.1.4]',
		}),
		[`${DOCS}/ISMS-P-003/1.0.mdx`]: docFile('ISMS-P-003', '資產管理程序書', { lastReviewed: '2024-06-15' }),
		[`${DOCS}/ISMS-P-004/1.0.mdx`]: docFile('ISMS-P-004', '存取控制程序書', { lastReviewed: '2024-11-30', reviewEveryMonths: '6' }),
		[SOA_FILE]: soaYaml({
			'A.5.1.1': applicable('已實施'),
			'A.5.1.2': applicable('部分實施'),
			'A.6.1.1': applicable('implemented'),
			'A.6.1.2': applicable('未實施'),
			'A.6.1.3': [...applicable('規劃中'), 'note: 預定 114 年 12 月完成'],
			'A.6.1.4': applicable('已實施'),
			'A.6.2.1': ['applicable: false', 'owner: 資訊室'],
			'A.18.2.3': null,
		}),
	});
	copyControls(root);
	const { model, problems } = buildPortal(root, config, settings());
	expect(problems).toEqual([]);
	return model;
}

/** Every control excluded with a justification, no document claims one; reviews: one due soon, one fine. */
function cleanModel(): PortalModel {
	const root = makeTree({
		[`${DOCS}/ISMS-P-001/1.0.mdx`]: docFile('ISMS-P-001', '文件管理程序書', { lastReviewed: '2024-07-01' }),
		[`${DOCS}/ISMS-P-002/1.0.mdx`]: docFile('ISMS-P-002', '資訊安全組織管理程序書', { lastReviewed: '2025-01-01' }),
		[SOA_FILE]: soaYaml(),
	});
	copyControls(root);
	const { model, problems } = buildPortal(root, config, settings());
	expect(problems).toEqual([]);
	return model;
}

describe('complianceReport: text', () => {
	it('summarises coverage, status counts, each gap with its control ids, and pending reviews', () => {
		expect(complianceReport(gappyModel()).text).toBe(
			[
				'臺北市政府警察局 ISMS 遵循摘要（資料日期 民國114年6月15日）',
				'',
				'適用性聲明書：ISO/IEC 27001:2013 附錄 A，第 1.2 版，民國114年1月15日生效，資通安全長核准',
				'  控制措施 114 項：適用 6、不適用 107',
				'  有文件實作 4 項（涵蓋率 67%）',
				'  實施狀態：已實施 3、部分實施 1、規劃中 1、未實施 1',
				'  文件化缺口－適用但無文件實作：2（A.6.1.2、A.6.1.3）',
				'  文件化缺口－文件宣稱實作不適用的控制措施：1（A.6.2.2）',
				'  文件化缺口－不適用但未說明理由：1（A.6.2.1）',
				'  文件化缺口－適用性聲明書未列此控制措施：1（A.18.2.3）',
				'  文件化缺口－2022 版新增、尚待評估（未填 lastReviewed）：0',
				'  尚未完全實施－部分實施：1（A.5.1.2）',
				'  尚未完全實施－規劃中：1（A.6.1.3）',
				'  尚未完全實施－未實施：1（A.6.1.2）',
				'',
				'文件審查：現行文件 5 份，已逾期 2 份，30 日內到期 2 份',
				'  已逾期  ISMS-P-004 存取控制程序書  最近評估檢討 民國113年11月30日，期限 民國114年5月30日（逾期 16 日）',
				'  已逾期  ISMS-M-001 資訊安全管理政策  最近評估檢討 民國113年6月10日，期限 民國114年6月10日（逾期 5 日）',
				'  30 日內到期  ISMS-P-003 資產管理程序書  最近評估檢討 民國113年6月15日，期限 民國114年6月15日（剩 0 日）',
				'  30 日內到期  ISMS-P-001 文件管理程序書  最近評估檢討 民國113年7月1日，期限 民國114年7月1日（剩 16 日）',
				'',
			].join('\n'),
		);
	});

	it('shows zero gaps without a list, 0 % coverage of nothing, and only reviews that are not fine', () => {
		expect(complianceReport(cleanModel()).text).toBe(
			[
				'臺北市政府警察局 ISMS 遵循摘要（資料日期 民國114年6月15日）',
				'',
				'適用性聲明書：ISO/IEC 27001:2013 附錄 A，第 1.2 版，民國114年1月15日生效，資通安全長核准',
				'  控制措施 114 項：適用 0、不適用 114',
				'  有文件實作 0 項（涵蓋率 0%）',
				'  實施狀態：已實施 0、部分實施 0、規劃中 0、未實施 0',
				'  文件化缺口－適用但無文件實作：0',
				'  文件化缺口－文件宣稱實作不適用的控制措施：0',
				'  文件化缺口－不適用但未說明理由：0',
				'  文件化缺口－適用性聲明書未列此控制措施：0',
				'  文件化缺口－2022 版新增、尚待評估（未填 lastReviewed）：0',
				'  尚未完全實施－部分實施：0',
				'  尚未完全實施－規劃中：0',
				'  尚未完全實施－未實施：0',
				'',
				'文件審查：現行文件 2 份，已逾期 0 份，30 日內到期 1 份',
				'  30 日內到期  ISMS-P-001 文件管理程序書  最近評估檢討 民國113年7月1日，期限 民國114年7月1日（剩 16 日）',
				'',
			].join('\n'),
		);
	});

	it('without SoA data says so and lists every control as missing', () => {
		const root = makeTree({
			[`${DOCS}/ISMS-P-002/1.0.mdx`]: docFile('ISMS-P-002', '資訊安全組織管理程序書', { lastReviewed: '2025-01-01' }),
		});
		copyControls(root);
		const { model, problems } = buildPortal(root, config, buildSettings({ today: TODAY }));
		expect(problems).toEqual([]);
		const report = complianceReport(model, ['gaps', 'overdue']);
		expect(report.text.split('\n').slice(2, 15)).toEqual([
			'適用性聲明書：ISO/IEC 27001:2013 附錄 A（尚無生效之 SoA 資料）',
			'  控制措施 114 項：適用 0、不適用 0',
			'  有文件實作 0 項（涵蓋率 0%）',
			'  實施狀態：已實施 0、部分實施 0、規劃中 0、未實施 0',
			'  文件化缺口－適用但無文件實作：0',
			'  文件化缺口－文件宣稱實作不適用的控制措施：0',
			'  文件化缺口－不適用但未說明理由：0',
			`  文件化缺口－適用性聲明書未列此控制措施：114（${c2013.controls.map((c) => c.id).join('、')}）`,
			'  文件化缺口－2022 版新增、尚待評估（未填 lastReviewed）：0',
			'  尚未完全實施－部分實施：0',
			'  尚未完全實施－規劃中：0',
			'  尚未完全實施－未實施：0',
			'',
		]);
		expect(report.text.endsWith('文件審查：現行文件 1 份，已逾期 0 份，30 日內到期 0 份\n')).toBe(true);
		expect(report.failures).toEqual(['gaps']);
	});

	it('without a catalogue prints no SoA section', () => {
		const root = makeTree({
			[`${DOCS}/ISMS-P-002/1.0.mdx`]: docFile('ISMS-P-002', '資訊安全組織管理程序書', { lastReviewed: '2025-01-01' }),
		});
		const { model } = buildPortal(root, config, settings());
		expect(model.soa.matrix).toBeUndefined();
		expect(complianceReport(model).text).toBe(
			[
				'臺北市政府警察局 ISMS 遵循摘要（資料日期 民國114年6月15日）',
				'',
				'文件審查：現行文件 1 份，已逾期 0 份，30 日內到期 0 份',
				'',
			].join('\n'),
		);
	});
});

describe('complianceReport: failures', () => {
	it('knows the two conditions', () => {
		expect(FAIL_ON).toEqual(['gaps', 'overdue']);
	});

	it('lists the requested conditions that hold, in the order asked', () => {
		const model = gappyModel();
		expect(complianceReport(model, ['gaps']).failures).toEqual(['gaps']);
		expect(complianceReport(model, ['overdue']).failures).toEqual(['overdue']);
		expect(complianceReport(model, ['gaps', 'overdue']).failures).toEqual(['gaps', 'overdue']);
		expect(complianceReport(model, ['overdue', 'gaps']).failures).toEqual(['overdue', 'gaps']);
		expect(complianceReport(model, []).failures).toEqual([]);
		expect(complianceReport(model).failures).toEqual([]);
	});

	it('the text does not depend on the conditions asked', () => {
		const model = gappyModel();
		expect(complianceReport(model, ['gaps', 'overdue']).text).toBe(complianceReport(model).text);
	});

	it('fails on nothing when there are no gaps and no overdue reviews (a review due soon is no failure)', () => {
		expect(complianceReport(cleanModel(), ['gaps', 'overdue']).failures).toEqual([]);
	});

	it('gaps alone fail only on gaps, overdue reviews alone only on overdue', () => {
		const gapsOnly = cleanModel();
		const withGap = structuredClone(gapsOnly);
		withGap.soa.matrix!.gaps.unjustified.push(withGap.soa.matrix!.rows[0]!);
		expect(complianceReport(withGap, ['gaps', 'overdue']).failures).toEqual(['gaps']);

		const overdueOnly = structuredClone(gapsOnly);
		overdueOnly.settings = { ...overdueOnly.settings, today: '2025-07-02' };
		expect(complianceReport(overdueOnly, ['gaps', 'overdue']).failures).toEqual(['overdue']);
		expect(complianceReport(overdueOnly, ['gaps']).failures).toEqual([]);
	});

	it('each kind of gap counts', () => {
		for (const kind of ['uncovered', 'claimed-not-applicable', 'unjustified', 'missing'] as const) {
			const model = structuredClone(cleanModel());
			model.soa.matrix!.gaps[kind].push(model.soa.matrix!.rows[0]!);
			expect(complianceReport(model, ['gaps']).failures).toEqual(['gaps']);
		}
	});
});
