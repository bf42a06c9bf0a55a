import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BuildRecord } from '../lib/publish/build-record.ts';
import { PENDING_MARKER } from '../lib/publish/build-record.ts';
import { SEARCH_BODY } from '../lib/search/index-attributes.ts';
import { dataFiles as siteDataFiles, pageFile, permalinkCopies } from '../lib/site/output.ts';
import { buildCanaries } from '../lib/site/canaries.ts';
import { writeAuditList } from '../node/audit.ts';
import { auditBuiltPages } from '../node/csp.ts';
import { readAttachments } from '../node/attachments.ts';
import type { PortalModel, PublishedVersion } from '../lib/documents/portal.ts';
import type { Canary } from '../lib/ceiling/audit.ts';
import { PortalBuildError } from './errors.ts';
import { pack, unpack } from './packed.ts';
import type { Snapshot } from './setup.ts';

export interface OutputOptions {
	/** The build's output folder, absolute. */
	outDir: string;
	/** Astro's cache folder, absolute: the audit's canary list is kept there, never in the output. */
	cacheDir: string;
	/** Astro `site`, for the build record. */
	site: string | undefined;
	/** Project root, absolute: attachments are read from the version files' folders. */
	root: string;
	/** Parses of bodies in this process and document files Vite made into modules (one parse per version, no module). */
	parses: () => { bodies: number; documentModules: number };
}

/** versions.json lists each published version's attachments (never a hidden version's: the model has none). */
export function attachmentsReader(root: string, base: string | undefined) {
	return (version: PublishedVersion) => readAttachments(root, base, version);
}

/**
 * What `astro:build:done` writes that is read from the analysis, made from it as soon as every body is
 * rendered (`astro:build:start`, after content sync) so that the analysis — every version's outline and
 * source, most of the build's heap — is let go before Vite bundles and Astro renders the pages: each
 * document's versions.json (compressed until it is written), the audit's canaries, the counts.
 */
export interface PreparedOutput {
	model: PortalModel;
	/** versions.json of each document with two published versions or more, by site path, deflated. */
	dataFiles: Map<string, Uint8Array>;
	canaries: Canary[];
	warnings: number;
	/** Versions read (the analysis's parses: one per version). */
	versions: number;
}

export function prepareBuildOutput(snapshot: Snapshot, root: string): PreparedOutput {
	const { model, blocks, problems, analysis } = snapshot;
	const dataFiles = new Map<string, Uint8Array>();
	for (const [path, content] of siteDataFiles(model.documents, blocks, attachmentsReader(root, model.settings.base)))
		dataFiles.set(path, pack(content()));
	return {
		model,
		dataFiles,
		canaries: buildCanaries(analysis, model),
		warnings: problems.filter((p) => p.severity === 'warning').length,
		versions: snapshot.versions.length,
	};
}

/**
 * A build's output, prepared from the analysis on the first call (`astro:build:start`, or `astro:build:done`
 * at the latest); the analysis is let go then.
 */
export function outputPreparer(snapshot: Snapshot, root: string): () => PreparedOutput {
	let from: Snapshot | undefined = snapshot;
	let output: PreparedOutput | undefined;
	return () => {
		if (!output) {
			output = prepareBuildOutput(from!, root);
			from = undefined;
		}
		return output;
	};
}

/**
 * What the portal adds to Astro's output once every page is written (`astro:build:done`): every page
 * checked against its own Content Security Policy (a fault stops the build, and no build record is
 * written, so the output cannot be published), the permalink pages' `/v<version>/` copies, each
 * document's `versions.json`, the audit's canary list, and last the pending build record.
 */
export function writeBuildOutput(output: PreparedOutput, options: OutputOptions, now = new Date()): BuildRecord {
	const { model, dataFiles, canaries, warnings, versions } = output;
	const { outDir } = options;
	// Pages with a search body, for the search-index step (scripts/index-search.ts), seen while the audit reads every page.
	const searchPages: string[] = [];
	const unsafe = auditBuiltPages(outDir, (file, html) => {
		if (html.includes(SEARCH_BODY)) searchPages.push(file);
	});
	if (unsafe.length > 0) throw new PortalBuildError(unsafe, `共 ${unsafe.length} 個頁面問題違反內容安全政策`, '建置中止，輸出不可發布。');
	// The current version's /v<version>/ page is the permalink page (src/lib/output.ts).
	const copies = permalinkCopies(model.documents);
	for (const copy of copies) {
		mkdirSync(dirname(join(outDir, copy.to)), { recursive: true });
		copyFileSync(join(outDir, copy.from), join(outDir, copy.to));
	}
	// versions.json of each document, for the diff page.
	for (const [path, content] of dataFiles) {
		const file = join(outDir, pageFile(path));
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, unpack(content));
	}
	// What the output must not contain, for the audit the search-index step runs over every output file
	// (scripts/index-search.ts): kept in the Astro cache, never in the output.
	const audit = writeAuditList(options.cacheDir, outDir, model.settings.ceiling, canaries);
	// Written last, only by a build that passed every check; the search-index step makes it final
	// (BUILD_MARKER), which `npm run publish` requires.
	const record: BuildRecord = {
		status: 'ok',
		builtAt: now.toISOString(),
		today: model.settings.today,
		ceiling: model.settings.ceiling,
		includeDrafts: model.settings.includeDrafts,
		site: options.site ?? null,
		documents: model.documents.length,
		versions: model.documents.reduce((sum, doc) => sum + doc.versions.length, 0),
		warnings,
		// One parse per version: the analysis's; no document became a module.
		parses: { versions, ...options.parses() },
		duplicatePages: copies.map((copy) => copy.to),
		searchPages,
		audit,
	};
	writeFileSync(join(outDir, PENDING_MARKER), `${JSON.stringify(record, null, 2)}\n`);
	return record;
}
