import { describe, expect, it } from 'vitest';
import { anchors, outlineOf } from './_trees.ts';

describe('nesting: markers of one style are siblings, a new style nests', () => {
	it('closes back to an open style (二、 after 一、（一）1.)', () => {
		expect(anchors('一、甲\n\n（一）乙\n\n1、丙\n\n（二）丁\n\n二、戊\n')).toEqual([
			'sec-一',
			'sec-一-（一）',
			'sec-一-（一）-1',
			'sec-一-（二）',
			'sec-二',
		]);
	});

	it('nests in any order', () => {
		expect(anchors('（一）甲\n\n一、乙\n\n（二）丙\n')).toEqual(['sec-（一）', 'sec-（一）-一', 'sec-（二）']);
		expect(anchors('壹、甲\n\n(1) 乙\n\n1、丙\n\n(2) 丁\n')).toEqual(['sec-壹', 'sec-壹-（1）', 'sec-壹-（1）-1', 'sec-壹-（2）']);
	});

	it('treats full- and half-width parentheses as one style', () => {
		expect(anchors('一、甲\n\n（一）乙\n\n(二)丙\n')).toEqual(['sec-一', 'sec-一-（一）', 'sec-一-（二）']);
	});

	it('nests arabic numbers written differently (1、 under 1.)', () => {
		expect(anchors('一、甲\n\n1\\. 乙\n\n1、丙\n\n2\\. 丁\n')).toEqual(['sec-一', 'sec-一-1', 'sec-一-1-1', 'sec-一-2']);
	});
});

describe('nesting: decimal numbers are absolute', () => {
	it('keeps decimal anchors as they are today, a heading of any level included', () => {
		expect(anchors('# 1. 目的\n\n- 1.1.1 甲\n- 1.2 乙\n\n## 6.4 文件\n\n### 6.4.3 管制\n')).toEqual([
			'sec-1',
			'sec-1-1-1',
			'sec-1-2',
			'sec-6-4',
			'sec-6-4-3',
		]);
	});

	it('reads `## 1 目的` (no dot) in a heading', () => {
		expect(anchors('## 1 目的\n\n## 2 範圍\n')).toEqual(['sec-1', 'sec-2']);
	});

	it('nests a decimal number under the open decimal clause that is its prefix', () => {
		const outline = outlineOf('## 6. 管理\n\n- 6.4.3 文件\n  - 6.4.3.1 核准\n- 6.5 紀錄\n');
		expect(outline.clauses.map((c) => [c.anchor, c.parent === undefined ? undefined : outline.clauses[c.parent]!.anchor])).toEqual([
			['sec-6', undefined],
			['sec-6-4-3', 'sec-6'],
			['sec-6-4-3-1', 'sec-6-4-3'],
			['sec-6-5', 'sec-6'],
		]);
	});

	it('makes a single number with no clause open decimal (1、目的 is clause 1)', () => {
		expect(anchors('1、目的\n\n2、範圍\n\n2.1 子項\n')).toEqual(['sec-1', 'sec-2', 'sec-2-1']);
	});
});

describe('nesting: Markdown ordered lists', () => {
	it('makes the items under `## 1. 目的` a child level, not duplicates of clause 1', () => {
		const outline = outlineOf('## 1. 目的\n\n1. 甲\n2. 乙\n\n## 2. 範圍\n\n1. 丙\n');
		expect(outline.clauses.map((c) => c.anchor)).toEqual(['sec-1', 'sec-1_1', 'sec-1_2', 'sec-2', 'sec-2_1']);
		expect(outline.problems).toEqual([]);
	});

	it('takes the number the list shows (its start)', () => {
		expect(anchors('一、甲\n\n3. 丙\n4. 丁\n')).toEqual(['sec-一', 'sec-一-3', 'sec-一-4']);
	});

	it('closes what a list item opened when the item ends', () => {
		expect(anchors('- 一、甲\n  - （一）乙\n- 二、丙\n\n（一）在清單之後\n')).toEqual(['sec-一', 'sec-一-（一）', 'sec-二', 'sec-（一）']);
	});
});

describe('nesting: headings', () => {
	it('close the clauses of the body before them', () => {
		expect(anchors('## 壹、總則\n\n一、甲\n\n## 貳、範圍\n\n一、乙\n')).toEqual(['sec-壹', 'sec-壹-一', 'sec-貳', 'sec-貳-一']);
	});

	it('of one level nest by style (a Word import with every heading at one level)', () => {
		expect(anchors('## 一、甲\n\n## （一）乙\n\n## （二）丙\n\n## 二、丁\n\n## （一）戊\n')).toEqual([
			'sec-一',
			'sec-一-（一）',
			'sec-一-（二）',
			'sec-二',
			'sec-二-（一）',
		]);
	});

	it('of the same style under a shallower heading nest (## 1. › ### 1.)', () => {
		expect(anchors('## 1. 目的\n\n### 1. 定義\n\n### 2. 用語\n\n## 2. 範圍\n')).toEqual(['sec-1', 'sec-1_1', 'sec-1_2', 'sec-2']);
	});

	it('without a number end the numbered section at their level (附錄)', () => {
		expect(anchors('## 壹、總則\n\n一、甲\n\n## 附錄\n\n（一）附表\n')).toEqual(['sec-壹', 'sec-壹-一', 'sec-（一）']);
	});

	it('without a number at a deeper level keep the enclosing clause open', () => {
		expect(anchors('## 壹、總則\n\n### 說明\n\n一、甲\n')).toEqual(['sec-壹', 'sec-壹-一']);
	});
});

describe('nesting: `1.目的` without a space', () => {
	it('is a clause inside an official-scheme clause', () => {
		expect(anchors('一、甲\n\n1.目的\n\n2.範圍\n')).toEqual(['sec-一', 'sec-一-1', 'sec-一-2']);
	});

	it('is not a clause at the top or under decimal clauses (as today)', () => {
		expect(anchors('1.目的\n')).toEqual([]);
		expect(anchors('## 1. 目的\n\n1.5倍\n\n2.目的\n')).toEqual(['sec-1']);
	});
});

describe('nesting: parts that number again', () => {
	it('give a second 壹、 after an unnumbered heading its own part', () => {
		const outline = outlineOf('## 資訊安全政策\n\n壹、總體目標\n\n一、甲\n\n## 資訊安全管理\n\n壹、人員安全管理\n\n一、乙\n');
		expect(outline.clauses.map((c) => c.anchor)).toEqual(['sec-壹', 'sec-壹-一', 'sec-第2部分-壹', 'sec-第2部分-壹-一']);
		expect(outline.problems).toEqual([]);
	});

	it('leave numbering that continues after an unnumbered heading as it is', () => {
		expect(anchors('壹、甲\n\n## 說明\n\n貳、乙\n')).toEqual(['sec-壹', 'sec-貳']);
	});

	it('do not excuse a number repeated within one part', () => {
		const outline = outlineOf('壹、甲\n\n壹、乙\n');
		expect(outline.problems.map((p) => p.rule)).toEqual(['outline/duplicate-clause']);
	});
});

describe('nesting: containers', () => {
	it('reads clauses in block quotes and MDX components', () => {
		expect(anchors('一、甲\n\n> （一）引文\n\n<Aside>\n（二）元件內\n</Aside>\n')).toEqual(['sec-一', 'sec-一-（一）', 'sec-一-（二）']);
	});
});
