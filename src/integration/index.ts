import type { StarlightPlugin } from '@astrojs/starlight/types';
import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePortalConfig, type PortalUserConfig } from '../schemas/config.ts';
import { readBuildSettings } from '../lib/site/settings.ts';
import { BUILD_MARKER, PENDING_MARKER, type BuildRecord } from '../lib/publish/build-record.ts';
import { auditCanaries } from '../lib/ceiling/audit.ts';
import { dataFiles, pageFile, permalinkCopies } from '../lib/site/output.ts';
import { writeAuditList } from '../node/audit.ts';
import type { CorpusAnalysis } from '../lib/documents/analysis.ts';
import { buildPortal } from '../node/portal.ts';
import type { PortalModel, PublishedVersion } from '../lib/documents/portal.ts';
import { readAttachments } from '../node/attachments.ts';
import { classificationLabels } from '../lib/documents/classification.ts';
import { ceilingNotices, citedDocuments } from '../lib/documents/ceiling-notice.ts';
import { withBase } from '../lib/site/urls.ts';
import { parseCount } from '../lib/body/mdx.ts';
import { formatProblem, hasErrors, sortProblems, summarizeProblems } from '../lib/problems.ts';
import { documentRendering } from './documents.ts';
import { publishDocumentsSource } from './documents-source.ts';
import { documentModules } from './document-modules.ts';
import { rehypeTableScroll } from './rehype-table-scroll.ts';
import { remarkBaseLinks } from './remark-references.ts';
import { auditBuiltPages } from '../node/csp.ts';
import { guarded, reportAndExit } from './report.ts';
import { virtualModules } from './virtual.ts';

/**
 * The canaries of the build's audit: every version this build does not publish, with its text, and
 * what the build publishes from its sources (a sentence also found there is not distinctive): the
 * published versions' text, frontmatter and 修訂說明, as redacted, the SoA (its data and the
 * catalogue) and the configuration. Not the page model: a leak into it must still be found.
 */
function canariesOf(analysis: CorpusAnalysis, model: PortalModel) {
	const unpublished = analysis.versions
		.filter((version) => !analysis.ceiling.published.has(version.id))
		.map((version) => ({
			docNo: version.docNo,
			version: version.version,
			texts: [
				version.title,
				...(version.changes ? [version.changes] : []),
				...(analysis.analyses.get(version.id)?.outline.blocks ?? []).map((block) => block.text),
			],
		}));
	const published = [JSON.stringify(model.soa), JSON.stringify(model.config)];
	for (const version of analysis.versions) {
		if (!analysis.ceiling.published.has(version.id)) continue;
		const analysed = analysis.analyses.get(version.id);
		published.push(
			version.title,
			version.issuedBy ?? '',
			version.approvedBy ?? '',
			version.owner ?? '',
			analysed?.changes ?? '',
			...(analysed?.outline.blocks ?? []).map((block) => block.text),
		);
	}
	return auditCanaries(analysis.ceiling, unpublished, published);
}

/**
 * The portal's wiring into Starlight and Astro: one plugin, configured in astro.config.mjs.
 * It validates and resolves the corpus once per build, fails the build on any problem (one line per
 * problem, no stack trace), renders every published body from the analysis's tree (documents.ts), and hands the resolved model
 * to the pages through a virtual module.
 */
export default function ismsPortal(userConfig: PortalUserConfig): StarlightPlugin {
	const parsedConfig = parsePortalConfig(userConfig);
	return {
		name: 'isms-portal',
		hooks: {
			'config:setup'({ addIntegration, addRouteMiddleware, updateConfig, config: starlightConfig, astroConfig, command, logger }) {
				// `astro preview` only serves dist/: nothing to read, check or render (only the routes must agree).
				if (command === 'preview') {
					updateConfig({ disable404Route: true, pagefind: false });
					return;
				}
				if (!parsedConfig.ok)
					reportAndExit(
						parsedConfig.messages.map((message) => `astro.config.mjs  error  config/invalid  ${message}`),
						'入口網設定有誤',
					);
				const config = parsedConfig.config;
				const root = fileURLToPath(astroConfig.root);
				let settings;
				try {
					settings = readBuildSettings(config, process.env);
				} catch (error) {
					reportAndExit([`(環境變數)  error  config/env  ${(error as Error).message}`], '建置設定有誤');
				}
				// A build that stops on errors must not leave an older build looking publishable.
				const outDir = fileURLToPath(astroConfig.outDir);
				if (command === 'build') for (const marker of [BUILD_MARKER, PENDING_MARKER]) rmSync(join(outDir, marker), { force: true });
				settings = { ...settings!, base: astroConfig.base };
				const { model, blocks, problems, versions, redactor, analysis } = guarded('建置', () =>
					buildPortal(root, config, settings!, { keepTrees: true }),
				);
				const sorted = sortProblems(problems);
				if (hasErrors(sorted)) {
					const lines = sorted.map(formatProblem);
					if (command === 'build') reportAndExit(lines, summarizeProblems(sorted));
					for (const line of lines) logger.error(line);
				}

				// What the publication ceiling leaves out, by document number (never a title): a notice, not an error.
				const notices = ceilingNotices({
					documents: analysis.documents,
					published: model.documents,
					citedBy: citedDocuments(analysis.analyses),
					ceiling: analysis.ceiling.level,
					labels: classificationLabels(config.classificationLabels),
				});
				for (const line of notices) logger.info(line);

				const documentsRoot = resolve(root, settings!.documentsDir) + sep;
				const processor = astroConfig.markdown.processor;
				if (!processor || !isUnifiedProcessor(processor)) {
					reportAndExit(
						[
							'astro.config.mjs  error  config/markdown  入口網需要 markdown.processor: unified()（來自 @astrojs/markdown-remark），才能為條文加上錨點與連結',
						],
						'入口網設定有誤',
					);
				}
				// Controlled text is rendered as written, as the checker, the search index and the diff read it:
				// no smart punctuation ("N/A" stays straight, a command's --all keeps its two hyphens, ...
				// its three dots). It also spares the build a second parse of every text into words.
				processor.options.smartypants = false;
				const inDocuments = (path: string | undefined) => Boolean(path && resolve(path).startsWith(documentsRoot));
				// Document bodies are rendered from the trees the analysis parsed, checked and redacted, by the
				// documents collection's loader (src/integration/documents-loader.ts): never compiled as MDX.
				publishDocumentsSource(
					documentRendering({
						root,
						base: astroConfig.base,
						model,
						analysis,
						redactor,
						trees: analysis.trees,
						processor,
						keep: command !== 'build',
					}),
				);
				const modules = documentModules(inDocuments);
				// Root-relative links in any Markdown (documents and help pages) follow the site's base path.
				processor.options.remarkPlugins.push([remarkBaseLinks, { base: astroConfig.base }]);
				// Tables in any Markdown scroll in their own box: never wider than a phone's screen.
				processor.options.rehypePlugins.push(rehypeTableScroll);

				updateConfig({
					title: config.siteTitle,
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
					markdown: {
						...starlightConfig.markdown,
						processedDirs: [...(starlightConfig.markdown?.processedDirs ?? []), settings!.documentsDir],
					},
					customCss: [
						...(starlightConfig.customCss ?? []),
						fileURLToPath(new URL('../styles/portal.css', import.meta.url)),
						fileURLToPath(new URL('../styles/layout.css', import.meta.url)),
						fileURLToPath(new URL('../styles/print.css', import.meta.url)),
					],
					// The portal's search (header dialog and /search/): src/components/Search.astro.
					components: {
						...starlightConfig.components,
						Search: fileURLToPath(new URL('../components/Search.astro', import.meta.url)),
						// A breadcrumb above the title of pages below another.
						PageTitle: fileURLToPath(new URL('../components/PageTitle.astro', import.meta.url)),
					},
				});
				// Page titles without repetition; the sidebar marks the section of a page it has no link for.
				addRouteMiddleware({ entrypoint: fileURLToPath(new URL('./route-data.ts', import.meta.url)) });

				// versions.json lists each published version's attachments (never a hidden version's: the model has none).
				const attachmentsOf = (version: PublishedVersion) => readAttachments(root, model.settings.base, version);
				const integration: AstroIntegration = {
					name: 'isms-portal:astro',
					hooks: {
						'astro:build:done'({ dir }) {
							const outDir = fileURLToPath(dir);
							// Every page against its own Content Security Policy, which is moved to the top of its head.
							const unsafe = auditBuiltPages(outDir);
							if (unsafe.length > 0) {
								for (const line of unsafe) process.stderr.write(`${line}\n`);
								process.stderr.write(`\n共 ${unsafe.length} 個頁面問題違反內容安全政策；建置中止，輸出不可發布。\n`);
								process.exit(1);
							}
							// The current version's /v<version>/ page is the permalink page (src/lib/site/output.ts).
							const copies = permalinkCopies(model.documents);
							for (const copy of copies) {
								mkdirSync(dirname(join(outDir, copy.to)), { recursive: true });
								copyFileSync(join(outDir, copy.from), join(outDir, copy.to));
							}
							// versions.json of each document, for the diff page.
							for (const [path, content] of dataFiles(model.documents, blocks, attachmentsOf)) {
								const file = join(outDir, pageFile(path));
								mkdirSync(dirname(file), { recursive: true });
								writeFileSync(file, content());
							}
							// What the output must not contain, for the audit the search-index step runs over every
							// output file (scripts/index-search.ts): kept in the Astro cache, never in the output.
							const audit = writeAuditList(
								fileURLToPath(astroConfig.cacheDir),
								outDir,
								model.settings.ceiling,
								canariesOf(analysis, model),
							);
							// Written last, only by a build that passed every check; the search-index step makes it
							// final (BUILD_MARKER), which `npm run publish` requires.
							const record: BuildRecord = {
								status: 'ok',
								builtAt: new Date().toISOString(),
								today: model.settings.today,
								ceiling: model.settings.ceiling,
								includeDrafts: model.settings.includeDrafts,
								site: astroConfig.site ?? null,
								documents: model.documents.length,
								versions: model.documents.reduce((sum, doc) => sum + doc.versions.length, 0),
								warnings: problems.filter((p) => p.severity === 'warning').length,
								// One parse per version: the analysis's; no document became a module.
								parses: { versions: versions.length, bodies: parseCount(), documentModules: modules.count() },
								duplicatePages: copies.map((copy) => copy.to),
								audit,
							};
							writeFileSync(join(outDir, PENDING_MARKER), `${JSON.stringify(record, null, 2)}\n`);
						},
						'astro:server:setup'({ server }) {
							// The dev server serves the data files a build writes (versions.json) from memory.
							const files = new Map(
								[...dataFiles(model.documents, blocks, attachmentsOf)].map(([path, content]) => [
									withBase(astroConfig.base, path),
									content,
								]),
							);
							server.middlewares.use((request, response, next) => {
								const content = files.get(new URL(request.url ?? '/', 'http://localhost').pathname);
								if (!content) return next();
								response.setHeader('Content-Type', 'application/json; charset=utf-8');
								response.end(content());
							});
						},
						'astro:config:setup'({ updateConfig: updateAstroConfig, addWatchFile }) {
							updateAstroConfig({
								vite: {
									plugins: [virtualModules({ model }), modules.plugin],
									// Astro marks every MDX module with a directive its bundler warns about, one
									// ten-line warning per document (withastro/astro#18087): kept out of build logs.
									build: {
										rolldownOptions: {
											onLog(level: string, log: { code?: string; message: string }, handler: (level: string, log: unknown) => void) {
												if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
												handler(level, log);
											},
										},
									},
								},
							});
							// In `astro dev`, an edited document re-runs this setup so the model follows it.
							for (const version of versions) addWatchFile(resolve(root, version.file));
						},
					},
				};
				addIntegration(integration);
			},
		},
	};
}
