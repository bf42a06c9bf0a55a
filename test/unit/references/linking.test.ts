import { describe, it, expect } from 'vitest';
import { linkedDocNo, renderReference, type LinkTargets } from '../../../src/lib/references/linking.ts';
import type { FoundReference } from '../../../src/lib/references/references.ts';

const targets = (linkControls = true): LinkTargets => ({
	published: new Set(['ISMS-P-005', 'ISMS-M-001']),
	hidden: new Set(['ISMS-R-001']),
	linkControls,
});
const doc = (docNo: string, extra: { citedTitle?: string; quoted?: boolean } = {}): FoundReference => ({
	kind: 'document',
	docNo,
	quoted: extra.quoted ?? false,
	...(extra.citedTitle ? { citedTitle: extra.citedTitle } : {}),
	index: 0,
	length: 10,
});
const clause = (clauseNo: string, docNo?: string): FoundReference => ({
	kind: 'clause',
	...(docNo ? { docNo } : {}),
	clause: clauseNo,
	index: 0,
	length: 7,
});
const control = (id: string): FoundReference => ({ kind: 'control', id, index: 0, length: id.length });

describe('renderReference: documents', () => {
	it('links a published document to its permalink', () => {
		expect(renderReference(doc('ISMS-P-005'), 'ISMS-M-001', targets())).toEqual({ href: '/documents/isms-p-005/' });
		expect(renderReference(doc('ISMS-P-005', { citedTitle: '資訊安全目標管理程序書', quoted: true }), 'ISMS-M-001', targets())).toEqual({
			href: '/documents/isms-p-005/',
		});
	});

	it('links a document citing itself', () => {
		expect(renderReference(doc('ISMS-M-001'), 'ISMS-M-001', targets())).toEqual({ href: '/documents/isms-m-001/' });
	});

	it('renders a hidden document as its bare number, dropping the cited title', () => {
		expect(renderReference(doc('ISMS-R-001', { citedTitle: '機房門禁紀錄' }), 'ISMS-M-001', targets())).toEqual({
			replaceWith: 'ISMS-R-001',
		});
	});

	it('keeps the quotes of a quoted hidden document', () => {
		expect(renderReference(doc('ISMS-R-001', { citedTitle: '機房門禁紀錄', quoted: true }), 'ISMS-M-001', targets())).toEqual({
			replaceWith: '「ISMS-R-001」',
		});
	});

	it('leaves an unknown document as written', () => {
		expect(renderReference(doc('ISMS-P-999'), 'ISMS-M-001', targets())).toBeUndefined();
	});
});

describe('renderReference: clauses', () => {
	it('links a clause of the citing document to its anchor on the same page', () => {
		expect(renderReference(clause('6.4.3'), 'ISMS-M-001', targets())).toEqual({ href: '#sec-6-4-3' });
		expect(renderReference(clause('6.4.3', 'ISMS-M-001'), 'ISMS-M-001', targets())).toEqual({ href: '#sec-6-4-3' });
	});

	it('links a clause of another published document to its permalink anchor', () => {
		expect(renderReference(clause('4.2', 'ISMS-P-005'), 'ISMS-M-001', targets())).toEqual({ href: '/documents/isms-p-005/#sec-4-2' });
	});

	it('does not link a clause of a hidden or unknown document', () => {
		expect(renderReference(clause('4.2', 'ISMS-R-001'), 'ISMS-M-001', targets())).toBeUndefined();
		expect(renderReference(clause('4.2', 'ISMS-P-999'), 'ISMS-M-001', targets())).toBeUndefined();
	});

	it('does not link a clause of its own when the citing document is hidden (or unknown)', () => {
		expect(renderReference(clause('4.2'), 'ISMS-R-001', targets())).toBeUndefined();
		expect(renderReference(clause('4.2'), undefined, targets())).toBeUndefined();
	});
});

describe('renderReference: controls', () => {
	it('links a control to its SoA row when controls are linked', () => {
		expect(renderReference(control('A.9.2.1'), 'ISMS-M-001', targets(true))).toEqual({ href: '/soa/#control-a-9-2-1' });
		expect(renderReference(control('A.5.15'), 'ISMS-M-001', targets(true))).toEqual({ href: '/soa/#control-a-5-15' });
	});

	it('asks the SoA which row covers a control when it can (either catalogue)', () => {
		const withLinks = {
			...targets(true),
			controlLink: (id: string) => (id === 'A.9.4.3' ? { href: '/soa/#control-a-5-17', note: '→ A.5.17' } : undefined),
		};
		expect(renderReference(control('A.9.4.3'), 'ISMS-M-001', withLinks)).toEqual({ href: '/soa/#control-a-5-17', note: '→ A.5.17' });
		expect(renderReference(control('A.9.9.9'), 'ISMS-M-001', withLinks)).toBeUndefined();
	});

	it('leaves controls as text otherwise', () => {
		expect(renderReference(control('A.9.2.1'), 'ISMS-M-001', targets(false))).toBeUndefined();
	});
});

describe('linkedDocNo', () => {
	it.each([
		['/documents/isms-p-005/', 'ISMS-P-005'],
		['/documents/isms-p-005/v1.0/#sec-1', 'ISMS-P-005'],
		['/documents/isms-p-005#sec-1', 'ISMS-P-005'],
		['/documents/isms-p-005', 'ISMS-P-005'],
	])('reads %s as %s', (url, docNo) => {
		expect(linkedDocNo(url)).toBe(docNo);
	});

	it.each([
		'/documents/',
		'/documents/#x',
		'/soa/',
		'https://example.com/documents/isms-p-005/',
		'documents/isms-p-005/',
		'../isms-p-005/',
	])('reads no document in %s', (url) => {
		expect(linkedDocNo(url)).toBeUndefined();
	});
});
