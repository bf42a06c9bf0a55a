import { describe, it, expect } from 'vitest';
import { clauseAnchor, clausePath, diffPath, docSlug, documentPath, versionPath, withBase } from '../../../src/lib/site/urls.ts';

describe('document URLs', () => {
	it('use the document number in lower case', () => {
		expect(docSlug('ISMS-M-001')).toBe('isms-m-001');
		expect(documentPath('ISMS-M-001')).toBe('/documents/isms-m-001/');
	});

	it('give each version a permanent /v<version>/ URL under the permalink', () => {
		expect(versionPath('ISMS-M-001', '1.0')).toBe('/documents/isms-m-001/v1.0/');
		expect(versionPath('ISMS-P-005', '1.10')).toBe('/documents/isms-p-005/v1.10/');
	});

	it('give a comparison of two versions a shareable address on the one diff page', () => {
		expect(diffPath('ISMS-M-001', '1.0', '1.1')).toBe('/diff/?doc=ISMS-M-001&from=1.0&to=1.1');
		expect(diffPath('ISMS-P-005', '1.9', '1.10')).toBe('/diff/?doc=ISMS-P-005&from=1.9&to=1.10');
	});

	it('link a clause on the current version', () => {
		expect(clausePath('ISMS-P-005', '4.2')).toBe('/documents/isms-p-005/#sec-4-2');
		expect(clausePath('ISMS-M-001', '6.4.3')).toBe('/documents/isms-m-001/#sec-6-4-3');
	});
});

describe('clauseAnchor', () => {
	it('turns dots into dashes after sec-', () => {
		expect(clauseAnchor('6.4.3')).toBe('sec-6-4-3');
		expect(clauseAnchor('6.3.1.1.4')).toBe('sec-6-3-1-1-4');
		expect(clauseAnchor('1')).toBe('sec-1');
	});

	it('drops a trailing dot (`1.` as in "1. 目的")', () => {
		expect(clauseAnchor('1.')).toBe('sec-1');
	});
});

describe('withBase', () => {
	it('prefixes root-relative paths with the base path, once', () => {
		expect(withBase('/isms/', '/documents/')).toBe('/isms/documents/');
		expect(withBase('/isms', '/soa/#control-a-9-2-1')).toBe('/isms/soa/#control-a-9-2-1');
		expect(withBase('/isms/', '/isms/documents/')).toBe('/isms/documents/');
	});

	it('keeps a query intact (the diff page reads its pair from it)', () => {
		expect(withBase('/isms/', diffPath('ISMS-P-005', '1.9', '1.10'))).toBe('/isms/diff/?doc=ISMS-P-005&from=1.9&to=1.10');
		expect(withBase('/isms', '/search/?q=管理審查&all=1')).toBe('/isms/search/?q=管理審查&all=1');
		expect(withBase('/', diffPath('ISMS-P-005', '1.9', '1.10'))).toBe('/diff/?doc=ISMS-P-005&from=1.9&to=1.10');
	});

	it('leaves a site at the root, anchors, relative and external URLs alone', () => {
		expect(withBase('/', '/documents/')).toBe('/documents/');
		expect(withBase(undefined, '/documents/')).toBe('/documents/');
		expect(withBase('/isms/', '#sec-6-4-3')).toBe('#sec-6-4-3');
		expect(withBase('/isms/', 'https://example.tw/')).toBe('https://example.tw/');
		expect(withBase('/isms/', '//cdn.example/x')).toBe('//cdn.example/x');
	});
});
