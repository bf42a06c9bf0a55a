import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolveAsset, type AssetReference } from '../lib/documents/assets.ts';
import { duplicateNames } from '../lib/documents/attachments.ts';
import type { DocumentVersion } from '../lib/documents/document-version.ts';
import type { Problem } from '../lib/problems.ts';

/**
 * Attachments and images of a version whose files are missing (or named twice). Files come and go
 * between analyses (the dev server's): checked every time, never kept.
 */
export function missingFiles(root: string, version: DocumentVersion, assets: readonly AssetReference[]): Problem[] {
	const problems: Problem[] = [];
	const duplicates = duplicateNames(version.attachments ?? []);
	(version.attachments ?? []).forEach((attachment, index) => {
		const at = version.fieldPositions[`attachments.${index}`] ?? { line: 1, column: 1 };
		if (duplicates.has(index)) {
			problems.push({
				file: version.file,
				...at,
				severity: 'error',
				rule: 'asset/duplicate-attachment',
				message: `附件「${attachment}」與前面的附件同名；同一版次的附件以檔名下載，檔名不可重複，請改名`,
			});
			return;
		}
		const path = resolveAsset(version.file, attachment);
		if (existsSync(join(root, path))) return;
		problems.push({
			file: version.file,
			...at,
			severity: 'error',
			rule: 'asset/missing',
			message: `附件「${attachment}」不存在（找不到 ${path}）；請把檔案放到 ${path.replace(/\/[^/]*$/, '/')}，或修正路徑`,
		});
	});
	problems.push(...missingImages(root, version.file, assets));
	return problems;
}

/** Images a body shows whose files are missing. */
export function missingImages(root: string, file: string, assets: readonly AssetReference[]): Problem[] {
	const problems: Problem[] = [];
	for (const asset of assets) {
		const path = resolveAsset(file, asset.url);
		if (existsSync(join(root, path))) continue;
		problems.push({
			file,
			line: asset.line,
			column: asset.column,
			severity: 'error',
			rule: 'asset/missing',
			message: `圖片「${asset.url}」不存在（找不到 ${path}）；請把圖檔放到 ${path.replace(/\/[^/]*$/, '/')}，或修正路徑`,
		});
	}
	return problems;
}
