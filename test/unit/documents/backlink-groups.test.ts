import { describe, expect, it } from 'vitest';
import { backlinkSummary, groupBacklinks } from '../../../src/lib/documents/backlink-groups.ts';

const link = (docNo: string, clause?: string) => ({
	docNo,
	title: `${docNo} 的標題`,
	url: clause ? `/documents/${docNo.toLowerCase()}/#sec-${clause.replace(/\./g, '-')}` : `/documents/${docNo.toLowerCase()}/`,
	...(clause ? { clause } : {}),
});

describe('groupBacklinks', () => {
	it('gives one entry per citing document, its clauses folded in order, with counts', () => {
		const groups = groupBacklinks([
			link('ISMS-P-001', '4.1'),
			link('ISMS-P-001', '5.2.1'),
			link('ISMS-P-002'),
			link('ISMS-P-003', '2'),
			link('ISMS-P-003'),
		]);
		expect(groups).toEqual([
			{
				docNo: 'ISMS-P-001',
				title: 'ISMS-P-001 的標題',
				url: '/documents/isms-p-001/',
				clauses: [
					{ clause: '4.1', url: '/documents/isms-p-001/#sec-4-1' },
					{ clause: '5.2.1', url: '/documents/isms-p-001/#sec-5-2-1' },
				],
				count: 2,
			},
			{ docNo: 'ISMS-P-002', title: 'ISMS-P-002 的標題', url: '/documents/isms-p-002/', clauses: [], count: 1 },
			{
				docNo: 'ISMS-P-003',
				title: 'ISMS-P-003 的標題',
				url: '/documents/isms-p-003/',
				clauses: [{ clause: '2', url: '/documents/isms-p-003/#sec-2' }],
				count: 2,
			},
		]);
		expect(backlinkSummary(groups)).toBe('共 3 份文件、5 處引用');
	});

	it('is empty for a document nobody cites', () => {
		expect(groupBacklinks([])).toEqual([]);
	});
});
