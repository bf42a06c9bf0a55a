import type { DiffBlock } from './diff.ts';
import type { AttachmentFile } from '../documents/attachment-changes.ts';
import type { PublishedDocument, PublishedVersion } from '../documents/portal.ts';
import type { VersionState } from '../documents/resolve.ts';
import { compareVersions, isVersion } from '../documents/version.ts';

/**
 * What the diff page (`/diff/?doc=…&from=…&to=…`) fetches of one document:
 * `/documents/<docno>/versions.json`, built for every published document with two versions or more.
 * It holds only published versions (the model is already cut at the publication ceiling), newest
 * first as everywhere else in the portal, each with the text blocks the diff compares.
 */
export interface VersionsFile {
	docNo: string;
	/** Title of the version the permalink shows. */
	title: string;
	/** Newest first. */
	versions: VersionEntry[];
}

export interface VersionEntry {
	version: string;
	title: string;
	/** `YYYY-MM-DD` */
	effective: string;
	state: VersionState;
	/** 修訂說明, when the version has one. */
	changes?: string;
	/** The version's own page, under the site's base path. */
	url: string;
	/** The files offered for download with it (name, address, size, SHA-256), when it has any. */
	attachments?: AttachmentFile[];
	blocks: DiffBlock[];
}

/** Documents that have something to compare: two published versions or more. */
export function diffableDocuments(documents: readonly PublishedDocument[]): PublishedDocument[] {
	return documents.filter((document) => document.versions.length >= 2);
}

/** What versions.json takes of the build's blocks (src/lib/outline/outline.ts `OutlineBlock`). */
export type SourceBlock = Omit<DiffBlock, 'clausePath'> & { within?: { label: string } };

/**
 * The versions.json of one document, from the build's blocks (by version id) and, when given, the
 * attachments of each published version (read by the build: src/node/attachments.ts).
 */
export function versionsFile(
	document: PublishedDocument,
	blocks: Readonly<Record<string, readonly SourceBlock[]>>,
	attachmentsOf?: (version: PublishedVersion) => readonly AttachmentFile[],
): VersionsFile {
	return {
		docNo: document.docNo,
		title: document.latest.title,
		versions: document.versions.map((v) => ({
			version: v.version,
			title: v.title,
			effective: v.effective,
			state: v.state,
			...(v.changes ? { changes: v.changes } : {}),
			url: v.url,
			...attachmentsEntry(attachmentsOf?.(v)),
			// Only what the diff reads: no line numbers or depths; the clause path a block is in (參、一、（二）).
			blocks: (blocks[v.id] ?? []).map((block) => {
				const within = block.within?.label;
				return {
					kind: block.kind,
					...(block.clause ? { clause: block.clause } : within ? { clausePath: within } : {}),
					text: block.text,
					// A table row: its cells and column headings, so the diff shows the changed cell in its row.
					...(block.cells ? { cells: block.cells } : {}),
					...(block.head ? { head: block.head } : {}),
					...(block.columns ? { columns: block.columns } : {}),
				};
			}),
		})),
	};
}

/** Only name, address, size and SHA-256 of each file (never its bytes). */
function attachmentsEntry(files: readonly AttachmentFile[] | undefined): { attachments?: AttachmentFile[] } {
	return files && files.length > 0 ? { attachments: files.map(({ name, href, size, sha256 }) => ({ name, href, size, sha256 })) } : {};
}

export type PairChoice = { ok: true; from: string; to: string } | { ok: false; message: string };

/**
 * Which two versions to compare, from the page's query (`from`, `to`, each possibly missing) and the
 * document's versions, newest first:
 * - neither given: the newest version against the one before it;
 * - only `from`: `from` against the newest; only `to`: `to` against the one before it (after it, for the oldest);
 * - older first whichever way round they were given;
 * - the same version twice, or a version the document does not have: a message for staff.
 */
export function choosePair(versions: readonly string[], from: string | null | undefined, to: string | null | undefined): PairChoice {
	const known = (v: string) => versions.includes(v);
	for (const v of [from, to]) {
		if (v && !known(v)) {
			return { ok: false, message: `找不到第 ${v} 版。本文件已發布的版次為 ${versions.join('、')}。` };
		}
	}
	let older = from || undefined;
	let newer = to || undefined;
	if (!newer) newer = versions[0];
	if (!older && newer) {
		const index = versions.indexOf(newer);
		older = versions[index + 1] ?? versions[index - 1];
	}
	if (!older || !newer) return { ok: false, message: '本文件只有一個版次，無從比較。' };
	if (older === newer) return { ok: false, message: '請選擇兩個不同的版次。' };
	if (isVersion(older) && isVersion(newer) && compareVersions(older, newer) > 0) [older, newer] = [newer, older];
	return { ok: true, from: older, to: newer };
}
