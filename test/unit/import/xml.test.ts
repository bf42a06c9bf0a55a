import { describe, expect, it } from 'vitest';
import { childValue, findAll, parseXml } from '../../../src/lib/import/xml.ts';

describe('parseXml', () => {
	it('builds an element tree with prefixed names, attributes and text', () => {
		const root = parseXml(
			'<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:numPr><w:ilvl w:val="2"/></w:numPr><w:t>資通&amp;安全</w:t></w:p></w:body></w:document>',
		);
		expect(root.name).toBe('w:document');
		expect(childValue(findAll(root, 'w:numPr')[0], 'w:ilvl')).toBe('2');
		expect(findAll(root, 'w:t')[0]!.children).toEqual(['資通&安全']);
	});

	it('throws on malformed XML', () => {
		expect(() => parseXml('<a><b></a>')).toThrow();
		expect(() => parseXml('')).toThrow();
	});
});
