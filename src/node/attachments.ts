import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveAsset } from '../lib/documents/assets.ts';
import { attachmentHref, attachmentName, type Attachment } from '../lib/documents/attachments.ts';

/**
 * The attachments of a published version with their size and SHA-256, read from the project folder
 * (the build runs there). Only versions in the build's model get here, so nothing above the
 * publication ceiling is ever read for the site.
 */
export function readAttachments(
	root: string,
	base: string | undefined,
	version: { file: string; docNo: string; version: string; attachments?: string[] },
): (Attachment & { bytes: Buffer })[] {
	return (version.attachments ?? []).map((path) => {
		const bytes = readFileSync(join(root, resolveAsset(version.file, path)));
		const name = attachmentName(path);
		return {
			name,
			href: attachmentHref(base, version.docNo, version.version, name),
			size: bytes.length,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			bytes,
		};
	});
}
