import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadControls } from '../../../src/node/controls.ts';
import type { Problem } from '../../../src/lib/problems.ts';
import { parseSoa, SOA_REASONS, SOA_STATUSES, type SoaReason, type SoaStatus } from '../../../src/lib/soa/data.ts';
import type { Catalogue } from '../../../src/lib/soa/catalogue.ts';
import { PROJECT_ROOT } from '../_helpers.ts';

const loaded = loadControls(PROJECT_ROOT);
const c2013 = loaded.c2013!;
const c2022 = loaded.c2022!;
const FILE = 'content/soa.yaml';

const REASONS_EXPECTED = '清單，值為 風險評鑑、法規要求、契約要求、最佳實務（或 risk、law、contract、practice）';
const STATUS_EXPECTED = '已實施、部分實施、規劃中、未實施（或 implemented、partial、planned、not-implemented）';

/** A valid SoA with one applicable and one excluded control; the comments give the file lines. */
const BASE = [
	'version: "1.2"', // 1
	'effective: 2026-01-15', // 2
	'approvedBy: 資通安全長', // 3
	'preparedBy: 資通安全處理小組', // 4
	'catalogue: "2013"', // 5
	'changes: 初版發行', // 6
	'controls:', // 7
	'  A.5.1.1:', // 8
	'    applicable: true', // 9
	'    reasons: [風險評鑑, 法規要求]', // 10
	'    status: 已實施', // 11
	'    owner: 資通安全處理小組', // 12
	'    evidence: 政策公告紀錄', // 13
	'    lastReviewed: 2026-01-15', // 14
	'    note: 每年檢討', // 15
	'  A.6.2.2:', // 16
	'    applicable: false', // 17
	'    justification: 本局不開放遠距工作。', // 18
	'    owner: 資訊室', // 19
	'    lastReviewed: 2026-01-10', // 20
	'',
].join('\n');

/** BASE with whole lines replaced (`to` may hold several lines, or '' with `drop` to delete the line). */
function soaWith(...edits: [from: string, to: string | null][]): string {
	let source = BASE;
	for (const [from, to] of edits) {
		const line = `${from}\n`;
		if (!source.includes(line)) throw new Error(`BASE has no line ${JSON.stringify(from)}`);
		source = source.replace(line, to === null ? '' : `${to}\n`);
	}
	return source;
}

const catalogues = { '2013': c2013, '2022': c2022 };
/** Parses against both catalogues; `only` leaves one out (as when its file failed to load). */
const parse = (source: string, only?: Catalogue) => parseSoa(source, FILE, only ? { [only.edition]: only } : catalogues, loaded.crosswalk);

function err(line: number, column: number, rule: string, message: string): Problem {
	return { file: FILE, line, column, severity: 'error', rule, message };
}

/** The one problem a faulty source must give, and no SoA. */
function expectOnly(source: string, problem: Problem): void {
	const result = parse(source);
	expect(result.problems).toEqual([problem]);
	expect(result.soa).toBeUndefined();
}

describe('parseSoa: valid data', () => {
	it('parses the base SoA into entries keyed by control id, with reasons and status as keys', () => {
		const { soa, problems } = parse(BASE);
		expect(problems).toEqual([]);
		expect(soa).toEqual({
			file: FILE,
			version: '1.2',
			effective: '2026-01-15',
			approvedBy: '資通安全長',
			preparedBy: '資通安全處理小組',
			catalogue: '2013',
			changes: '初版發行',
			entries: {
				'A.5.1.1': {
					id: 'A.5.1.1',
					applicable: true,
					reasons: ['risk', 'law'],
					status: 'implemented',
					owner: '資通安全處理小組',
					evidence: '政策公告紀錄',
					lastReviewed: '2026-01-15',
					note: '每年檢討',
				},
				'A.6.2.2': {
					id: 'A.6.2.2',
					applicable: false,
					reasons: [],
					justification: '本局不開放遠距工作。',
					owner: '資訊室',
					lastReviewed: '2026-01-10',
				},
			},
		});
	});

	it('leaves out the optional preparedBy and changes when they are not written', () => {
		const { soa, problems } = parse(soaWith(['preparedBy: 資通安全處理小組', null], ['changes: 初版發行', null]));
		expect(problems).toEqual([]);
		expect(Object.keys(soa!)).toEqual(['file', 'version', 'effective', 'approvedBy', 'catalogue', 'entries']);
	});

	it('trims text fields', () => {
		const { soa } = parse(soaWith(['    owner: 資訊室', '    owner: "  資訊室  "']));
		expect(soa?.entries['A.6.2.2']?.owner).toBe('資訊室');
	});

	it('accepts an empty controls mapping (the matrix then lists every control as missing)', () => {
		const source = BASE.slice(0, BASE.indexOf('controls:')) + 'controls: {}\n';
		const { soa, problems } = parse(source);
		expect(problems).toEqual([]);
		expect(soa?.entries).toEqual({});
	});

	it('accepts a 2022 SoA against the 2022 catalogue', () => {
		const source = [
			'version: "2.0"',
			'effective: 2026-03-01',
			'approvedBy: 資通安全長',
			'catalogue: "2022"',
			'controls:',
			'  A.5.15:',
			'    applicable: true',
			'    reasons: [risk]',
			'    status: partial',
			'',
		].join('\n');
		const { soa, problems } = parse(source);
		expect(problems).toEqual([]);
		expect(soa?.catalogue).toBe('2022');
		expect(soa?.entries['A.5.15']).toEqual({ id: 'A.5.15', applicable: true, reasons: ['risk'], status: 'partial' });
	});
});

describe('parseSoa: Chinese and English aliases', () => {
	it.each(Object.entries(SOA_REASONS) as [SoaReason, string][])('reason %s is written as itself or as %s', (key, label) => {
		for (const written of [key, label]) {
			const { soa, problems } = parse(soaWith(['    reasons: [風險評鑑, 法規要求]', `    reasons: [${written}]`]));
			expect(problems).toEqual([]);
			expect(soa?.entries['A.5.1.1']?.reasons).toEqual([key]);
		}
	});

	it.each(Object.entries(SOA_STATUSES) as [SoaStatus, string][])('status %s is written as itself or as %s', (key, label) => {
		for (const written of [key, label]) {
			const { soa, problems } = parse(soaWith(['    status: 已實施', `    status: ${written}`]));
			expect(problems).toEqual([]);
			expect(soa?.entries['A.5.1.1']?.status).toBe(key);
		}
	});

	it('mixes Chinese and English reasons in one list, keeping their order', () => {
		const { soa } = parse(soaWith(['    reasons: [風險評鑑, 法規要求]', '    reasons: [practice, 契約要求, law]']));
		expect(soa?.entries['A.5.1.1']?.reasons).toEqual(['practice', 'contract', 'law']);
	});

	it('does not accept other spellings', () => {
		const { problems } = parse(soaWith(['    status: 已實施', '    status: Implemented']));
		expect(problems.map((p) => p.rule)).toEqual(['soa/invalid-value']);
	});
});

describe('parseSoa: the real content/soa/1.2.yaml (2013)', () => {
	const source = readFileSync(join(PROJECT_ROOT, 'content', 'soa', '1.2.yaml'), 'utf8');
	const { soa, problems } = parseSoa(source, FILE, catalogues, loaded.crosswalk);

	it('parses with no problems', () => {
		expect(problems).toEqual([]);
		expect(soa?.catalogue).toBe('2013');
	});

	it('has 114 entries, one per 2013 control, in catalogue order', () => {
		expect(Object.keys(soa!.entries)).toHaveLength(114);
		expect(Object.keys(soa!.entries)).toEqual(c2013.controls.map((c) => c.id));
	});
});

describe('parseSoa: each fault is reported once, where it was written, in Chinese', () => {
	it('a YAML syntax error stops there (nothing else is checked)', () => {
		expectOnly(
			soaWith(['approvedBy: 資通安全長', 'approvedBy: "資通安全長'], ['    note: 每年檢討', '    notes: 每年檢討']),
			err(3, 13, 'soa/syntax', 'YAML 語法錯誤：引號沒有結束：從此處開始的引號缺少對應的結尾引號'),
		);
	});

	it('a control listed twice is a syntax error at the second key', () => {
		expectOnly(
			soaWith(['  A.6.2.2:', '  A.5.1.1:']),
			err(16, 3, 'soa/syntax', 'YAML 語法錯誤：欄位「A.5.1.1」重複出現；同一欄位只能寫一次'),
		);
	});

	it('an unquoted version (a number)', () => {
		expectOnly(
			soaWith(['version: "1.2"', 'version: 1.2']),
			err(1, 10, 'soa/invalid-value', 'version（版次）的值「1.2」（數字）無效；應為 加引號的「主版.次版」字串，例如 "1.2"'),
		);
	});

	it('a version that is not MAJOR.MINOR', () => {
		expectOnly(
			soaWith(['version: "1.2"', 'version: "v1.2"']),
			err(1, 10, 'soa/invalid-value', 'version（版次）的值「v1.2」無效；應為 加引號的「主版.次版」字串，例如 "1.2"'),
		);
	});

	it('an impossible effective date', () => {
		expectOnly(
			soaWith(['effective: 2026-01-15', 'effective: 2026-02-30']),
			err(2, 12, 'soa/invalid-value', 'effective（生效日期）的值「2026-02-30」無效；應為 YYYY-MM-DD 格式的實際日期'),
		);
	});

	it('a blank approvedBy', () => {
		expectOnly(
			soaWith(['approvedBy: 資通安全長', 'approvedBy: "  "']),
			err(3, 13, 'soa/invalid-value', 'approvedBy（核准）的值「」（空白）無效；應為 非空白的文字'),
		);
	});

	it('a missing top-level field, at the start of the mapping', () => {
		expectOnly(
			soaWith(['approvedBy: 資通安全長', null]),
			err(1, 1, 'soa/missing-field', '缺少必填欄位 approvedBy（核准）；應為 非空白的文字'),
		);
	});

	it('an unquoted catalogue (a number)', () => {
		expectOnly(
			soaWith(['catalogue: "2013"', 'catalogue: 2013']),
			err(5, 12, 'soa/invalid-value', 'catalogue（控制措施版本）的值「2013」（數字）無效；應為 "2013" 或 "2022"（加引號）'),
		);
	});

	it('a bad status value', () => {
		expectOnly(
			soaWith(['    status: 已實施', '    status: done']),
			err(11, 13, 'soa/invalid-value', `A.5.1.1：status（實施狀態）的值「done」無效；應為 ${STATUS_EXPECTED}`),
		);
	});

	it('a bad reason in a flow list, at the list item', () => {
		expectOnly(
			soaWith(['    reasons: [風險評鑑, 法規要求]', '    reasons: [風險評鑑, bogus]']),
			err(10, 21, 'soa/invalid-value', `A.5.1.1：reasons[1]（選用理由）的值「bogus」無效；應為 ${REASONS_EXPECTED}`),
		);
	});

	it('a bad reason in a block list, at the list item', () => {
		expectOnly(
			soaWith(['    reasons: [風險評鑑, 法規要求]', '    reasons:\n      - 風險評鑑\n      - 稽核發現']),
			err(12, 9, 'soa/invalid-value', `A.5.1.1：reasons[1]（選用理由）的值「稽核發現」無效；應為 ${REASONS_EXPECTED}`),
		);
	});

	it('a list with two bad reasons: each is reported, at its item', () => {
		expect(parse(soaWith(['    reasons: [風險評鑑, 法規要求]', '    reasons: [bogus, 風險評鑑, worse]'])).problems).toEqual([
			err(10, 15, 'soa/invalid-value', `A.5.1.1：reasons[0]（選用理由）的值「bogus」無效；應為 ${REASONS_EXPECTED}`),
			err(10, 28, 'soa/invalid-value', `A.5.1.1：reasons[2]（選用理由）的值「worse」無效；應為 ${REASONS_EXPECTED}`),
		]);
	});

	it('reasons written as a single value instead of a list', () => {
		expectOnly(
			soaWith(['    reasons: [風險評鑑, 法規要求]', '    reasons: risk']),
			err(10, 14, 'soa/invalid-value', `A.5.1.1：reasons（選用理由）的值「risk」無效；應為 ${REASONS_EXPECTED}`),
		);
	});

	it('an applicable flag that is not a boolean', () => {
		expectOnly(
			soaWith(['    applicable: true', '    applicable: 是']),
			err(9, 17, 'soa/invalid-value', 'A.5.1.1：applicable（是否適用）的值「是」無效；應為 true 或 false'),
		);
	});

	it('a control without applicable, at the control key', () => {
		expectOnly(
			soaWith(['    applicable: false', null]),
			err(16, 3, 'soa/missing-field', 'A.6.2.2：缺少必填欄位 applicable（是否適用）；應為 true 或 false'),
		);
	});

	it('an unknown top-level field, at its key', () => {
		expectOnly(
			soaWith(['changes: 初版發行', 'changes: 初版發行\nreviewer: 稽核室']),
			err(
				7,
				1,
				'soa/unknown-field',
				'未知的欄位「reviewer」；可用的欄位為 version、effective、approvedBy、preparedBy、catalogue、changes、controls',
			),
		);
	});

	it('an unknown control field, at its key', () => {
		expectOnly(
			soaWith(['    note: 每年檢討', '    notes: 每年檢討']),
			err(
				15,
				5,
				'soa/unknown-field',
				'A.5.1.1：未知的欄位「notes」（是否要寫 note？）；可用的欄位為 applicable、reasons、status、owner、evidence、justification、lastReviewed、note',
			),
		);
	});

	it('an unknown control id, at the key', () => {
		expectOnly(soaWith(['  A.6.2.2:', '  A.6.2.9:']), err(16, 3, 'soa/unknown-control', '「A.6.2.9」不在 ISO/IEC 27001:2013 附錄 A 中'));
	});

	it('the fields of an unknown control are not checked as well', () => {
		expectOnly(
			soaWith(['  A.6.2.2:', '  A.6.2.9:'], ['    applicable: false', '    applicable: 否']),
			err(16, 3, 'soa/unknown-control', '「A.6.2.9」不在 ISO/IEC 27001:2013 附錄 A 中'),
		);
	});

	it('a 2022 control id in a 2013 SoA is unknown, named with its 2013 counterparts', () => {
		expectOnly(
			soaWith(['  A.6.2.2:', '  A.5.15:']),
			err(
				16,
				3,
				'soa/unknown-control',
				'「A.5.15」是 ISO/IEC 27001:2022 的控制措施，本版適用性聲明書採 ISO/IEC 27001:2013（catalogue: "2013"）；對照表中對應 2013 版 A.9.1.1 存取控制政策、A.9.1.2 對網路及網路服務之存取',
			),
		);
	});

	it('an applicable control without reasons (soa/missing-field at the control key)', () => {
		expectOnly(
			soaWith(['    reasons: [風險評鑑, 法規要求]', null]),
			err(8, 3, 'soa/missing-field', `A.5.1.1：適用的控制措施須填 reasons（選用理由）；應為 ${REASONS_EXPECTED}`),
		);
	});

	it('an applicable control with an empty reasons list', () => {
		expectOnly(
			soaWith(['    reasons: [風險評鑑, 法規要求]', '    reasons: []']),
			err(8, 3, 'soa/missing-field', `A.5.1.1：適用的控制措施須填 reasons（選用理由）；應為 ${REASONS_EXPECTED}`),
		);
	});

	it('an applicable control without status', () => {
		expectOnly(
			soaWith(['    status: 已實施', null]),
			err(8, 3, 'soa/missing-field', `A.5.1.1：適用的控制措施須填 status（實施狀態）；應為 ${STATUS_EXPECTED}`),
		);
	});

	it('an applicable control without reasons and status: both are reported', () => {
		const { problems, soa } = parse(soaWith(['    reasons: [風險評鑑, 法規要求]', null], ['    status: 已實施', null]));
		expect(soa).toBeUndefined();
		expect(problems).toEqual([
			err(8, 3, 'soa/missing-field', `A.5.1.1：適用的控制措施須填 reasons（選用理由）；應為 ${REASONS_EXPECTED}`),
			err(8, 3, 'soa/missing-field', `A.5.1.1：適用的控制措施須填 status（實施狀態）；應為 ${STATUS_EXPECTED}`),
		]);
	});

	it('a not-applicable control with a status (soa/invalid-value at the status key)', () => {
		expectOnly(
			soaWith(['    applicable: false', '    applicable: false\n    status: 未實施']),
			err(18, 5, 'soa/invalid-value', 'A.6.2.2：不適用的控制措施不填 status（實施狀態）；請改寫 justification（不適用理由）'),
		);
	});

	it('a not-applicable control with reasons and evidence', () => {
		const { problems } = parse(soaWith(['    applicable: false', '    applicable: false\n    reasons: [risk]\n    evidence: 紀錄']));
		expect(problems).toEqual([
			err(18, 5, 'soa/invalid-value', 'A.6.2.2：不適用的控制措施不填 reasons（選用理由）；請改寫 justification（不適用理由）'),
			err(19, 5, 'soa/invalid-value', 'A.6.2.2：不適用的控制措施不填 evidence（佐證）；請改寫 justification（不適用理由）'),
		]);
	});

	it('a SoA is checked against the catalogue it names: a 2013 id in a 2022 SoA names its 2022 counterpart', () => {
		const { problems } = parse(soaWith(['catalogue: "2013"', 'catalogue: "2022"']));
		expect(problems.map((p) => [p.line, p.column, p.rule])).toEqual([
			[8, 3, 'soa/unknown-control'],
			[16, 3, 'soa/unknown-control'],
		]);
		expect(problems[0]!.message).toBe(
			'「A.5.1.1」是 ISO/IEC 27001:2013 的控制措施，本版適用性聲明書採 ISO/IEC 27001:2022（catalogue: "2022"）；對照表中對應 2022 版 A.5.1 資訊安全政策',
		);
		expect(problems[1]!.message).toContain('對照表中對應 2022 版 A.6.7 遠端工作');
	});

	it('a catalogue whose file did not load is named instead of every control being unknown', () => {
		const { problems } = parse(BASE, c2022);
		expect(problems.map((p) => [p.line, p.rule])).toEqual([[5, 'soa/unknown-catalogue']]);
	});

	it('a justification citing the other catalogue is a warning naming the counterparts', () => {
		const source = soaWith(
			['catalogue: "2013"', 'catalogue: "2022"'],
			['  A.5.1.1:', '  A.5.1:'],
			['  A.6.2.2:', '  A.6.7:'],
			['    justification: 本局不開放遠距工作。', '    justification: 相關風險已由 A.6.2.1 及 A.18.2.3 控制。'],
		);
		const { problems, soa } = parse(source);
		expect(soa?.entries['A.6.7']?.justification).toContain('A.6.2.1');
		expect(problems.map((p) => [p.line, p.rule, p.severity])).toEqual([
			[18, 'soa/other-catalogue-id', 'warning'],
			[18, 'soa/other-catalogue-id', 'warning'],
		]);
		expect(problems[0]!.message).toContain('引用 2013 版控制措施 A.6.2.1，本版採 2022 版；對照表中對應 2022 版 A.8.1 使用者端點裝置');
		expect(problems[1]!.message).toContain('A.5.36 資訊安全之政策、規則及標準的遵循性、A.8.8 技術脆弱性之管理');
	});

	it('an applicable control planned without a note is a warning (規劃中 left unexplained)', () => {
		const { problems, soa } = parse(soaWith(['    status: 已實施', '    status: 規劃中'], ['    note: 每年檢討', null]));
		expect(soa).toBeDefined();
		expect(problems).toEqual([
			{
				file: FILE,
				line: 11,
				column: 13,
				severity: 'warning',
				rule: 'soa/unexplained-planned',
				message: 'A.5.1.1：實施狀態為規劃中，但未於 note（備註）說明規劃內容及預定完成日期',
			},
		]);
		expect(parse(soaWith(['    status: 已實施', '    status: 規劃中'])).problems).toEqual([]);
	});

	it('an empty file: every required top-level field is missing', () => {
		const { problems, soa } = parse('');
		expect(soa).toBeUndefined();
		expect(problems.map((p) => [p.line, p.column, p.rule, p.message.slice(0, p.message.indexOf('；'))])).toEqual([
			[1, 1, 'soa/missing-field', '缺少必填欄位 version（版次）'],
			[1, 1, 'soa/missing-field', '缺少必填欄位 effective（生效日期）'],
			[1, 1, 'soa/missing-field', '缺少必填欄位 approvedBy（核准）'],
			[1, 1, 'soa/missing-field', '缺少必填欄位 catalogue（控制措施版本）'],
			[1, 1, 'soa/missing-field', '缺少必填欄位 controls（控制措施）'],
		]);
	});

	it('several faults in one file are all reported at once', () => {
		const source = soaWith(
			['version: "1.2"', 'version: 1.2'],
			['changes: 初版發行', 'changes: 初版發行\nreviewer: 稽核室'],
			['    status: 已實施', '    status: done'],
			['    note: 每年檢討', '    notes: 每年檢討'],
			['  A.6.2.2:', '  A.6.2.2:\n    applicable: false\n    status: 未實施\n  A.99.1.1:'],
		);
		// version 1, reviewer 7, status 12, notes 16, A.6.2.2 17 (status 19), A.99.1.1 20
		const { problems, soa } = parse(source);
		expect(soa).toBeUndefined();
		expect(problems.map((p) => [p.line, p.column, p.rule])).toEqual([
			[1, 10, 'soa/invalid-value'],
			[7, 1, 'soa/unknown-field'],
			[12, 13, 'soa/invalid-value'],
			[16, 5, 'soa/unknown-field'],
			[19, 5, 'soa/invalid-value'],
			[20, 3, 'soa/unknown-control'],
		]);
		expect(new Set(problems.map((p) => p.file))).toEqual(new Set([FILE]));
	});

	// BUG (src/lib/soa.ts:100-120): a file whose top level is not a mapping gives the message
	// '（）的值「["a"]」無效；應為 ' — no field name and nothing after 應為 (parseCatalogue says
	// '檔案內容應為 YAML 對應表…' for the same fault).
	it('a top level that is not a mapping says a mapping is expected', () => {
		const { problems } = parse('- A.5.1.1\n- A.5.1.2\n');
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: FILE, line: 1, column: 1, severity: 'error' });
		expect(problems[0]!.message).not.toContain('（）');
		expect(problems[0]!.message).not.toMatch(/應為 $/);
		expect(problems[0]!.message).toContain('對應表');
	});
});
