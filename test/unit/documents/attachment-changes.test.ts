import { describe, expect, it } from 'vitest';
import { attachmentChanges, describeAttachmentChanges, type AttachmentFile } from '../../../src/lib/documents/attachment-changes.ts';

const file = (name: string, sha256: string, version = '1.1'): AttachmentFile => ({
	name,
	sha256,
	size: 10,
	href: `/documents/isms-f-103/v${version}/${encodeURIComponent(name)}`,
});

describe('attachmentChanges', () => {
	it('finds a file added, one removed, and one replaced (same name, other SHA-256); an unchanged file is no change', () => {
		const before = [file('清冊.odt', 'aaa', '1.0'), file('說明.pdf', 'bbb', '1.0'), file('舊表.docx', 'ccc', '1.0')];
		const after = [file('新表.odt', 'ddd'), file('清冊.odt', 'aaa'), file('說明.pdf', 'eee')];
		const changes = attachmentChanges(before, after);
		expect(changes.map((c) => [c.kind, c.file.name, c.file.href])).toEqual([
			['added', '新表.odt', '/documents/isms-f-103/v1.1/%E6%96%B0%E8%A1%A8.odt'],
			['replaced', '說明.pdf', '/documents/isms-f-103/v1.1/%E8%AA%AA%E6%98%8E.pdf'],
			['removed', '舊表.docx', '/documents/isms-f-103/v1.0/%E8%88%8A%E8%A1%A8.docx'],
		]);
		expect(describeAttachmentChanges(changes)).toBe('新增「新表.odt」；更新「說明.pdf」；刪除「舊表.docx」');
	});

	it('lists every file of a first version as added, and nothing when the files are the same (names compared case aside)', () => {
		expect(attachmentChanges([], [file('a.pdf', '1')]).map((c) => c.kind)).toEqual(['added']);
		expect(attachmentChanges([file('A.PDF', '1')], [file('a.pdf', '1')])).toEqual([]);
		expect(describeAttachmentChanges([])).toBe('');
	});
});
