import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { parseCount } from '../lib/body/mdx.ts';
import { formatProblem, hasErrors, sortProblems } from '../lib/problems.ts';
import { NO_PREVIEW } from '../lib/site/preview.ts';
import { createAnalysisCache } from '../node/analyze.ts';
import type { PortalUserConfig } from '../schemas/config.ts';
import { previewFor, servePreview, type PortalState } from './dev.ts';
import { documentModules } from './document-modules.ts';
import { documentRendering } from './documents/rendering.ts';
import { liveDocuments, publishDocumentsSource } from './documents/source.ts';
import { problemsError } from './errors.ts';
import { setupMarkdown } from './markdown/index.ts';
import { writeBuildOutput } from './output.ts';
import { analyse, clearBuildRecord, noticesOf, readSetup, type Snapshot } from './setup.ts';
import { virtualModules } from './virtual.ts';

const asset = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const quietDirectives = (level: string, log: { code?: string; message: string }, handler: (level: string, log: unknown) => void) =>
	log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject') ? undefined : handler(level, log);

/**
 * The portal's wiring into Starlight and Astro: one plugin, configured in astro.config.mjs. Each part
 * is its own module: setup.ts (configuration, PORTAL_* settings, the analysis), documents*.ts (the
 * documents collection: bodies rendered from the analysis's trees), markdown/ (Astro's processor for
 * help pages), output.ts (files written when the build is done), dev.ts (the preview server),
 * virtual.ts (the model for pages), errors.ts (a build stops with one list of problems, no stack trace).
 */
export default function ismsPortal(userConfig: PortalUserConfig): StarlightPlugin {
	return {
		name: 'isms-portal',
		hooks: {
			'config:setup'({ addIntegration, addRouteMiddleware, updateConfig, config: starlightConfig, astroConfig, command, logger }) {
				// `astro preview` only serves dist/: nothing to read, check or render (only the routes must agree).
				if (command === 'preview') {
					updateConfig({ disable404Route: true, pagefind: false });
					return;
				}
				const setup = readSetup(userConfig, astroConfig, command, process.env);
				if (command === 'build') clearBuildRecord(astroConfig.outDir);
				// `astro dev` analyses again after every save and keeps what did not change.
				const cache = command === 'dev' ? createAnalysisCache() : undefined;
				const snapshot = analyse(setup, cache);
				const problems = sortProblems(snapshot.problems);
				if (command === 'build' && hasErrors(problems)) throw problemsError(problems);
				// `astro dev` shows them (here, and beside each page) and keeps serving; a passing build leaves warnings to `npm run check`.
				if (command !== 'build')
					for (const problem of problems) (problem.severity === 'error' ? logger.error : logger.warn).call(logger, formatProblem(problem));
				for (const line of noticesOf(setup, snapshot)) logger.info(line);
				const state: PortalState = {
					snapshot,
					preview: command === 'dev' ? previewFor(setup, snapshot) : NO_PREVIEW,
					...(cache ? { cache } : {}),
				};

				const processor = setupMarkdown(astroConfig.markdown, setup);
				// Document bodies are rendered from the trees the analysis parsed, checked and redacted, by the documents
				// collection's loader (loader.ts), never compiled as MDX; the dev server renders changed ones again.
				const renderingOf = (current: Snapshot, preview = state.preview) =>
					documentRendering({
						root: setup.root,
						base: astroConfig.base,
						snapshot: current,
						processor,
						keep: command !== 'build',
						blocked: new Set(preview.blocked),
					});
				const live = liveDocuments(renderingOf(snapshot));
				publishDocumentsSource(live);
				const modules = documentModules((path) => Boolean(path && path.startsWith(setup.documentsRoot)));
				updateConfig({
					title: setup.config.siteTitle,
					// The search index is built after Astro has exited (scripts/index-search.ts, part of
					// `npm run build`), so the indexer never shares the machine's memory with the site build.
					pagefind: false,
					// The portal's own 404 page (src/pages/404.astro) leads back to the master list and search.
					disable404Route: true,
					// Documents are not a book to page through: no 前一則/下一則 links.
					pagination: false,
					sidebar: starlightConfig.sidebar ?? [
						{ label: '首頁', link: '/' },
						{ label: '文件一覽表', link: '/documents/' },
						{ label: '適用性聲明書', link: '/soa/' },
						{ label: '文件審查排程', link: '/reviews/' },
						{ label: '指定日期之有效版本', link: '/as-of/' },
						{ label: '版次差異比較', link: '/diff/' },
						{ label: '使用說明', items: [{ autogenerate: { directory: 'help' } }] },
					],
					// Starlight's heading links apply to the documents folder too (its bodies run Astro's rehype plugins).
					markdown: {
						...starlightConfig.markdown,
						processedDirs: [...(starlightConfig.markdown?.processedDirs ?? []), setup.settings.documentsDir],
					},
					customCss: [
						...(starlightConfig.customCss ?? []),
						asset('../styles/portal.css'),
						asset('../styles/layout.css'),
						asset('../styles/print.css'),
					],
					components: {
						...starlightConfig.components,
						// The portal's search (header dialog and /search/), and a breadcrumb above the title of pages below another.
						Search: asset('../components/Search.astro'),
						PageTitle: asset('../components/PageTitle.astro'),
					},
				});
				// Page titles without repetition; the sidebar marks the section of a page it has no link for.
				addRouteMiddleware({ entrypoint: asset('./route-data.ts') });

				const integration: AstroIntegration = {
					name: 'isms-portal:astro',
					hooks: {
						'astro:config:setup'({ updateConfig: updateAstroConfig }) {
							updateAstroConfig({
								vite: {
									plugins: [
										virtualModules(() => ({ model: state.snapshot.model, preview: state.preview }), command === 'dev'),
										modules.plugin,
									],
									// Astro marks every MDX module (the help pages) with a directive its bundler warns about,
									// a ten-line warning each (withastro/astro#18087): kept out of build logs.
									build: { rolldownOptions: { onLog: quietDirectives } },
								},
							});
						},
						'astro:server:setup'({ server, logger: devLogger }) {
							servePreview(server, setup, state, { live, renderingOf }, devLogger);
						},
						'astro:build:done'({ dir }) {
							writeBuildOutput(state.snapshot, {
								outDir: fileURLToPath(dir),
								cacheDir: fileURLToPath(astroConfig.cacheDir),
								site: astroConfig.site,
								root: setup.root,
								parses: () => ({ bodies: parseCount(), documentModules: modules.count() }),
							});
						},
					},
				};
				addIntegration(integration);
			},
		},
	};
}
