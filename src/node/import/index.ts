import { rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { analyzeCorpus } from '../analyze.ts';
import type { BuildSettings } from '../../lib/site/settings.ts';
import type { PortalConfig } from '../../schemas/config.ts';
import type { ImportFlags } from '../../lib/import/frontmatter-out.ts';
import { planImport } from '../../lib/import/plan.ts';
import { sortProblems, type Problem } from '../../lib/problems.ts';
import { ImportError, readSource } from './source.ts';
import { writeImport } from './write.ts';

export interface ImportRequest {
	root: string;
	/** The .docx or .odt to import (relative to root or absolute). */
	input: string;
	flags: ImportFlags;
	force: boolean;
	config: PortalConfig;
	settings: BuildSettings;
}

export type ImportResult =
	{ ok: true; file: string; images: string[]; notes: string[]; problems: Problem[] } | { ok: false; problem: Problem };

/**
 * `npm run import`: converts a .docx or .odt, writes `<documents>/<DOCNO>/<VERSION>.mdx` and its
 * images (all or nothing), then runs the portal's checker and returns what is left to fix in the
 * new file. Every refusal is one Problem on the input file; nothing is written then.
 */
export async function importDocument(request: ImportRequest): Promise<ImportResult> {
	const inputPath = isAbsolute(request.input) ? request.input : join(request.root, request.input);
	const shown = relative(request.root, inputPath).split(sep).join('/') || request.input;
	const fail = (rule: string, message: string): ImportResult => ({
		ok: false,
		problem: { file: shown, line: 1, column: 1, severity: 'error', rule, message },
	});
	let mediaDir: string | undefined;
	try {
		const read = await readSource(inputPath);
		mediaDir = read.mediaDir;
		// Relative to the root with forward slashes (PORTAL_DOCUMENTS_DIR may be absolute).
		const documentsDir = relative(request.root, resolve(request.root, request.settings.documentsDir)).split(sep).join('/');
		const plan = planImport(read.source, {
			flags: request.flags,
			docNoPattern: request.config.docNoPattern,
			docNoDescription: request.config.docNoDescription,
			documentsDir,
			tierKinds: request.config.tierKinds,
		});
		if (!plan.ok) return fail(plan.rule, plan.message);
		writeImport({
			root: request.root,
			file: plan.file,
			assetDir: plan.assetDir,
			content: plan.content,
			images: plan.images.map((image) => ({ from: isAbsolute(image.url) ? image.url : join(read.mediaDir, image.url), name: image.name })),
			force: request.force,
			fileName: read.source.fileName,
		});
		const analysis = analyzeCorpus(request.root, request.config, request.settings);
		const problems = sortProblems(analysis.problems.filter((p) => p.file === plan.file || p.file.startsWith(`${plan.assetDir}/`)));
		return { ok: true, file: plan.file, images: plan.images.map((i) => `${plan.assetDir}/${i.name}`), notes: plan.notes, problems };
	} catch (error) {
		if (error instanceof ImportError) return fail(error.rule, error.message);
		return fail('import/failed', `匯入失敗：${(error as Error).message}；未寫入任何檔案`);
	} finally {
		if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
	}
}
