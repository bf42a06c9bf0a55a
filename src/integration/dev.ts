import type { AstroIntegrationLogger } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { ViteDevServer } from 'vite';
import type { AnalysisCache } from '../node/analysis-cache.ts';
import type { Outline } from '../lib/outline/outline.ts';
import { dataFiles } from '../lib/site/output.ts';
import { formatProblem } from '../lib/problems.ts';
import { attachmentAt, findingsReport, previewOf, type Preview } from '../lib/site/preview.ts';
import { withBase } from '../lib/site/urls.ts';
import type { LiveDocuments } from './documents/source.ts';
import { PortalBuildError } from './errors.ts';
import { attachmentsReader } from './output.ts';
import { fileStamp } from '../node/source-file.ts';
import { analyse, type PortalSetup, type Snapshot } from './setup.ts';
import { updateLive } from './virtual.ts';
import { invalidateFiles, reloadBrowsers, routeFiles } from './vite-modules.ts';

/**
 * The watcher (chokidar, through Vite) passes on one change of a file per 50 ms and drops the others: a file
 * written twice in quick succession (an editor's save and its formatter, a script) would keep its second
 * state unseen. The files an analysis read are looked at again once that window has passed.
 */
const WATCHER_THROTTLE_MS = 50;

/** What the dev server serves from: the current analysis, its preview, and what the next analysis may keep. */
export interface PortalState {
	snapshot: Snapshot;
	preview: Preview;
	cache?: AnalysisCache;
}

/** What the dev server renders the documents collection with (src/integration/documents/loader.ts). */
export interface DevDocuments {
	live: LiveDocuments;
	/** The rendering of one analysis (src/integration/documents/rendering.ts `documentRendering`). */
	renderingOf: (snapshot: Snapshot, preview: Preview) => Parameters<LiveDocuments['update']>[0];
}

/** The preview of an analysis: findings by file, versions that cannot be shown (src/lib/site/preview.ts). */
export function previewFor(setup: PortalSetup, snapshot: Snapshot): Preview {
	return previewOf({
		problems: snapshot.problems,
		documentsDir: projectPath(setup, resolve(setup.root, setup.settings.documentsDir)),
		pages: snapshot.model.documents.flatMap((doc) => doc.versions.map((version) => ({ id: version.id, file: version.file }))),
		analysed: new Set(snapshot.analysis.analyses.keys()),
	});
}

/**
 * `astro dev` (issue 21): a saved, added or deleted source (documents, catalogues, SoA data, synonyms)
 * never restarts the server. It is analysed again — unchanged files and bodies, catalogues and SoA data are
 * kept (src/node/analysis-cache.ts) — the served model and preview objects take the new state in
 * place (virtual.ts), the routes are evaluated again (their `getStaticPaths`), and exactly the bodies whose
 * rendering depends on what changed (their own file, their outline, the cited documents' outlines, titles, the
 * ceiling, the SoA links, whether the body may be shown) are rendered again when their page is next asked for
 * (documents/source.ts `liveDocuments`; a body with images is also set again in the content store, loader.ts);
 * open pages reload. Requests
 * wait for an analysis under way. The findings go to the terminal in the Problem format (a changed file's,
 * new ones elsewhere, fixed ones). A document in error never stops the server.
 */
export function servePreview(
	server: ViteDevServer,
	setup: PortalSetup,
	state: PortalState,
	documents: DevDocuments,
	logger: AstroIntegrationLogger,
): void {
	const sources = sourcePaths(setup);
	for (const path of sources.all) server.watcher.add(path);
	let keys = renderKeys(state.snapshot, state.preview);
	let changed = new Set<string>();
	let pending: Promise<void> | undefined;

	const refresh = () => {
		const files = changed;
		changed = new Set();
		// Each file as the analysis is about to read it; a save the watcher dropped shows as another state.
		const stamps = [...files].map((file) => [file, fileStamp(setup.root, file)?.stamp] as const);
		setTimeout(() => {
			for (const [file, stamp] of stamps) if (fileStamp(setup.root, file)?.stamp !== stamp) schedule(file);
		}, WATCHER_THROTTLE_MS * 2).unref();
		const started = performance.now();
		const cache = state.cache;
		if (cache && [...files].some(sources.controls)) delete cache.controls;
		if (cache && [...files].some(sources.soa)) delete cache.soa;
		if (cache && [...files].some(sources.synonyms)) delete cache.synonyms;
		let snapshot: Snapshot;
		try {
			snapshot = analyse(setup, cache);
		} catch (error) {
			// An unforeseen fault: one line (請回報), and the last good state keeps being served.
			if (!(error instanceof PortalBuildError)) throw error;
			for (const line of error.lines) logger.error(line);
			return;
		}
		const before = state.snapshot;
		state.snapshot = snapshot;
		state.preview = previewFor(setup, snapshot);
		const nextKeys = renderKeys(snapshot, state.preview);
		const stale = staleEntries(keys, nextKeys);
		keys = nextKeys;
		// Pages read the new model on their next request; routes list their pages again (getStaticPaths).
		updateLive({ model: snapshot.model, preview: state.preview });
		// Stale bodies are rendered again on their next request (and, with images, set again in the content store by the loader).
		documents.live.update(documents.renderingOf(snapshot, state.preview), stale);
		invalidateFiles(server, routeFiles(server));
		// What changed and is still there: version files and data files (not an image or attachment beside them).
		const reported = [...files].filter((file) => existsSync(file) && (!sources.documents(file) || file.endsWith('.mdx')));
		report(
			logger,
			before,
			snapshot,
			reported.map((file) => projectPath(setup, file)),
		);
		reloadBrowsers(server);
		logger.info(
			`已重新分析 ${snapshot.versions.length} 個版次（${Math.round(performance.now() - started)} 毫秒），重新呈現 ${stale.size} 個版次，頁面已更新`,
		);
	};

	const schedule = (path: string) => {
		if (!sources.any(path)) return;
		changed.add(resolve(path));
		// One analysis for the files an editor writes at once (save = unlink + add, a new version's folder).
		pending ??= new Promise<void>((done) =>
			setTimeout(() => {
				try {
					refresh();
				} catch (error) {
					logger.error(`預覽更新失敗：${(error as Error).message}`);
				} finally {
					pending = undefined;
					done();
				}
			}, 20),
		);
	};
	for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, schedule);

	server.middlewares.use((request, response, next) => {
		const serve = () => {
			const path = new URL(request.url ?? '/', 'http://localhost').pathname;
			const { model, blocks } = state.snapshot;
			// The files a build writes beside its pages: attachments (byte for byte) and versions.json.
			const attachment = attachmentAt(model.documents, state.preview, setup.settings.base, path);
			if (attachment && existsSync(resolve(setup.root, attachment))) {
				response.setHeader('Content-Type', 'application/octet-stream');
				response.end(readFileSync(resolve(setup.root, attachment)));
				return;
			}
			const attachments = attachmentsReader(setup.root, setup.settings.base);
			// A version whose files are missing is listed without attachments (its page shows the findings).
			const content = [
				...dataFiles(model.documents, blocks, (version) => (state.preview.blocked.includes(version.id) ? [] : attachments(version))),
			].find(([file]) => withBase(setup.settings.base, file) === path)?.[1];
			if (!content) return next();
			response.setHeader('Content-Type', 'application/json; charset=utf-8');
			response.end(content());
		};
		// A page asked for while an analysis is under way is rendered from its result.
		if (pending) void pending.then(serve);
		else serve();
	});
}

/** The files the portal reads, as tests on a path: the documents folder, catalogues, SoA data, synonyms. */
function sourcePaths(setup: PortalSetup) {
	const { root, config, settings } = setup;
	const under = (dir: string | undefined) => {
		const base = dir ? resolve(root, dir) : undefined;
		return (path: string) => Boolean(base && (resolve(path) === base || resolve(path).startsWith(base + sep)));
	};
	const documents = under(settings.documentsDir);
	const controls = under(config.controlsDir);
	const soaFile = under(settings.soaFile);
	const soaDir = under(settings.soaDir);
	const soa = (path: string) => soaFile(path) || soaDir(path);
	const synonyms = under(settings.synonymsFile ?? config.synonymsFile);
	const all = [
		settings.documentsDir,
		config.controlsDir,
		settings.soaFile,
		settings.soaDir,
		settings.synonymsFile ?? config.synonymsFile,
	].flatMap((path) => (path ? [resolve(root, path)] : []));
	return {
		documents,
		controls,
		soa,
		synonyms,
		all,
		any: (path: string) => documents(path) || controls(path) || soa(path) || synonyms(path),
	};
}

function projectPath(setup: PortalSetup, path: string): string {
	return relative(setup.root, path).split(sep).join('/');
}

/** Findings of the changed files, new ones elsewhere and fixed ones, in the Problem format. */
function report(logger: AstroIntegrationLogger, before: Snapshot, after: Snapshot, changed: readonly string[]): void {
	const { found, clean, fixed } = findingsReport(before.problems, after.problems, new Set(changed));
	for (const problem of found) (problem.severity === 'error' ? logger.error : logger.warn).call(logger, formatProblem(problem));
	for (const file of clean) logger.info(`${file}  沒有發現問題`);
	for (const line of fixed) logger.info(`已修正：${line}`);
}

/**
 * What the rendered body of each published version depends on: `shared` — the published and hidden
 * documents and titles (redaction, links), the SoA links — and, by version id, its tree (a new tree: its
 * file or what its analysis reads changed), whether it may be shown, its title and outline (anchors by
 * place) and the outlines of the documents it cites (clause links). An entry whose key changed (every
 * entry, when `shared` changed) is rendered again.
 */
interface RenderKeys {
	shared: string;
	byId: Map<string, { tree: unknown; key: string }>;
}

/** An outline's anchors and places, worked out once per outline (unchanged bodies keep their outline object). */
const outlineKeys = new WeakMap<Outline, string>();
function outlineKey(outline: Outline | undefined): string {
	if (!outline) return '';
	let key = outlineKeys.get(outline);
	if (key === undefined)
		outlineKeys.set(outline, (key = outline.clauses.map((clause) => `${clause.anchor}@${clause.line}:${clause.column}`).join(',')));
	return key;
}

export function renderKeys(snapshot: Snapshot, preview: Pick<Preview, 'blocked'>): RenderKeys {
	const { analysis, model, published, meant } = snapshot;
	const { ceiling } = analysis;
	const shared = JSON.stringify([
		[...published],
		[...ceiling.hiddenDocuments],
		[...ceiling.hiddenTitles],
		[...ceiling.allTitles],
		ceiling.secretTitles,
		Boolean(model.soa.matrix),
		model.soa.edition ?? '',
		model.soa.links,
	]);
	const blocked = new Set(preview.blocked);
	const byId = new Map<string, { tree: unknown; key: string }>();
	for (const version of analysis.versions) {
		if (!ceiling.published.has(version.id)) continue;
		const analysed = analysis.analyses.get(version.id);
		const cited = [...new Set((analysed?.sites ?? []).flatMap((site) => ('docNo' in site && site.docNo ? [site.docNo] : [])))].sort();
		const key = [
			blocked.has(version.id) ? 'blocked' : '',
			version.title,
			outlineKey(analysed?.outline),
			...cited.map((docNo) => `${docNo}:${outlineKey(meant.get(docNo))}`),
		].join('\u0000');
		byId.set(version.id, { tree: analysis.trees.get(version.id), key });
	}
	return { shared, byId };
}

/** The entries whose rendering is out of date (new ones included; the loader deletes the ones gone). */
export function staleEntries(before: RenderKeys, after: RenderKeys): Set<string> {
	const stale = new Set<string>();
	for (const [id, now] of after.byId) {
		const was = before.byId.get(id);
		if (after.shared !== before.shared || !was || was.tree !== now.tree || was.key !== now.key) stale.add(id);
	}
	return stale;
}
