import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../../src/node/analyze.ts';
import { portalConfigSchema } from '../../../src/schemas/config.ts';
import { buildSettings as settings, DOCS, makeProjectTree as makeTree, mdx, removeTempDirs, versionFields } from '../_helpers.ts';

afterEach(removeTempDirs);

/** ISMS-M-002, numbered in the official scheme: 壹、 › 一、 › （一）（二） and 貳、 › 一、. */
const OFFICIAL = ['壹、總則', '', '一、目的：說明。', '', '（一）範圍。', '', '（二）對象。', '', '貳、管理', '', '一、組織。', ''].join(
	'\n',
);

function analyse(citingBody: string, citedBody = OFFICIAL) {
	const root = makeTree({
		[`${DOCS}/ISMS-M-002/1.0.mdx`]: mdx(versionFields('ISMS-M-002', '1.0', { title: '資訊安全作業要點', tier: '1' }), citedBody),
		[`${DOCS}/ISMS-M-001/1.0.mdx`]: mdx(versionFields('ISMS-M-001', '1.0', { title: '資訊安全管理政策', tier: '1' }), citingBody),
	});
	return analyzeCorpus(root, portalConfigSchema.parse({ organization: 'x', siteTitle: 'y' }), settings());
}
const brief = (analysis: ReturnType<typeof analyse>) =>
	analysis.problems.map(
		(p) => `${p.file.replace(/^.*\/(ISMS-[^/]+)\//u, '$1/')}:${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`,
	);

describe('the checker reads the outline of each version', () => {
	it('stores one outline per version, with anchors and labels of the official scheme', () => {
		const analysis = analyse('## 1. 目的\n\n本文。\n');
		expect(analysis.analyses.get('ISMS-M-002/1.0')!.outline.clauses.map((c) => c.anchor)).toEqual([
			'sec-壹',
			'sec-壹-一',
			'sec-壹-一-（一）',
			'sec-壹-一-（二）',
			'sec-貳',
			'sec-貳-一',
		]);
		expect(analysis.problems).toEqual([]);
	});

	it('reports outline problems with the file: a duplicate clause is an error, a skipped one a warning', () => {
		const analysis = analyse('## 1. 目的\n\n本文。\n', `${OFFICIAL}\n貳、重複。\n\n肆、跳號。\n`);
		expect(
			brief(analysis)
				.filter((line) => line.includes('outline/'))
				.map((line) => line.split(' ').slice(0, 3).join(' ')),
		).toEqual(['ISMS-M-002/1.0.mdx:22:1 error outline/duplicate-clause', 'ISMS-M-002/1.0.mdx:24:1 warning outline/skipped-clause']);
	});

	it('accepts references to clauses that exist, in both forms, after a document number or 本要點', () => {
		const analysis = analyse('## 1. 目的\n\n依 ISMS-M-002 壹、一、（二）及「ISMS-M-002 資訊安全作業要點」貳、一、辦理。\n');
		expect(analysis.problems).toEqual([]);
		const own = analyse('一、目的\n\n（一）範圍。\n\n（二）依本要點第一點第一款辦理。\n');
		expect(own.problems).toEqual([]);
	});

	it('reports a reference to a missing clause at its line and column, saying what exists', () => {
		const analysis = analyse('## 1. 目的\n\n依 ISMS-M-002 壹、一、（九）辦理。\n\n本文件第三點第二款。\n');
		expect(brief(analysis)).toEqual([
			'ISMS-M-001/1.0.mdx:12:14 error ref/unknown-clause 「壹、一、（九）」：ISMS-M-002 第 1.0 版沒有「壹、一、（九）」；「壹、一、」之下只有「（一）」、「（二）」',
			'ISMS-M-001/1.0.mdx:14:1 error ref/unknown-clause 「本文件第三點第二款」：沒有「第三點第二款」；本文件沒有「一、」（點）這一層的條文（本文件的條次為 6.4.3 式，請以「第 6.4.3 節」引用）',
		]);
	});

	it('ref/ambiguous-clause: a reference that could mean two clauses is a warning naming both', () => {
		// 一、 is numbered under 壹、 and under 貳、: from outside both, 「ISMS-M-002 一、」 could be either.
		const other = analyse('## 1. 目的\n\n依 ISMS-M-002 一、辦理。\n');
		expect(brief(other)).toEqual([
			'ISMS-M-001/1.0.mdx:12:14 warning ref/ambiguous-clause 「一、」：ISMS-M-002 第 1.0 版「一、」有 2 處：「壹、一、」、「貳、一、」；頁面不會加連結，請寫出完整的條次（例如「壹、一、」）',
		]);
		// Inside the document, from under 貳、: the nearest is linked, and the other still named.
		const own = analyse(`${OFFICIAL}\n（一）依本要點一、辦理。\n`);
		expect(brief(own)).toEqual([
			'ISMS-M-001/1.0.mdx:22:5 warning ref/ambiguous-clause 「本要點一、」：「一、」可能指 2 處：「貳、一、」、「壹、一、」；頁面連到「貳、一、」（與引用處在同一條之下），若指其他處請寫出完整的條次（例如「壹、一、」）',
		]);
		// 第三點 in a document with both 參、 and 三、.
		const both = analyse('壹、總則\n\n一、甲。\n\n二、乙。\n\n三、丙。\n\n貳、管理\n\n參、附則\n\n依第三點辦理。\n');
		expect(brief(both)).toEqual([
			'ISMS-M-001/1.0.mdx:22:2 warning ref/ambiguous-clause 「第三點」：「第三點」可能指 2 處：「壹、三、」、「參、」；頁面連到「壹、三、」（「點」是「一、」這一層），若指其他處請寫出完整的條次（例如「參、」）',
		]);
		// Written whole, nothing to warn about.
		expect(analyse(`${OFFICIAL}\n（一）依本要點壹、一、及貳、一、辦理。\n`).problems).toEqual([]);
	});

	it('validates links with the outline anchor format, encoded or with half-width parentheses', () => {
		const ok = analyse(
			'## 1. 目的\n\n見[條文](/documents/isms-m-002/#sec-壹-一-(二))與[條文](/documents/isms-m-002/#sec-%E5%A3%B9-%E4%B8%80)。\n',
		);
		expect(ok.problems).toEqual([]);
		const broken = analyse('## 1. 目的\n\n見[條文](/documents/isms-m-002/#sec-參-一)。\n');
		expect(brief(broken)).toEqual([
			'ISMS-M-001/1.0.mdx:12:2 error ref/broken-link 連結「/documents/isms-m-002/#sec-參-一」：ISMS-M-002 第 1.0 版沒有「參、一、」',
		]);
	});
});
