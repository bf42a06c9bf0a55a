import { describe, it, expect } from 'vitest';
import { masterList } from '../../../src/lib/documents/listing.ts';
import { tierKinds } from '../../../src/lib/documents/fields.ts';
import { pd, pv } from '../_helpers.ts';

const inForce = (docNo: string, tier: 1 | 2 | 3 | 4) => pd(docNo, [pv(docNo, '1.0', 'current', { tier })]);

describe('masterList', () => {
	it('groups documents in force by tier, in tier order, with labels, omitting empty tiers', () => {
		const { groups, notInForce } = masterList([
			inForce('ISMS-F-001', 4),
			inForce('ISMS-P-005', 2),
			inForce('ISMS-M-001', 1),
			inForce('ISMS-P-002', 2),
		]);
		expect(groups.map((g) => [g.tier, g.label, g.kind, g.documents.map((d) => d.docNo)])).toEqual([
			[1, '第一階文件', '政策/手冊', ['ISMS-M-001']],
			[2, '第二階文件', '程序書', ['ISMS-P-002', 'ISMS-P-005']],
			[4, '第四階文件', '表單/紀錄', ['ISMS-F-001']],
		]);
		expect(notInForce).toEqual([]);
	});

	it("names each tier's kind with the agency's configured kinds", () => {
		const { groups } = masterList([inForce('ISMS-M-201', 1)], tierKinds({ 1: '政策/手冊/計畫' }));
		expect(groups.map((g) => g.kind)).toEqual(['政策/手冊/計畫']);
		expect(tierKinds({ 2: '程序書/計畫' })).toEqual({ 1: '政策/手冊', 2: '程序書/計畫', 3: '作業說明/規範', 4: '表單/紀錄' });
	});

	it('orders document numbers numerically, not as text', () => {
		const { groups } = masterList([inForce('DOC-10', 3), inForce('DOC-9', 3), inForce('DOC-100', 3), inForce('DOC-2', 3)]);
		expect(groups).toHaveLength(1);
		expect(groups[0]!.documents.map((d) => d.docNo)).toEqual(['DOC-2', 'DOC-9', 'DOC-10', 'DOC-100']);
	});

	it('lists documents with no version in force apart, in number order, and in no tier', () => {
		const withdrawn = pd('ISMS-P-008', [pv('ISMS-P-008', '1.1', 'withdrawn'), pv('ISMS-P-008', '1.0', 'superseded')]);
		const upcoming = pd('ISMS-P-009', [pv('ISMS-P-009', '0.1', 'upcoming')]);
		const draft = pd('ISMS-P-003', [pv('ISMS-P-003', '0.1', 'draft')]);
		const { groups, notInForce } = masterList([upcoming, inForce('ISMS-P-005', 2), withdrawn, draft]);
		expect(notInForce.map((d) => d.docNo)).toEqual(['ISMS-P-003', 'ISMS-P-008', 'ISMS-P-009']);
		expect(groups.map((g) => g.documents.map((d) => d.docNo))).toEqual([['ISMS-P-005']]);
	});

	it('places a document by the tier of its current version, not of a newer upcoming one', () => {
		const doc = pd('ISMS-P-005', [pv('ISMS-P-005', '2.0', 'upcoming', { tier: 3 }), pv('ISMS-P-005', '1.0', 'current', { tier: 2 })]);
		expect(masterList([doc]).groups.map((g) => [g.tier, g.documents.map((d) => d.docNo)])).toEqual([[2, ['ISMS-P-005']]]);
	});

	it('keeps the document objects as given and does not reorder the input', () => {
		const input = [inForce('ISMS-P-005', 2), inForce('ISMS-M-001', 1)];
		const { groups } = masterList(input);
		expect(groups[1]!.documents[0]).toBe(input[0]);
		expect(input.map((d) => d.docNo)).toEqual(['ISMS-P-005', 'ISMS-M-001']);
	});

	it('is empty for no documents', () => {
		expect(masterList([])).toEqual({ groups: [], notInForce: [] });
	});
});
