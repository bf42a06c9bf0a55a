import { afterEach, describe, it, expect } from 'vitest';
import { analyzeCorpus } from '../../../src/node/analyze.ts';
import { checkReferences, REFERENCE_RULES, type VersionAnalysis } from '../../../src/lib/references/check.ts';
import { portalConfigSchema, type PortalUserConfig } from '../../../src/schemas/config.ts';
import type { BuildSettings } from '../../../src/lib/site/settings.ts';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { buildOutline } from '../../../src/lib/outline/outline.ts';
import type { Problem } from '../../../src/lib/problems.ts';
import type { ReferenceSite } from '../../../src/lib/references/collect.ts';
import { resolveDocuments } from '../../../src/lib/documents/resolve.ts';
import {
	buildSettings as settings,
	DOCS,
	dv,
	makeProjectTree as makeTree,
	mdx,
	PROJECT_ROOT,
	removeTempDirs,
	versionFields,
	versionFile,
} from '../_helpers.ts';

afterEach(removeTempDirs);

const config = (extra: Partial<PortalUserConfig> = {}) => portalConfigSchema.parse({ organization: 'x', siteTitle: 'y', ...extra });
const brief = (problems: readonly Problem[]) => problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`);

describe('analyzeCorpus on test/fixtures/corpus-refs', () => {
	const FILE = 'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx';
	const analysis = analyzeCorpus(PROJECT_ROOT, config(), settings({ documentsDir: 'test/fixtures/corpus-refs' }));

	it('reports exactly the ten broken references of ISMS-M-001 and nothing else', () => {
		const found = analysis.problems
			.map((p) => `${p.file} ${p.line}:${p.column} ${p.severity} ${p.rule}`)
			.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
		expect(found).toEqual(
			[
				'10:5 frontmatter/unknown-control',
				'16:14 ref/unknown-document',
				'17:11 ref/title-mismatch',
				'18:25 ref/unknown-clause',
				'19:16 ref/unknown-clause',
				'20:16 ref/unknown-control',
				'21:12 ref/withdrawn-document',
				'22:13 ref/not-in-force',
				'23:13 ref/not-in-force',
				'24:14 ref/broken-link',
			].map((entry) => {
				const [at, rule] = entry.split(' ');
				return `${FILE} ${at} error ${rule}`;
			}),
		);
	});

	it('explains each problem in Chinese, naming what was written', () => {
		const messages = Object.fromEntries(analysis.problems.map((p) => [`${p.line}:${p.column}`, p.message]));
		expect(messages).toEqual({
			'10:5':
				'controls（對應控制措施）的「A.5.1.3」：ISO/IEC 27001:2013 附錄 A 沒有控制措施 A.5.1.3（ISO/IEC 27001:2013 附錄 A 的控制措施在 A.5 至 A.18，共 114 項）',
			'16:14': '「ISMS-P-999」：找不到文件 ISMS-P-999（test/fixtures/corpus-refs/ISMS-P-999/ 不存在）',
			'17:11':
				'「ISMS-P-005 資訊安全目標管考程序書」：引用的名稱「資訊安全目標管考程序書」與 ISMS-P-005 的文件名稱「資訊安全目標管理程序書」不符',
			'18:25': '「第 9.9 節」：ISMS-P-005 第 1.0 版沒有第 9.9 節',
			'19:16': '「第 8.8 節」：本文件（ISMS-M-001 第 1.0 版）沒有第 8.8 節',
			'20:16':
				'「A.9.9.9」：ISO/IEC 27001:2013 附錄 A 沒有控制措施 A.9.9.9（ISO/IEC 27001:2013 附錄 A 的控制措施在 A.5 至 A.18，共 114 項）',
			'21:12': '「ISMS-P-007」：ISMS-P-007 已於民國113年6月1日廢止（第 1.1 版）',
			'22:13': '「ISMS-P-009」：ISMS-P-009 只有草稿，尚無已核定的版次',
			'23:13': '「ISMS-P-010」：ISMS-P-010 尚未生效（第 1.0 版於民國188年1月1日生效），現行文件不應引用',
			'24:14': '連結「/documents/isms-p-005/#sec-9-9」：ISMS-P-005 第 1.0 版沒有第 9.9 節',
		});
	});

	it('analyses every version once: clauses and reference sites', () => {
		expect([...analysis.analyses.keys()].sort()).toEqual([
			'ISMS-M-001/1.0',
			'ISMS-P-005/1.0',
			'ISMS-P-007/1.0',
			'ISMS-P-007/1.1',
			'ISMS-P-009/0.1',
			'ISMS-P-010/1.0',
		]);
		expect(analysis.analyses.get('ISMS-P-005/1.0')!.outline.clauses.map((c) => [c.label, c.anchor])).toEqual([
			['1', 'sec-1'],
			['1.1', 'sec-1-1'],
		]);
		const sites = analysis.analyses.get('ISMS-M-001/1.0')!.sites;
		// the code span and the fenced block hold ISMS-P-998 and ISMS-P-997: not read
		expect(sites.map((s) => s.text)).not.toContain('ISMS-P-998');
		expect(sites.map((s) => s.text)).not.toContain('ISMS-P-997');
		expect(sites.filter((s) => s.kind === 'link').map((s) => [s.line, s.column])).toEqual([
			[15, 73],
			[24, 14],
		]);
	});
});

/** ISMS-P-005 (clauses 1, 1.1) and ISMS-M-001 whose clause 1.1 (file line 12, text from column 7) says `text`. */
function citing(text: string, files: Record<string, string> = {}): Record<string, string> {
	return {
		[`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0'),
		[`${DOCS}/ISMS-M-001/1.0.mdx`]: mdx(
			versionFields('ISMS-M-001', '1.0', { title: '資訊安全管理政策', tier: '1' }),
			`## 1. 目的\n\n- 1.1 ${text}\n`,
		),
		...files,
	};
}
const M001 = `${DOCS}/ISMS-M-001/1.0.mdx`;
const problemsOf = (files: Record<string, string>, extra: Partial<PortalUserConfig> = {}, overrides: Partial<BuildSettings> = {}) =>
	analyzeCorpus(makeTree(files), config(extra), settings(overrides)).problems;

describe('checkReferences: one break, one problem', () => {
	it('accepts correct references of every kind', () => {
		const text =
			'「ISMS-P-005 資訊安全目標管理程序書」、ISMS-P-005 資訊安全目標管理程序書、ISMS-P-005 第 1.1 節、第 1.1 節、A.9.2.1、[程序書](/documents/isms-p-005/#sec-1-1)。';
		expect(problemsOf(citing(text))).toEqual([]);
	});

	it('ref/unknown-document', () => {
		const problems = problemsOf(citing('見 ISMS-P-999。'));
		expect(brief(problems)).toEqual([`${M001}:12:9 error ref/unknown-document`]);
	});

	it('ref/unknown-document says the folder is not there only when it is not', () => {
		expect(problemsOf(citing('見 ISMS-P-999。'))[0]!.message).toBe(
			'「ISMS-P-999」：找不到文件 ISMS-P-999（content/documents/ISMS-P-999/ 不存在）',
		);
		// The folder is there but its only file is broken: name the file, whose own error is reported at it.
		const broken = problemsOf(
			citing('見 ISMS-P-020 與 [它](/documents/isms-p-020/)。', {
				[`${DOCS}/ISMS-P-020/1.0.mdx`]: versionFile('ISMS-P-020', '1.0', { tier: '[1' }),
			}),
		);
		expect(broken.filter((p) => p.file === `${DOCS}/ISMS-P-020/1.0.mdx`).map((p) => p.rule)).toEqual(['frontmatter/syntax']);
		expect(brief(broken.filter((p) => p.file === M001))).toEqual([
			`${M001}:12:9 error ref/unknown-document`,
			`${M001}:12:22 error ref/broken-link`,
		]);
		expect(broken[1]!.message).toBe(
			'「ISMS-P-020」：文件 ISMS-P-020 的檔案本身有錯誤，無法讀取（content/documents/ISMS-P-020/1.0.mdx）；請先修正該檔案（見該檔案的錯誤訊息），這個引用才能檢查',
		);
		expect(broken[2]!.message).toBe(
			'連結「/documents/isms-p-020/」：文件 ISMS-P-020 的檔案本身有錯誤，無法讀取（content/documents/ISMS-P-020/1.0.mdx）；請先修正該檔案（見該檔案的錯誤訊息），這個引用才能檢查',
		);
		// A folder with no version file at all (only its assets).
		const empty = problemsOf(citing('見 ISMS-P-021。', { [`${DOCS}/ISMS-P-021/assets/1.0/figure-1.png`]: 'png' }));
		expect(empty.map((p) => p.message)).toEqual([
			'「ISMS-P-021」：找不到文件 ISMS-P-021（content/documents/ISMS-P-021/ 資料夾中沒有任何版次檔案 <版次>.mdx）',
		]);
	});

	it('ref/unknown-document once for a clause of an unknown document', () => {
		expect(brief(problemsOf(citing('見 ISMS-P-999 第 1.1 節。')))).toEqual([`${M001}:12:9 error ref/unknown-document`]);
	});

	it('ref/title-mismatch, quoted or not, at the reference', () => {
		expect(brief(problemsOf(citing('見「ISMS-P-005 資訊安全目標管考程序書」。')))).toEqual([`${M001}:12:8 error ref/title-mismatch`]);
		expect(brief(problemsOf(citing('見 ISMS-P-005 資訊安全管理程序書。')))).toEqual([`${M001}:12:9 error ref/title-mismatch`]);
	});

	it('ref/unknown-clause of another document', () => {
		const problems = problemsOf(citing('見 ISMS-P-005 第 1.2 節。'));
		expect(brief(problems)).toEqual([`${M001}:12:20 error ref/unknown-clause`]);
		expect(problems[0]!.message).toBe('「第 1.2 節」：ISMS-P-005 第 1.0 版沒有第 1.2 節');
	});

	it('ref/unknown-clause of the citing document', () => {
		const problems = problemsOf(citing('見第 2.1 節。'));
		expect(brief(problems)).toEqual([`${M001}:12:8 error ref/unknown-clause`]);
		expect(problems[0]!.message).toBe('「第 2.1 節」：本文件（ISMS-M-001 第 1.0 版）沒有第 2.1 節');
	});

	it('ref/unknown-control: an id of either catalogue is valid in text, whatever the configured catalogue', () => {
		expect(brief(problemsOf(citing('A.9.9.9。')))).toEqual([`${M001}:12:7 error ref/unknown-control`]);
		expect(problemsOf(citing('A.5.15 及 A.9.2.1。'))).toEqual([]);
		expect(problemsOf(citing('A.5.15 及 A.9.2.1。'), { controlsCatalogue: '2022' })).toEqual([]);
		const problems = problemsOf(citing('A.5.38。'), { controlsCatalogue: '2022' });
		expect(brief(problems)).toEqual([`${M001}:12:7 error ref/unknown-control`]);
		expect(problems[0]!.message).toBe(
			'「A.5.38」：ISO/IEC 27001:2022 附錄 A 沒有控制措施 A.5.38（ISO/IEC 27001:2022 附錄 A 的控制措施在 A.5 至 A.8，共 93 項）',
		);
	});

	it('ref/unknown-control: every A.<n>.<n>[.<n>] is a control token, checked against the catalogue of its edition', () => {
		// A.19.1.1 and A.1.2.3 lie outside 2013's A.5–A.18; A.9.1 outside 2022's A.5–A.8 (and is a 2013 control objective).
		const problems = problemsOf(citing('A.19.1.1、A.1.2.3、A.9.1、A.8.35；正確的 A.18.2.3、A.8.34。'));
		expect(brief(problems)).toEqual([
			`${M001}:12:7 error ref/unknown-control`,
			`${M001}:12:16 error ref/unknown-control`,
			`${M001}:12:24 error ref/unknown-control`,
			`${M001}:12:30 error ref/unknown-control`,
		]);
		expect(problems.map((p) => p.message)).toEqual([
			'「A.19.1.1」：ISO/IEC 27001:2013 附錄 A 沒有控制措施 A.19.1.1（ISO/IEC 27001:2013 附錄 A 的控制措施在 A.5 至 A.18，共 114 項）',
			'「A.1.2.3」：ISO/IEC 27001:2013 附錄 A 沒有控制措施 A.1.2.3（ISO/IEC 27001:2013 附錄 A 的控制措施在 A.5 至 A.18，共 114 項）',
			'「A.9.1」：ISO/IEC 27001:2022 附錄 A 沒有控制措施 A.9.1；A.9.1 是 ISO/IEC 27001:2013 的控制目標，不是控制措施，請寫其下的控制措施（如 A.9.1.1）',
			'「A.8.35」：ISO/IEC 27001:2022 附錄 A 沒有控制措施 A.8.35（ISO/IEC 27001:2022 附錄 A 的控制措施在 A.5 至 A.8，共 93 項）',
		]);
	});

	it('ref/unknown-control leaves what is no control id alone: versions, ISO clause numbers, dates, A.5 alone', () => {
		expect(problemsOf(citing('ISO/IEC 27001:2022 條款 6.1.3 之 A 項、附錄 A.5、CNS 27001、2024.10.18、v1.2.3、A.5.1.1.1 版。'))).toEqual(
			[],
		);
	});

	it('ref/withdrawn-document', () => {
		const files = citing('見 ISMS-P-007。', {
			[`${DOCS}/ISMS-P-007/1.0.mdx`]: versionFile('ISMS-P-007', '1.0', { title: '電子郵件管理程序書' }),
			[`${DOCS}/ISMS-P-007/1.1.mdx`]: versionFile('ISMS-P-007', '1.1', {
				title: '電子郵件管理程序書',
				effective: '2024-06-01',
				status: 'withdrawn',
			}),
		});
		const problems = problemsOf(files);
		expect(brief(problems)).toEqual([`${M001}:12:9 error ref/withdrawn-document`]);
		expect(problems[0]!.message).toBe('「ISMS-P-007」：ISMS-P-007 已於民國113年6月1日廢止（第 1.1 版）');
		// before the withdrawal takes effect, the document is in force
		expect(problemsOf(files, {}, { today: '2024-05-31' })).toEqual([]);
	});

	it('ref/not-in-force for a document with only a draft', () => {
		const files = citing('見 ISMS-P-009。', {
			[`${DOCS}/ISMS-P-009/0.1.mdx`]: versionFile('ISMS-P-009', '0.1', { status: 'draft' }),
		});
		expect(brief(problemsOf(files))).toEqual([`${M001}:12:9 error ref/not-in-force`]);
		expect(brief(problemsOf(files, {}, { includeDrafts: true }))).toEqual([`${M001}:12:9 error ref/not-in-force`]);
	});

	it('ref/not-in-force is not reported for an upcoming version citing a document with only a draft', () => {
		const files = {
			[`${DOCS}/ISMS-P-009/0.1.mdx`]: versionFile('ISMS-P-009', '0.1', { status: 'draft' }),
			[`${DOCS}/ISMS-M-001/1.0.mdx`]: versionFile('ISMS-M-001', '1.0', { title: '資訊安全管理政策' }),
			[`${DOCS}/ISMS-M-001/1.1.mdx`]: mdx(
				versionFields('ISMS-M-001', '1.1', { title: '資訊安全管理政策', effective: '2025-07-01', changes: '引用新程序書' }),
				'- 1.1 見 ISMS-P-009。\n',
			),
		};
		expect(problemsOf(files)).toEqual([]);
	});

	it('ref/not-in-force for a document not yet effective, cited by the version in force', () => {
		const files = citing('見 ISMS-P-010。', {
			[`${DOCS}/ISMS-P-010/1.0.mdx`]: versionFile('ISMS-P-010', '1.0', { effective: '2025-07-01' }),
		});
		const problems = problemsOf(files);
		expect(brief(problems)).toEqual([`${M001}:12:9 error ref/not-in-force`]);
		expect(problems[0]!.message).toBe('「ISMS-P-010」：ISMS-P-010 尚未生效（第 1.0 版於民國114年7月1日生效），現行文件不應引用');
		expect(problemsOf(files, {}, { today: '2025-07-01' })).toEqual([]);
	});

	it('ref/not-in-force is not reported for an upcoming version citing an upcoming document', () => {
		const files = {
			[`${DOCS}/ISMS-P-010/1.0.mdx`]: versionFile('ISMS-P-010', '1.0', { effective: '2025-07-01' }),
			[`${DOCS}/ISMS-M-001/1.0.mdx`]: versionFile('ISMS-M-001', '1.0', { title: '資訊安全管理政策' }),
			[`${DOCS}/ISMS-M-001/1.1.mdx`]: mdx(
				versionFields('ISMS-M-001', '1.1', { title: '資訊安全管理政策', effective: '2025-07-01', changes: '引用新程序書' }),
				'- 1.1 見 ISMS-P-010。\n',
			),
		};
		expect(problemsOf(files)).toEqual([]);
	});

	it('ref/broken-link', () => {
		const problems = problemsOf(citing('[程序書](/documents/isms-p-005/#sec-9-9)。'));
		expect(brief(problems)).toEqual([`${M001}:12:7 error ref/broken-link`]);
	});

	it('frontmatter/unknown-control at the list item', () => {
		const files = {
			[M001]: mdx(versionFields('ISMS-M-001', '1.0', { controls: '[A.9.2.1, A.9.9.9]' })),
		};
		const problems = problemsOf(files);
		expect(brief(problems)).toEqual([`${M001}:8:21 error frontmatter/unknown-control`]);
		expect(problems[0]!.message).toBe(
			'controls（對應控制措施）的「A.9.9.9」：ISO/IEC 27001:2013 附錄 A 沒有控制措施 A.9.9.9（ISO/IEC 27001:2013 附錄 A 的控制措施在 A.5 至 A.18，共 114 項）',
		);
	});

	it('frontmatter controls may mix both catalogues', () => {
		const files = { [M001]: mdx(versionFields('ISMS-M-001', '1.0', { controls: '[A.9.4.3, A.5.17, A.8.8]' })) };
		expect(problemsOf(files)).toEqual([]);
	});
});

describe('checkReferences: severities', () => {
	const withdrawn = citing('見 ISMS-P-007。', {
		[`${DOCS}/ISMS-P-007/1.0.mdx`]: versionFile('ISMS-P-007', '1.0', { title: '電子郵件管理程序書', status: 'withdrawn' }),
	});

	it('defaults every rule to error, but an ambiguous clause and a number one off a document’s (warnings)', () => {
		expect(Object.entries(REFERENCE_RULES).filter(([, level]) => level !== 'error')).toEqual([
			['ref/ambiguous-clause', 'warning'],
			['ref/near-miss-document-number', 'warning'],
		]);
		expect(brief(problemsOf(withdrawn))).toEqual([`${M001}:12:9 error ref/withdrawn-document`]);
	});

	it('lowers a rule to a warning', () => {
		expect(brief(problemsOf(withdrawn, { checks: { 'ref/withdrawn-document': 'warning' } }))).toEqual([
			`${M001}:12:9 warning ref/withdrawn-document`,
		]);
	});

	it('turns a rule off, leaving the others', () => {
		const files = citing('見 ISMS-P-007 與 ISMS-P-999。', { [`${DOCS}/ISMS-P-007/1.0.mdx`]: withdrawn[`${DOCS}/ISMS-P-007/1.0.mdx`]! });
		expect(brief(problemsOf(files, { checks: { 'ref/withdrawn-document': 'off' } }))).toEqual([`${M001}:12:22 error ref/unknown-document`]);
	});
});

describe('checkReferences: which versions are checked', () => {
	/** ISMS-M-001 1.0 and 1.1; 1.1's body starts on line 11 (line 12 with a status). */
	const history = (v10body: string, v11body: string, v11extra: Record<string, string> = {}) => ({
		[`${DOCS}/ISMS-M-001/1.0.mdx`]: mdx(versionFields('ISMS-M-001', '1.0', { effective: '2020-01-01' }), v10body),
		[`${DOCS}/ISMS-M-001/1.1.mdx`]: mdx(
			versionFields('ISMS-M-001', '1.1', { effective: '2021-01-01', changes: '修訂', ...v11extra }),
			v11body,
		),
	});

	it('leaves superseded versions as they were', () => {
		expect(problemsOf(history('- 1.1 見 ISMS-P-999。\n', '- 1.1 正確。\n'))).toEqual([]);
	});

	it('checks the version in force', () => {
		expect(brief(problemsOf(history('- 1.1 正確。\n', '- 1.1 見 ISMS-P-999。\n')))).toEqual([
			`${DOCS}/ISMS-M-001/1.1.mdx:11:9 error ref/unknown-document`,
		]);
	});

	it('checks upcoming versions', () => {
		expect(brief(problemsOf(history('- 1.1 正確。\n', '- 1.1 見 ISMS-P-999。\n', { effective: '2026-01-01' })))).toEqual([
			`${DOCS}/ISMS-M-001/1.1.mdx:11:9 error ref/unknown-document`,
		]);
	});

	it('checks drafts only when the build includes them', () => {
		const files = history('- 1.1 正確。\n', '- 1.1 見 ISMS-P-999。\n', { status: 'draft' });
		expect(problemsOf(files)).toEqual([]);
		expect(brief(problemsOf(files, {}, { includeDrafts: true }))).toEqual([`${DOCS}/ISMS-M-001/1.1.mdx:12:9 error ref/unknown-document`]);
	});

	it('checks the withdrawing version', () => {
		expect(brief(problemsOf(history('- 1.1 正確。\n', '- 1.1 見 ISMS-P-999。\n', { status: 'withdrawn' })))).toEqual([
			`${DOCS}/ISMS-M-001/1.1.mdx:12:9 error ref/unknown-document`,
		]);
	});
});

describe('checkReferences: publication ceiling', () => {
	const restricted = {
		[`${DOCS}/ISMS-R-001/1.0.mdx`]: versionFile('ISMS-R-001', '1.0', { title: '機房門禁紀錄', tier: '4', classification: '限閱' }),
	};

	it('accepts a reference to a document above the ceiling, by number or with its title (which the build removes)', () => {
		const files = citing('見「ISMS-R-001 機房門禁紀錄」第 1.1 節、**ISMS-R-001** 機房門禁紀錄與 ISMS-R-001。', restricted);
		expect(problemsOf(files)).toEqual([]);
		expect(problemsOf(files, {}, { ceiling: 'public' })).toEqual([]);
	});

	it('ref/hidden-link: a Markdown link to a document above the ceiling, whatever the checks setting', () => {
		const files = citing('見 [紀錄](/documents/isms-r-001/#sec-1-1)。', restricted);
		const problems = problemsOf(files, { checks: { 'ref/broken-link': 'off' } });
		expect(problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`)).toEqual([
			'12:9 error ref/hidden-link 連結「/documents/isms-r-001/#sec-1-1」指向高於本次建置的發布上限（內部使用）的文件 ISMS-R-001，該頁不會發布；請刪除連結，只寫文件編號 ISMS-R-001',
		]);
		// A build for a cleared audience publishes it.
		expect(problemsOf(files, {}, { ceiling: 'restricted' })).toEqual([]);
	});

	it('ref/hidden-link: a link to a version above the ceiling of a published document', () => {
		const files = citing('見 [新版](/documents/isms-p-005/v1.1/)。', {
			[`${DOCS}/ISMS-P-005/1.1.mdx`]: versionFile('ISMS-P-005', '1.1', {
				classification: '限閱',
				effective: '2026-01-01',
				changes: '限閱改版',
			}),
		});
		expect(problemsOf(files).map((p) => `${p.rule} ${p.message}`)).toEqual([
			'ref/hidden-link 連結「/documents/isms-p-005/v1.1/」指向 ISMS-P-005 第 1.1 版，該版次高於本次建置的發布上限（內部使用），不會發布；請改連結已發布的版次（如 /documents/isms-p-005/），或只寫文件編號 ISMS-P-005',
		]);
	});

	it('ref/hidden-title: the title of a document above the ceiling written without its number, in text, code or 修訂說明', () => {
		expect(problemsOf(citing('依機房門禁紀錄辦理。', restricted)).map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
			'12:8 ref/hidden-title 「機房門禁紀錄」是高於本次建置的發布上限（內部使用）的文件 ISMS-R-001 的名稱，不得寫在發布的文字中；請改為只寫文件編號（例如「依 ISMS-R-001 辦理」），建置會以編號呈現',
		]);
		expect(brief(problemsOf(citing('見 `機房 門禁紀錄` 與 [門禁](/documents/isms-p-005/ "機房門禁紀錄")。', restricted)))).toEqual([
			`${M001}:12:9 error ref/hidden-title`,
			`${M001}:12:21 error ref/hidden-title`,
		]);
		const files = {
			...restricted,
			[`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0', { changes: '配合「ISMS-R-001 機房門禁紀錄」修訂' }),
			[`${DOCS}/ISMS-M-001/1.0.mdx`]: versionFile('ISMS-M-001', '1.0', { title: '資訊安全管理政策', changes: '配合機房門禁紀錄修訂' }),
		};
		expect(brief(problemsOf(files))).toEqual([`${M001}:8:10 error ref/hidden-title`]);
	});

	it('checks superseded versions too: they are published', () => {
		const files = {
			...restricted,
			[`${DOCS}/ISMS-M-001/1.0.mdx`]: mdx(
				versionFields('ISMS-M-001', '1.0', { effective: '2020-01-01' }),
				'- 1.1 依機房門禁紀錄與 [紀錄](/documents/isms-r-001/) 辦理。\n',
			),
			[`${DOCS}/ISMS-M-001/1.1.mdx`]: mdx(
				versionFields('ISMS-M-001', '1.1', { effective: '2021-01-01', changes: '修訂' }),
				'- 1.1 正確。\n',
			),
		};
		expect(
			problemsOf(files)
				.map((p) => `${p.line}:${p.column} ${p.rule}`)
				.sort(),
		).toEqual(['10:16 ref/hidden-link', '10:8 ref/hidden-title']);
	});

	it('still checks what is cited of it', () => {
		const files = citing('見「ISMS-R-001 機房門禁記錄」。', restricted);
		expect(brief(problemsOf(files))).toEqual([`${M001}:12:8 error ref/title-mismatch`]);
	});
});

describe('checkReferences: links', () => {
	const files = (text: string) =>
		citing(text, {
			[`${DOCS}/ISMS-P-005/1.1.mdx`]: mdx(
				versionFields('ISMS-P-005', '1.1', { effective: '2026-01-01', changes: '新增 2.1' }),
				'## 1. 目的\n\n## 2. 範圍\n\n- 2.1 新條文。\n',
			),
		});
	const linkProblems = (url: string) => problemsOf(files(`[連結](${url})`)).map((p) => `${p.rule} ${p.line}:${p.column} ${p.message}`);

	it.each([
		'/documents/',
		'/documents/isms-p-005/',
		'/documents/isms-p-005/v1.0/',
		'/documents/isms-p-005/v1.0/#sec-1-1',
		'/documents/isms-p-005/#sec-1',
		'/documents/isms-p-005/#revision-history',
		'/documents/isms-p-005/#_top',
		'/documents/isms-p-005/v1.1/#sec-2-1',
		'/documents/isms-m-001/#sec-1-1',
	])('accepts %s', (url) => {
		expect(linkProblems(url)).toEqual([]);
	});

	it.each([
		['/documents/#sec-1', '連結「/documents/#sec-1」：文件一覽表沒有這個錨點'],
		[
			'/documents/isms-p-005',
			'連結「/documents/isms-p-005」不是文件頁的網址；應為 /documents/<文件編號>/ 或 /documents/<文件編號>/v<版次>/（結尾須有 /）',
		],
		[
			'/documents/isms-p-005/v1.0',
			'連結「/documents/isms-p-005/v1.0」不是文件頁的網址；應為 /documents/<文件編號>/ 或 /documents/<文件編號>/v<版次>/（結尾須有 /）',
		],
		['/documents/isms-p-999/', '連結「/documents/isms-p-999/」：找不到文件 ISMS-P-999'],
		['/documents/isms-p-005/v9.9/', '連結「/documents/isms-p-005/v9.9/」：ISMS-P-005 沒有已發布的第 9.9 版'],
		[
			'/documents/isms-p-005/#purpose',
			'連結「/documents/isms-p-005/#purpose」：錨點「#purpose」不是條文錨點（應如 #sec-6-4-3 或 #sec-參-一-（二））',
		],
		// the permalink shows 1.0 until 1.1 takes effect: 2.1 is only in 1.1
		['/documents/isms-p-005/#sec-2-1', '連結「/documents/isms-p-005/#sec-2-1」：ISMS-P-005 第 1.0 版沒有第 2.1 節'],
		['/documents/isms-p-005/v1.0/#sec-2-1', '連結「/documents/isms-p-005/v1.0/#sec-2-1」：ISMS-P-005 第 1.0 版沒有第 2.1 節'],
	])('reports %s', (url, message) => {
		expect(linkProblems(url)).toEqual([`ref/broken-link 12:7 ${message}`]);
	});

	it('accepts a link to a draft version in a preview build, where its page exists, and reports it otherwise', () => {
		const draft = citing('[草稿](/documents/isms-p-009/v0.1/)', {
			[`${DOCS}/ISMS-P-009/0.1.mdx`]: versionFile('ISMS-P-009', '0.1', { status: 'draft' }),
		});
		expect(problemsOf(draft, {}, { includeDrafts: true }).filter((p) => p.rule === 'ref/broken-link')).toEqual([]);
		expect(problemsOf(draft).map((p) => `${p.rule} ${p.message}`)).toEqual([
			'ref/broken-link 連結「/documents/isms-p-009/v0.1/」：ISMS-P-009 沒有已發布的第 0.1 版',
		]);
	});

	it('reports a link to a document that has only a draft', () => {
		const problems = problemsOf(
			citing('[草稿](/documents/isms-p-009/)', { [`${DOCS}/ISMS-P-009/0.1.mdx`]: versionFile('ISMS-P-009', '0.1', { status: 'draft' }) }),
		);
		expect(problems.map((p) => `${p.rule} ${p.message}`)).toEqual([
			'ref/broken-link 連結「/documents/isms-p-009/」：ISMS-P-009 沒有已發布的版次',
		]);
	});
});

describe('checkReferences called directly', () => {
	const site = (fields: Partial<ReferenceSite> & Pick<ReferenceSite, 'kind'>): ReferenceSite =>
		({ index: 0, length: 0, text: 'x', line: 20, column: 3, ...fields }) as ReferenceSite;
	const current = dv('ISMS-M-001', '1.0', '2020-01-01');
	const upcoming = dv('ISMS-M-001', '2.0', '2026-01-01', { changes: '改版' });
	const { documents } = resolveDocuments([current, upcoming], { today: '2025-01-15', includeDrafts: false });
	const analysis = (version: typeof current, sites: ReferenceSite[], clauses: string[]): VersionAnalysis => ({
		version,
		sites,
		outline: buildOutline(parseBody(clauses.map((clause) => `## ${clause} 條文`).join('\n\n')) as Parameters<typeof buildOutline>[0]),
	});

	it('checks a clause of the citing document against that version, with or without its docNo', () => {
		const sitesOf = (clause: string): ReferenceSite[] => [
			site({ kind: 'clause', clause, text: `第 ${clause} 節` }),
			site({ kind: 'clause', docNo: 'ISMS-M-001', clause, text: `第 ${clause} 節`, column: 30 }),
		];
		const analyses = new Map([
			['ISMS-M-001/1.0', analysis(current, sitesOf('3.1'), ['1', '1.1'])],
			['ISMS-M-001/2.0', analysis(upcoming, sitesOf('3.1'), ['1', '1.1', '3', '3.1'])],
		]);
		const problems = checkReferences({ documents, analyses });
		expect(problems).toEqual([
			{
				file: 'content/documents/ISMS-M-001/1.0.mdx',
				line: 20,
				column: 3,
				severity: 'error',
				rule: 'ref/unknown-clause',
				message: '「第 3.1 節」：本文件（ISMS-M-001 第 1.0 版）沒有第 3.1 節',
			},
			{
				file: 'content/documents/ISMS-M-001/1.0.mdx',
				line: 20,
				column: 30,
				severity: 'error',
				rule: 'ref/unknown-clause',
				message: '「第 3.1 節」：本文件（ISMS-M-001 第 1.0 版）沒有第 3.1 節',
			},
		]);
	});

	it('skips control rules when no catalogue is given, and checks them when one is', () => {
		const analyses = new Map([
			['ISMS-M-001/1.0', analysis({ ...current, controls: ['A.1.1.1'] }, [site({ kind: 'control', id: 'A.9.9.9', text: 'A.9.9.9' })], [])],
		]);
		const docs = resolveDocuments([{ ...current, controls: ['A.1.1.1'] }], { today: '2025-01-15', includeDrafts: false }).documents;
		expect(checkReferences({ documents: docs, analyses })).toEqual([]);
		const std = { standard: 'STD', ids: new Set(['A.9.2.1']), objectives: new Map(), domains: ['A.9'], count: 1 };
		const checked = checkReferences({ documents: docs, analyses, controls: { editions: { '2013': std } } });
		expect(checked.map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
			'20:3 ref/unknown-control 「A.9.9.9」：STD 附錄 A 沒有控制措施 A.9.9.9（STD 附錄 A 的控制措施在 A.9 至 A.9，共 1 項）',
			// no position recorded for controls.0: falls back to 1:1
			'1:1 frontmatter/unknown-control controls（對應控制措施）的「A.1.1.1」：STD 附錄 A 沒有控制措施 A.1.1.1（STD 附錄 A 的控制措施在 A.9 至 A.9，共 1 項）',
		]);
	});

	it('quotes a reference already written in 「」 once', () => {
		const other = dv('ISMS-P-005', '1.0', '2020-01-01', { title: '正確名稱' });
		const docs = resolveDocuments([current, other], { today: '2025-01-15', includeDrafts: false }).documents;
		const analyses = new Map([
			[
				'ISMS-M-001/1.0',
				analysis(
					current,
					[site({ kind: 'document', docNo: 'ISMS-P-005', citedTitle: '錯誤名稱', quoted: true, text: '「ISMS-P-005 錯誤名稱」' })],
					[],
				),
			],
		]);
		expect(checkReferences({ documents: docs, analyses }).map((p) => p.message)).toEqual([
			'「ISMS-P-005 錯誤名稱」：引用的名稱「錯誤名稱」與 ISMS-P-005 的文件名稱「正確名稱」不符',
		]);
	});
});

describe('images of a version', () => {
	const withImage = (body: string, files: Record<string, string> = {}) =>
		problemsOf({ [M001]: mdx(versionFields('ISMS-M-001', '1.0', { title: '資訊安全管理政策', tier: '1' }), body), ...files });

	it('asset/missing: an image that is not there is one line at the image, not a build stack trace', () => {
		const problems = withImage('## 1. 目的\n\n![流程圖](./assets/1.0/figure-1.png)\n');
		expect(brief(problems)).toEqual([`${M001}:12:1 error asset/missing`]);
		expect(problems[0]!.message).toBe(
			'圖片「./assets/1.0/figure-1.png」不存在（找不到 content/documents/ISMS-M-001/assets/1.0/figure-1.png）；請把圖檔放到 content/documents/ISMS-M-001/assets/1.0/，或修正路徑',
		);
	});

	it('accepts an image in the assets folder', () => {
		expect(
			withImage('## 1. 目的\n\n![流程圖](./assets/1.0/figure-1.png)\n', { [`${DOCS}/ISMS-M-001/assets/1.0/figure-1.png`]: 'png' }),
		).toEqual([]);
	});
});

describe('attachments of a version', () => {
	const withAttachments = (list: string, files: Record<string, string> = {}) =>
		problemsOf({
			[M001]: mdx({ ...versionFields('ISMS-M-001', '1.0', { title: '資訊安全管理政策', tier: '1' }), attachments: list }),
			...files,
		});

	it('asset/missing at the list item of a file that is not there; asset/duplicate-attachment for a name given twice', () => {
		const problems = withAttachments('[./assets/1.0/a.odt, ./assets/1.0/b.pdf, ./assets/1.1/a.odt]', {
			[`${DOCS}/ISMS-M-001/assets/1.0/a.odt`]: 'x',
			[`${DOCS}/ISMS-M-001/assets/1.1/a.odt`]: 'y',
		});
		expect(problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(['8:35 asset/missing', '8:55 asset/duplicate-attachment']);
		expect(problems[0]!.message).toBe(
			'附件「./assets/1.0/b.pdf」不存在（找不到 content/documents/ISMS-M-001/assets/1.0/b.pdf）；請把檔案放到 content/documents/ISMS-M-001/assets/1.0/，或修正路徑',
		);
	});
});
