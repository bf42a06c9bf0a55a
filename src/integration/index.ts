import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { parseCount } from '../lib/body/mdx.ts';
import { NO_PREVIEW } from '../lib/site/preview.ts';
import type { PortalUserConfig } from '../schemas/config.ts';
import { previewFor, servePreview, type PortalState } from './dev.ts';
import { documentModules } from './document-modules.ts';
import { documentRendering } from './documents/rendering.ts';
import { liveDocuments, publishDocumentsSource } from './documents/source.ts';
import { quietDirectives } from './errors.ts';
import { setupMarkdown } from './markdown/index.ts';
import { outputPreparer, writeBuildOutput } from './output.ts';
import { readSetup, startAnalysis, type Snapshot } from './setup.ts';
import { asset, starlightOverrides } from './starlight.ts';
import { virtualModules } from './virtual.ts';

/**
 * The portal's wiring into Starlight and Astro: one plugin, configured in astro.config.mjs. Each part
 * is its own module: setup.ts (configuration, PORTAL_* settings, the analysis), starlight.ts (what the
 * portal sets in Starlight's configuration), documents/ (bodies rendered from the analysis's trees, the
 * documents collection), markdown/ (Astro's processor for help pages), output.ts (files written when the
 * build is done), dev.ts (the preview server), virtual.ts (the model for pages), errors.ts (a build stops
 * with one list of problems, no stack trace).
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
				// A build with errors stops here; `astro dev` shows them and keeps a cache for the analyses after each save.
				const { snapshot, cache } = startAnalysis(setup, astroConfig.outDir, logger);
				// The dev server serves from the current analysis; a build keeps only its model once the output is prepared.
				const state: PortalState | undefined =
					command === 'dev' ? { snapshot, preview: previewFor(setup, snapshot), ...(cache ? { cache } : {}) } : undefined;
				const model = snapshot.model;
				// A build: what build:done writes from the analysis (versions.json, the audit's canaries) is made once every
				// body is rendered, at build:start (after content sync); the analysis is let go then (output.ts).
				const prepared = command === 'build' ? outputPreparer(snapshot, setup.root) : undefined;

				const processor = setupMarkdown(astroConfig.markdown, setup);
				// Document bodies are rendered from the trees the analysis parsed, checked and redacted, by the documents
				// collection's loader (loader.ts), never compiled as MDX; the dev server renders changed ones again.
				const renderingOf = (current: Snapshot, preview = state?.preview ?? NO_PREVIEW) =>
					documentRendering({
						root: setup.root,
						base: astroConfig.base,
						snapshot: current,
						processor,
						keep: command !== 'build',
						blocked: new Set(preview.blocked),
					});
				// A build renders each body once and lets it go after its page; the dev server's source follows the analyses.
				const live = command === 'dev' ? liveDocuments(renderingOf(snapshot)) : undefined;
				publishDocumentsSource(live ?? renderingOf(snapshot));
				const modules = documentModules((path) => Boolean(path && path.startsWith(setup.documentsRoot)));
				updateConfig(starlightOverrides(setup, starlightConfig));
				// Page titles without repetition; the sidebar marks the section of a page it has no link for.
				addRouteMiddleware({ entrypoint: asset('./route-data.ts') });

				const integration: AstroIntegration = {
					name: 'isms-portal:astro',
					hooks: {
						'astro:config:setup'({ updateConfig: updateAstroConfig }) {
							updateAstroConfig({
								vite: {
									plugins: [
										virtualModules(
											() => (state ? { model: state.snapshot.model, preview: state.preview } : { model, preview: NO_PREVIEW }),
											command === 'dev',
										),
										modules.plugin,
									],
									// A ten-line bundler warning for every help page, kept out of build logs.
									build: { rolldownOptions: { onLog: quietDirectives } },
								},
							});
						},
						'astro:server:setup'({ server, logger: devLogger }) {
							if (live && state) servePreview(server, setup, state, { live, renderingOf }, devLogger);
						},
						'astro:build:start'() {
							prepared?.();
						},
						'astro:build:done'({ dir }) {
							if (!prepared) return;
							writeBuildOutput(prepared(), {
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
