import type { Attachment } from './attachments.ts';

/**
 * How a version's attachments changed from the version before it, for the revision history (修訂紀錄)
 * and the diff page: a file added, removed, or replaced (same name, other content: another SHA-256).
 * Names compare as they are served, case aside (src/lib/documents/attachments.ts `duplicateNames`).
 */

/** What versions.json and the pages know of an attachment: name, address, size and SHA-256. */
export type AttachmentFile = Attachment;

export interface AttachmentChange {
	kind: 'added' | 'removed' | 'replaced';
	/** The file: the newer version's (added, replaced) or the older one's (removed). */
	file: AttachmentFile;
}

/** The changes from `before` (the older version's attachments; none for a first version) to `after`: added and replaced in the newer version's order, then removed. */
export function attachmentChanges(before: readonly AttachmentFile[], after: readonly AttachmentFile[]): AttachmentChange[] {
	const key = (file: AttachmentFile) => file.name.toLowerCase();
	const older = new Map(before.map((file) => [key(file), file]));
	const newer = new Set(after.map(key));
	const changes: AttachmentChange[] = [];
	for (const file of after) {
		const old = older.get(key(file));
		if (!old) changes.push({ kind: 'added', file });
		else if (old.sha256 !== file.sha256) changes.push({ kind: 'replaced', file });
	}
	for (const file of before) if (!newer.has(key(file))) changes.push({ kind: 'removed', file });
	return changes;
}

export const CHANGE_LABELS = { added: '新增', replaced: '更新', removed: '刪除' } as const;

/** `新增「資訊資產清冊.odt」；更新「清冊填寫說明.pdf」；刪除「舊表.docx」`, or '' when nothing changed. */
export function describeAttachmentChanges(changes: readonly AttachmentChange[]): string {
	return changes.map((change) => `${CHANGE_LABELS[change.kind]}「${change.file.name}」`).join('；');
}
