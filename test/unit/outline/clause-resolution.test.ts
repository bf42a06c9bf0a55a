import { describe, expect, it } from 'vitest';
import { pointLabel, resolveClauseReference } from '../../../src/lib/outline/clause-resolution.ts';
import { findClauseReferencesAfterDocuments as find } from './_references.ts';
import { outlineOf } from './_trees.ts';

describe('pointLabel', () => {
	it('writes the form back canonically', () => {
		expect(
			pointLabel([
				{ scheme: 'han', number: 3 },
				{ scheme: 'han-paren', number: 2 },
				{ scheme: 'arabic', number: 1 },
			]),
		).toBe('第三點第二款第1目');
	});
});

describe('resolveClauseReference', () => {
	const policy = outlineOf('壹、總則\n\n一、甲\n\n（一）乙\n\n（二）丙\n\n1、丁\n\n二、戊\n\n貳、範圍\n\n一、己\n\n三、庚\n');
	const resolve = (text: string, citing?: string) => {
		const ref = find(text)[0]!;
		return resolveClauseReference(ref, policy, citing ? { citing: policy.clauses.find((c) => c.anchor === citing)!.path } : {});
	};
	const anchorOf = (resolution: ReturnType<typeof resolve>) =>
		resolution.status === 'found' ? resolution.clause.anchor : resolution.status;

	it('finds a whole path, and the end of a longer one', () => {
		expect(anchorOf(resolve('依壹、一、(二)、1、'))).toBe('sec-壹-一-（二）-1');
		expect(anchorOf(resolve('依貳、三、'))).toBe('sec-貳-三');
		expect(anchorOf(resolve('依一、（二）'))).toBe('sec-壹-一-（二）');
	});

	it('says which clauses an ambiguous reference could mean', () => {
		// 點 is the 一、 level (under 壹 and under 貳 here); some writers mean 壹、 by 第一點: named too.
		expect(resolve('依第一點')).toEqual({
			status: 'ambiguous',
			clauses: [policy.clauses[1], policy.clauses[7], policy.clauses[0]],
			message: '「第一點」有 3 處：「壹、一、」、「貳、一、」、「壹、」；頁面不會加連結，請寫出完整的條次（例如「壹、一、」）',
		});
	});

	it('takes the one nearest the citing clause, naming the other it could mean', () => {
		expect(anchorOf(resolve('依第一點', 'sec-貳-三'))).toBe('sec-貳-一');
		expect(anchorOf(resolve('依第一點', 'sec-壹-二'))).toBe('sec-壹-一');
		expect(resolve('依第一點', 'sec-貳-三')).toEqual({
			status: 'found',
			clause: policy.clauses[7],
			others: [policy.clauses[1], policy.clauses[0]],
			message:
				'「第一點」可能指 3 處：「貳、一、」、「壹、一、」、「壹、」；頁面連到「貳、一、」（與引用處在同一條之下），若指其他處請寫出完整的條次（例如「壹、一、」）',
		});
	});

	it('finds a bare two-level path present under two parents as the nearest, naming both', () => {
		const twice = outlineOf('壹、甲\n\n一、乙\n\n（一）丙\n\n貳、丁\n\n一、戊\n\n（一）己\n');
		const ref = find('依一、（一）辦理')[0]!;
		expect(resolveClauseReference(ref, twice)).toMatchObject({
			status: 'ambiguous',
			message: '「一、（一）」有 2 處：「壹、一、（一）」、「貳、一、（一）」；頁面不會加連結，請寫出完整的條次（例如「壹、一、（一）」）',
		});
		const near = resolveClauseReference(ref, twice, { citing: twice.clauses[4]!.path });
		expect(near.status === 'found' && [near.clause.label, near.others?.map((c) => c.label)]).toEqual([
			'貳、一、（一）',
			['壹、一、（一）'],
		]);
	});

	it('第三點 in a document with both 參、 and 三、: the 三、 level (點), with 參、 named', () => {
		const both = outlineOf('壹、甲\n\n一、乙\n\n二、丙\n\n三、丁\n\n貳、戊\n\n參、己\n');
		const found = resolveClauseReference(find('依第三點')[0]!, both);
		expect(found).toMatchObject({
			status: 'found',
			clause: { label: '壹、三、' },
			message:
				'「第三點」可能指 2 處：「壹、三、」、「參、」；頁面連到「壹、三、」（「點」是「一、」這一層），若指其他處請寫出完整的條次（例如「參、」）',
		});
		// Only 參、 there: not found (點 is the 一、 level), with the way to cite it.
		const upperOnly = outlineOf('壹、甲\n\n貳、乙\n\n參、丙\n');
		expect(resolveClauseReference(find('依第三點')[0]!, upperOnly)).toEqual({
			status: 'not-found',
			message: '沒有「第三點」；本文件沒有「一、」（點）這一層的條文；若指「參、」，請直接寫「參、」',
		});
		// A 要點 numbered from 一、 (no 壹、): nothing else it could mean.
		const plain = resolveClauseReference(find('依第三點')[0]!, outlineOf('一、甲\n\n二、乙\n\n三、丙\n'));
		expect(plain).toMatchObject({ status: 'found', clause: { label: '三、' } });
		expect(plain).not.toHaveProperty('others');
	});

	it('names what the document has when a clause is not there', () => {
		const message = (text: string) => {
			const resolution = resolve(text);
			return resolution.status === 'not-found' ? resolution.message : resolution.status;
		};
		expect(message('依壹、一、（五）')).toBe('沒有「壹、一、（五）」；「壹、一、」之下只有「（一）」、「（二）」');
		expect(message('依參、一、')).toBe('沒有「參、一、」；本文件這一層有「壹、」、「貳、」');
		expect(message('依第九點')).toBe('沒有「第九點」；本文件的點次為第一點至第三點');
		expect(message('依第二點第一款')).toBe('沒有「第二點第一款」；第二點沒有款');
		expect(message('依壹、一、（一）1.')).toBe('沒有「壹、一、（一）1.」；「壹、一、（一）」之下沒有「1.」這一層');
	});

	it('explains a reference into a document without that numbering', () => {
		const decimal = outlineOf('## 1. 目的\n\n- 1.1 甲\n');
		expect(resolveClauseReference(find('依第三點')[0]!, decimal)).toEqual({
			status: 'not-found',
			message: '沒有「第三點」；本文件沒有「一、」（點）這一層的條文（本文件的條次為 6.4.3 式，請以「第 6.4.3 節」引用）',
		});
		expect(resolveClauseReference(find('依壹、一、')[0]!, outlineOf('沒有條次。\n'))).toEqual({
			status: 'not-found',
			message: '沒有「壹、一、」；本文件沒有「壹、」這一層的條文（本文件沒有編號的條文）',
		});
	});

	it('reaches the first of two parts numbered alike by the whole path, the second part by its own anchor only', () => {
		const parts = outlineOf('## 政策\n\n壹、甲\n\n## 管理\n\n壹、乙\n');
		const found = resolveClauseReference(find('依本要點壹、')[0]!, parts);
		expect(found.status === 'found' && found.clause.anchor).toBe('sec-壹');
	});
});
