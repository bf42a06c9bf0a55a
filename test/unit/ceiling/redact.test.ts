import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { computeCeiling, hiddenTarget } from '../../../src/lib/ceiling/ceiling.ts';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { buildOutline } from '../../../src/lib/outline/outline.ts';
import type { MdNode } from '../../../src/lib/outline/tree.ts';
import { createRedactor, redactText, redactTree } from '../../../src/lib/ceiling/redact.ts';
import { resolveDocuments } from '../../../src/lib/documents/resolve.ts';
import { dv } from '../_helpers.ts';

/**
 * ISMS-M-001 and ISMS-P-005 are published; ISMS-R-001 (restricted, once titled 門禁紀錄舊名) and
 * ISMS-R-002 (confidential, a title with Latin letters) are not; ISMS-P-005 has an upcoming
 * restricted version 2.0 under another title, and a draft-only ISMS-P-030 exists.
 */
const versions = [
	dv('ISMS-M-001', '1.0', '2020-01-01', { title: '資訊安全管理政策', classification: 'public' }),
	dv('ISMS-P-005', '1.0', '2020-01-01', { title: '資訊安全目標管理程序書' }),
	dv('ISMS-P-005', '2.0', '2026-01-01', { title: '資訊安全目標與績效管理程序書', classification: 'restricted' }),
	dv('ISMS-R-001', '0.9', '2019-01-01', { title: '門禁紀錄舊名', classification: 'restricted' }),
	dv('ISMS-R-001', '1.0', '2020-01-01', { title: '機房門禁紀錄', classification: 'restricted' }),
	dv('ISMS-R-002', '1.0', '2020-01-01', { title: 'VPN 存取規範 2.0 版', classification: 'confidential' }),
	dv('ISMS-P-030', '0.1', '2020-01-01', { title: '雲端服務管理程序書', status: 'draft' }),
];
const titles: Record<string, string> = {
	'ISMS-M-001': '資訊安全管理政策',
	'ISMS-P-005': '資訊安全目標管理程序書',
	'ISMS-R-001': '機房門禁紀錄',
	'ISMS-R-002': 'VPN 存取規範 2.0 版',
	'ISMS-P-030': '雲端服務管理程序書',
};
const resolved = resolveDocuments(versions, { today: '2025-01-15', includeDrafts: false }).documents;
const ceiling = computeCeiling(versions, resolved, 'internal');
const redactor = createRedactor(ceiling, { docNoPattern: '^ISMS-[A-Z]-\\d{3}$', titleOf: (docNo) => titles[docNo] });

/** The body's text after redaction, one line per block, and what was left to the checker. */
const redact = (body: string) => {
	const tree = parseBody(body);
	const leaks = redactTree(tree, redactor);
	return {
		text: buildOutline(tree as unknown as MdNode).blocks.map((b) => b.text),
		leaks: leaks.map((l) => `${l.line}:${l.column} ${l.kind} ${l.docNo}${l.kind === 'link' ? ` ${l.url}` : ` ${l.title}`}`),
		tree,
	};
};

describe('computeCeiling', () => {
	it('tells published from hidden documents and versions, and why', () => {
		expect([...ceiling.publishedDocuments]).toEqual(['ISMS-M-001', 'ISMS-P-005']);
		expect([...ceiling.published]).toEqual(['ISMS-M-001/1.0', 'ISMS-P-005/1.0']);
		expect(Object.fromEntries(ceiling.hiddenDocuments)).toEqual({
			'ISMS-R-001': 'ceiling',
			'ISMS-R-002': 'ceiling',
			'ISMS-P-030': 'unpublished',
		});
		expect(Object.fromEntries([...ceiling.hiddenVersions].map(([d, v]) => [d, Object.fromEntries(v)]))).toEqual({
			'ISMS-P-005': { '2.0': 'ceiling' },
		});
	});

	it('keeps every title of what is hidden, and refuses alone those that are distinctive', () => {
		expect(Object.fromEntries(ceiling.hiddenTitles)).toEqual({
			'ISMS-P-005': ['資訊安全目標與績效管理程序書'],
			'ISMS-R-001': ['門禁紀錄舊名', '機房門禁紀錄'],
			'ISMS-R-002': ['VPN 存取規範 2.0 版'],
			'ISMS-P-030': ['雲端服務管理程序書'],
		});
		// A hidden title inside a published one (資訊安全管理政策) tells nothing: removed after its number only.
		const within = computeCeiling(
			[...versions, dv('ISMS-R-003', '1.0', '2020-01-01', { title: '安全管理', classification: 'restricted' })],
			resolved,
			'internal',
		);
		expect(within.secretTitles.map((t) => t.title)).not.toContain('安全管理');
		expect(within.hiddenTitles.get('ISMS-R-003')).toEqual(['安全管理']);
	});

	it('publishes drafts in a preview build, and everything to a cleared audience', () => {
		const preview = computeCeiling(
			versions,
			resolveDocuments(versions, { today: '2025-01-15', includeDrafts: true }).documents,
			'internal',
		);
		expect(preview.publishedDocuments.has('ISMS-P-030')).toBe(true);
		const cleared = computeCeiling(versions, resolved, 'confidential');
		expect([...cleared.hiddenDocuments.keys()]).toEqual(['ISMS-P-030']);
		expect(cleared.hiddenVersions.size).toBe(0);
	});

	it('finds hidden pages behind links, base path and anchors allowed', () => {
		expect(hiddenTarget('/documents/isms-r-001/', ceiling)).toEqual({ docNo: 'ISMS-R-001', reason: 'ceiling' });
		expect(hiddenTarget('/isms/documents/isms-r-001/v1.0/#sec-1', ceiling)).toEqual({ docNo: 'ISMS-R-001', reason: 'ceiling' });
		expect(hiddenTarget('/documents/isms-p-005/v2.0/', ceiling)).toEqual({ docNo: 'ISMS-P-005', version: '2.0', reason: 'ceiling' });
		expect(hiddenTarget('/documents/isms-p-005/v1.0/', ceiling)).toBeUndefined();
		expect(hiddenTarget('/documents/isms-p-005/', ceiling)).toBeUndefined();
	});
});

describe('redactTree: a cited title of a hidden document goes, in every form', () => {
	it.each([
		['依 ISMS-R-001 機房門禁紀錄辦理。', '依 ISMS-R-001辦理。'],
		['依「ISMS-R-001 機房門禁紀錄」辦理。', '依「ISMS-R-001」辦理。'],
		['依 ISMS-R-001 門禁紀錄舊名辦理。', '依 ISMS-R-001辦理。'],
		['依 ISMS-R-002 VPN 存取規範 2.0 版 辦理。', '依 ISMS-R-002 辦理。'],
		['依 ISMS-R-002 VPN存取規範2.0版辦理。', '依 ISMS-R-002辦理。'],
		['依 ISMS-R-002 SSL VPN 管理規範辦理。', '依 ISMS-R-002辦理。'],
		['**ISMS-R-001** 機房門禁紀錄', 'ISMS-R-001'],
		['ISMS-R-001 **機房**門禁紀錄。', 'ISMS-R-001。'],
		['「**ISMS-R-001** *機房門禁紀錄*」', '「ISMS-R-001」'],
		['ISMS-P-005 資訊安全目標與績效管理程序書', 'ISMS-P-005'],
		['ISMS-P-030 雲端服務管理程序書', 'ISMS-P-030'],
	])('%s', (body, text) => {
		const result = redact(body);
		expect(result.text).toEqual([text]);
		expect(result.leaks).toEqual([]);
	});

	it('in headings, table cells and list items', () => {
		expect(
			redact(
				'## ISMS-R-001 機房門禁紀錄\n\n| 文件 | 說明 |\n|---|---|\n| ISMS-R-002 VPN 存取規範 2.0 版 | x |\n\n- 1.1 依「ISMS-R-001 機房門禁紀錄」\n',
			).text,
		).toEqual(['ISMS-R-001', '文件 | 說明', 'ISMS-R-002 | x', '1.1 依「ISMS-R-001」']);
	});

	it("in a component's text and attributes, and in image and link descriptions", () => {
		const { tree, leaks } = redact(
			'<Aside title="依 ISMS-R-001 機房門禁紀錄">ISMS-R-001 機房門禁紀錄</Aside>\n\n![ISMS-R-001 機房門禁紀錄](/a.png) [x](/documents/isms-p-005/ "「ISMS-R-001 機房門禁紀錄」")\n',
		);
		const json = JSON.stringify(tree);
		expect(json).not.toContain('機房門禁紀錄');
		expect(json).toContain('"value":"依 ISMS-R-001"');
		expect(json).toContain('"title":"「ISMS-R-001」"');
		expect(leaks).toEqual([]);
		expect(toString(tree)).toContain('ISMS-R-001');
	});

	it('leaves the titles of published documents, and code, as written', () => {
		expect(redact('ISMS-P-005 資訊安全目標管理程序書、`ISMS-R-001`').text).toEqual(['ISMS-P-005 資訊安全目標管理程序書、ISMS-R-001']);
	});
});

describe('redactTree: what it cannot take out', () => {
	it('turns a link to a hidden document or version into the bare number, label and all, and reports it', () => {
		const result = redact(
			'見 [機房門禁紀錄](/documents/isms-r-001/#sec-1) 與 [新版](/documents/isms-p-005/v2.0/) 及 [現行](/documents/isms-p-005/)。\n\n[r]: /documents/isms-r-001/\n',
		);
		expect(result.text).toEqual(['見 ISMS-R-001 與 ISMS-P-005 及 現行。']);
		expect(result.leaks).toEqual([
			'1:3 link ISMS-R-001 /documents/isms-r-001/#sec-1',
			'1:44 link ISMS-P-005 /documents/isms-p-005/v2.0/',
			'3:1 link ISMS-R-001 /documents/isms-r-001/',
		]);
		expect(JSON.stringify(result.tree)).not.toContain('isms-r-001');
	});

	it('reports a hidden title written without its number, at its line and column, even across bold or in code', () => {
		expect(redact('前言\n\n- 1.1 依機房門禁紀錄辦理，\n  及 **VPN 存取** 規範 2.0 版。\n\n```\n門禁紀錄舊名\n```\n').leaks.sort()).toEqual([
			'3:8 title ISMS-R-001 機房門禁紀錄',
			'4:7 title ISMS-R-002 VPN 存取規範 2.0 版',
			'6:1 title ISMS-R-001 門禁紀錄舊名',
		]);
	});
});

describe('redactText', () => {
	it('redacts a plain text (修訂說明) and reports hidden titles left in it', () => {
		expect(redactText('配合「ISMS-R-001 機房門禁紀錄」及 ISMS-R-002 VPN 存取規範 2.0 版修訂。', redactor)).toEqual({
			text: '配合「ISMS-R-001」及 ISMS-R-002修訂。',
			leaks: [],
		});
		expect(redactText('配合機房門禁紀錄修訂。', redactor)).toEqual({
			text: '配合機房門禁紀錄修訂。',
			leaks: [{ index: 2, title: '機房門禁紀錄', docNo: 'ISMS-R-001', reason: 'ceiling' }],
		});
	});
});
