import { describe, expect, it } from 'vitest';
import { auditCanaries, decodeOutput, findCanaries, formatFinding, sentences, type Canary } from '../../../src/lib/ceiling/audit.ts';
import { computeCeiling } from '../../../src/lib/ceiling/ceiling.ts';
import { resolveDocuments } from '../../../src/lib/documents/resolve.ts';
import { TextMatcher } from '../../../src/lib/ceiling/text-match.ts';
import { dv } from '../_helpers.ts';

/** ISMS-M-001 published; ISMS-S-004 restricted; ISMS-M-001 2.0 an unpublished draft. */
const versions = [
	dv('ISMS-M-001', '1.0', '2020-01-01', { title: '資訊安全管理政策', classification: 'public' }),
	dv('ISMS-M-001', '2.0', '2020-06-01', { title: '資訊安全管理政策', status: 'draft' }),
	dv('ISMS-S-004', '1.0', '2020-01-01', { title: '電腦機房管理作業說明', classification: 'restricted' }),
	dv('ISMS-S-005', '1.0', '2020-01-01', { title: '備份', classification: 'restricted' }),
];
const ceiling = computeCeiling(versions, resolveDocuments(versions, { today: '2025-01-15', includeDrafts: false }).documents, 'internal');

describe('sentences', () => {
	it('cuts a text at sentence and clause punctuation, drops clause numbers and spaces, keeps the long ones', () => {
		expect(sentences('- 1.1 機房授權名單由資訊室主任核定，以負責機房維運之資訊室人員為限；名單每 6 個月檢討一次。')).toEqual([
			'機房授權名單由資訊室主任核定',
			'以負責機房維運之資訊室人員為限',
		]);
		expect(sentences('短句。也很短')).toEqual([]);
	});
});

describe('auditCanaries', () => {
	const canaries = auditCanaries(
		ceiling,
		[
			{
				docNo: 'ISMS-S-004',
				version: '1.0',
				texts: ['電腦機房管理作業說明', '3.2.1 授權名單人員以門禁卡加生物辨識進入，並依本局資通安全管理規定辦理相關作業。'],
			},
			{ docNo: 'ISMS-S-005', version: '1.0', texts: ['備份'] },
			{
				docNo: 'ISMS-M-001',
				version: '2.0',
				texts: ['1.1 本政策適用於本局全體同仁及委外廠商人員。', '1.2 新增條文：資訊安全長每季召開管理審查會議。'],
			},
		],
		// What the build publishes: ISMS-M-001 1.0's text, which ISMS-S-004 and the draft repeat in part.
		['資訊安全管理政策', '1.1 本政策適用於本局全體同仁及委外廠商人員。並依本局資通安全管理規定辦理相關作業'],
	);
	const brief = (list: readonly Canary[]) =>
		list.map((c) => `${c.kind} ${c.docNo}${c.version ? ` ${c.version}` : ''} ${c.reason} ${c.text}`);

	it('lists the paths, the titles and the distinctive sentences of what is not published, and not what is', () => {
		expect(brief(canaries)).toEqual([
			'path ISMS-S-004 ceiling /documents/isms-s-004/',
			'path ISMS-S-005 ceiling /documents/isms-s-005/',
			'path ISMS-M-001 2.0 unpublished /documents/isms-m-001/v2.0/',
			'title ISMS-S-004 ceiling 電腦機房管理作業說明',
			// A title too short to search for alone is searched for after its number.
			'title ISMS-S-004 ceiling ISMS-S-004電腦機房管理作業說明',
			'title ISMS-S-005 ceiling ISMS-S-005備份',
			'text ISMS-S-004 ceiling 授權名單人員以門禁卡加生物辨識進入',
			'text ISMS-M-001 2.0 unpublished 資訊安全長每季召開管理審查會議',
		]);
	});
});

describe('decodeOutput', () => {
	it('decodes HTML entities, JSON and URL escapes', () => {
		expect(decodeOutput('<p title="&#x96FB;&#33126;">機房&amp;&lt;b&gt;\\u4f5c業 %E8%AA%AA明\\/x &bogus; %ZZ</p>')).toBe(
			'<p title="電腦">機房&<b>作業 說明/x &bogus; %ZZ</p>',
		);
	});
});

describe('findCanaries', () => {
	const canaries: Canary[] = [
		{ text: '電腦機房管理作業說明', kind: 'title', docNo: 'ISMS-S-004', reason: 'ceiling' },
		{ text: 'ISMS-S-004電腦機房管理作業說明', kind: 'title', docNo: 'ISMS-S-004', reason: 'ceiling' },
		{ text: '授權名單人員以門禁卡加生物辨識進入', kind: 'text', docNo: 'ISMS-S-004', reason: 'ceiling' },
		{ text: '/documents/isms-s-004/', kind: 'path', docNo: 'ISMS-S-004', reason: 'ceiling' },
	];
	const matcher = new TextMatcher(canaries.map((c) => c.text));
	const find = (text: string, markup = true) =>
		findCanaries('page.html', text, markup, canaries, matcher).map((f) => `${f.line}:${f.column} ${f.canary.text}`);

	it('finds each canary once, at its first place in the file as written', () => {
		expect(find('<html>\n  <a href="/documents/isms-s-004/">x</a>\n  電腦機房 管理作業說明，電腦機房管理作業說明\n')).toEqual([
			'2:12 /documents/isms-s-004/',
			'3:3 電腦機房管理作業說明',
		]);
	});

	it('reports the number and the title as one finding', () => {
		expect(find('依「ISMS-S-004 電腦機房管理作業說明」')).toEqual(['1:3 ISMS-S-004電腦機房管理作業說明']);
	});

	it('finds a sentence split by tags in markup, escaped text in JSON, and titles in attributes', () => {
		expect(find('<li>\n<b>授權名單人員</b>以門禁卡加生物辨識進入</li>')).toEqual(['2:4 授權名單人員以門禁卡加生物辨識進入']);
		expect(find('{"t":"\\u96fb\\u8166\\u6a5f\\u623f\\u7ba1\\u7406\\u4f5c\\u696d\\u8aaa\\u660e"}', false)).toEqual([
			'1:7 電腦機房管理作業說明',
		]);
		expect(find('<meta content="電腦機房管理作業說明">')).toEqual(['1:16 電腦機房管理作業說明']);
	});

	it('finds nothing in published text', () => {
		expect(find('<p>依 ISMS-S-004 辦理。<a href="/documents/isms-s-005/">x</a></p>')).toEqual([]);
	});

	it('formats a finding as one problem line: file, what leaked, which document', () => {
		const [finding] = findCanaries('documents/isms-p-008/versions.json', '{"changes":"依電腦機房管理作業說明"}', false, canaries, matcher);
		expect(formatFinding(finding!, 'dist', 'internal')).toBe(
			'dist/documents/isms-p-008/versions.json:1:14  error  audit/leak  輸出檔含有不得發布的ISMS-S-004（高於本次建置的發布上限（內部使用））的名稱「電腦機房管理作業說明」',
		);
		const draft: Canary = {
			text: '資訊安全長每季召開管理審查會議並作成紀錄以供查核',
			kind: 'text',
			docNo: 'ISMS-M-001',
			version: '2.0',
			reason: 'unpublished',
		};
		expect(formatFinding({ file: 'a.html', line: 3, column: 5, canary: draft }, 'dist', 'internal')).toBe(
			'dist/a.html:3:5  error  audit/leak  輸出檔含有不得發布的ISMS-M-001 第 2.0 版（不在本次建置中發布（草稿））的內文「資訊安全長每季召開管理審查會議並作成紀錄…」',
		);
	});
});
