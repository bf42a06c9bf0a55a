import { versionPath, withBase } from '../site/urls.ts';

/** A file offered for download with a version (`attachments` in its frontmatter), as its page lists it. */
export interface Attachment {
	/** The file name staff see and download (`資訊資產清冊.odt`). */
	name: string;
	/** `/documents/<docno>/v<version>/<name>` (percent-encoded), under the site's base path. */
	href: string;
	size: number;
	sha256: string;
}

/** `./assets/1.0/資訊資產清冊.odt` → `資訊資產清冊.odt`. */
export function attachmentName(path: string): string {
	return path.split('/').at(-1)!;
}

/** Where a version's attachment is served: beside the version's own page. */
export function attachmentHref(base: string | undefined, docNo: string, version: string, name: string): string {
	return withBase(base, `${versionPath(docNo, version)}${encodeURIComponent(name)}`);
}

/** `1,234 位元組`, `12.3 KB`, `4.5 MB`. */
export function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes.toLocaleString('en-US')} 位元組`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Names given twice in one version's attachments (they would be served at the same address). */
export function duplicateNames(paths: readonly string[]): Set<number> {
	const seen = new Map<string, number>();
	const duplicates = new Set<number>();
	paths.forEach((path, index) => {
		const name = attachmentName(path).toLowerCase();
		if (seen.has(name)) duplicates.add(index);
		else seen.set(name, index);
	});
	return duplicates;
}
