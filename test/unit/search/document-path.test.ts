import { describe, expect, it } from 'vitest';
import { canonicalDocumentPath } from '../../../src/lib/search/document-path.ts';

const DOCS = ['ISMS-P-005', 'ISMS-M-001'];

describe('canonicalDocumentPath', () => {
	it('sends a document number in upper case, or without the slash, to the canonical address', () => {
		expect(canonicalDocumentPath('/documents/ISMS-P-005/', '/', DOCS)).toBe('/documents/isms-p-005/');
		expect(canonicalDocumentPath('/documents/isms-p-005', '/', DOCS)).toBe('/documents/isms-p-005/');
		expect(canonicalDocumentPath('/documents/Isms-P-005', '/', DOCS)).toBe('/documents/isms-p-005/');
		expect(canonicalDocumentPath('/documents/ISMS-P-005/V1.0', '/', DOCS)).toBe('/documents/isms-p-005/v1.0/');
		expect(canonicalDocumentPath(`/documents/${encodeURIComponent('ＩＳＭＳ－Ｐ－００５')}/`, '/', DOCS)).toBe('/documents/isms-p-005/');
	});

	it('follows the base path', () => {
		expect(canonicalDocumentPath('/isms/documents/ISMS-M-001/', '/isms/', DOCS)).toBe('/isms/documents/isms-m-001/');
		expect(canonicalDocumentPath('/documents/ISMS-M-001/', '/isms/', DOCS)).toBeUndefined();
	});

	it('leaves real 404s alone: unknown documents, other pages, the canonical address itself', () => {
		expect(canonicalDocumentPath('/documents/ISMS-P-099/', '/', DOCS)).toBeUndefined();
		expect(canonicalDocumentPath('/documents/isms-p-005/', '/', DOCS)).toBeUndefined();
		expect(canonicalDocumentPath('/documents/ISMS-P-005/versions.txt', '/', DOCS)).toBeUndefined();
		expect(canonicalDocumentPath('/soa/x', '/', DOCS)).toBeUndefined();
		expect(canonicalDocumentPath('/documents/%E0%A4%A', '/', DOCS)).toBeUndefined();
	});
});
