import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import JSZip from 'jszip';
import type { BuildResult } from './build.ts';

/**
 * Every file of a build as text, opened the way a reader or a crawler could open it: gzip (Pagefind
 * index and fragments) decompressed, zip containers (XLSX) unpacked entry by entry, word-break marks
 * removed.
 */
export async function builtTexts(site: BuildResult): Promise<{ file: string; text: string }[]> {
	const out: { file: string; text: string }[] = [];
	for (const file of site.files()) {
		const bytes = readFileSync(join(site.outDir, file));
		if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
			out.push({
				file,
				text: gunzipSync(bytes)
					.toString('utf8')
					.replace(/\u200b/g, ''),
			});
		} else if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
			const zip = await JSZip.loadAsync(bytes);
			for (const entry of Object.values(zip.files)) {
				if (!entry.dir) out.push({ file: `${file}!/${entry.name}`, text: await entry.async('string') });
			}
		} else {
			out.push({ file, text: bytes.toString('utf8').replace(/\u200b/g, '') });
		}
	}
	return out;
}
