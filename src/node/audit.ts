import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import JSZip from 'jszip';
import { findCanaries, type Canary, type Finding } from '../lib/ceiling/audit.ts';
import type { Classification } from '../lib/documents/classification.ts';
import { TextMatcher } from '../lib/ceiling/text-match.ts';

/**
 * The file side of the build's audit (src/lib/ceiling/audit.ts): the canary list, kept in the Astro cache
 * folder (never in the output), and the walk over every output file, gzip and zip opened.
 */
export interface AuditList {
	/** Ties the list to the build record that names it. */
	id: string;
	ceiling: Classification;
	canaries: Canary[];
}

/** Writes the canary list for the build into `outDir`; returns where, for the build record. */
export function writeAuditList(
	cacheDir: string,
	outDir: string,
	ceiling: Classification,
	canaries: Canary[],
): { file: string; id: string } {
	const key = createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16);
	const file = join(resolve(cacheDir), `isms-portal-audit-${key}.json`);
	const id = randomUUID();
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify({ id, ceiling, canaries } satisfies AuditList));
	return { file, id };
}

/** The list the build record names; undefined when it is missing or belongs to another build. */
export function readAuditList(file: string, id: string): AuditList | undefined {
	try {
		const list = JSON.parse(readFileSync(file, 'utf8')) as AuditList;
		return list.id === id && Array.isArray(list.canaries) ? list : undefined;
	} catch {
		return undefined;
	}
}

export function removeAuditList(file: string): void {
	rmSync(file, { force: true });
}

/** Every file of the output folder, relative, forward slashes. */
export function outputFiles(outDir: string): string[] {
	const root = resolve(outDir);
	return readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) =>
			join(entry.parentPath, entry.name)
				.slice(root.length + 1)
				.split(sep)
				.join('/'),
		)
		.sort();
}

/** Decompressed output is read up to this size per file; a larger (or corrupt) archive is read as its raw bytes. */
const MAX_EXPANDED = 256 * 1024 * 1024;

/**
 * A file as text: gzip (the Pagefind index and fragments) decompressed, zip (XLSX, an attached .docx/.odt)
 * entry by entry. An archive that does not open (an attachment that only looks like a zip, a truncated
 * file) or would expand beyond MAX_EXPANDED is searched as it is, never a crash of the build.
 */
async function textsOf(file: string, bytes: Buffer): Promise<{ file: string; text: string }[]> {
	const raw = [{ file, text: bytes.toString('utf8') }];
	try {
		if (bytes[0] === 0x1f && bytes[1] === 0x8b) return await textsOf(file, gunzipSync(bytes, { maxOutputLength: MAX_EXPANDED }));
		if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
			const zip = await JSZip.loadAsync(bytes);
			const out: { file: string; text: string }[] = [];
			let expanded = 0;
			for (const entry of Object.values(zip.files)) {
				if (entry.dir) continue;
				const content = await entry.async('nodebuffer');
				expanded += content.length;
				if (expanded > MAX_EXPANDED) return raw;
				out.push(...(await textsOf(`${file}!/${entry.name}`, content)));
			}
			return out;
		}
	} catch {
		return raw;
	}
	return raw;
}

/** What of the canaries the output folder contains: every file, every canary, the first place each is found. */
export async function auditOutput(outDir: string, canaries: readonly Canary[]): Promise<{ findings: Finding[]; files: number }> {
	const files = outputFiles(outDir);
	if (canaries.length === 0) return { findings: [], files: files.length };
	const matcher = new TextMatcher(canaries.map((canary) => canary.text));
	const findings: Finding[] = [];
	// A file identical to one already read (the /v<version>/ copy of a permalink page) has the same findings.
	const seen = new Map<string, { source: string; findings: Finding[] }>();
	for (const file of files) {
		const bytes = readFileSync(join(outDir, file));
		const hash = createHash('sha256').update(bytes).digest('hex');
		const known = seen.get(hash);
		if (known && /\.[^/]*$/.exec(known.source)?.[0] === /\.[^/]*$/.exec(file)?.[0]) {
			findings.push(...known.findings.map((finding) => ({ ...finding, file: file + finding.file.slice(known.source.length) })));
			continue;
		}
		const found: Finding[] = [];
		for (const { file: name, text } of await textsOf(file, bytes)) {
			found.push(...findCanaries(name, text, /\.(?:html?|xml|svg)$/i.test(name), canaries, matcher));
		}
		seen.set(hash, { source: file, findings: found });
		findings.push(...found);
	}
	return { findings, files: files.length };
}

/** Leaves the output folder empty: nothing of a failed build can be published or copied by hand. */
export function emptyOutput(outDir: string): void {
	for (const entry of readdirSync(outDir)) rmSync(join(outDir, entry), { recursive: true, force: true });
}
