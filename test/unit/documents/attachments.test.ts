import { describe, expect, it } from 'vitest';
import { attachmentHref, attachmentName, duplicateNames, formatSize } from '../../../src/lib/documents/attachments.ts';

describe('attachments', () => {
	it('are served beside the version page, percent-encoded, under the base path', () => {
		expect(attachmentName('./assets/1.0/資訊資產清冊.odt')).toBe('資訊資產清冊.odt');
		expect(attachmentHref(undefined, 'ISMS-F-101', '1.0', '清冊 A.odt')).toBe('/documents/isms-f-101/v1.0/%E6%B8%85%E5%86%8A%20A.odt');
		expect(attachmentHref('/isms/', 'ISMS-F-101', '1.0', 'a.pdf')).toBe('/isms/documents/isms-f-101/v1.0/a.pdf');
	});

	it('show their size for staff', () => {
		expect([0, 1023, 1536, 5 * 1024 * 1024 + 1].map(formatSize)).toEqual(['0 位元組', '1,023 位元組', '1.5 KB', '5.0 MB']);
	});

	it('find a name given twice (case aside): it would be served at one address', () => {
		expect(duplicateNames(['./assets/1.0/a.pdf', './assets/1.1/b.pdf', 'A.PDF'])).toEqual(new Set([2]));
	});
});
