import { rmSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_MARKER, PENDING_MARKER } from '../lib/publish/build-record.ts';
import { classificationLabels } from '../lib/documents/classification.ts';
import { parsePortalConfig, type PortalConfig, type PortalUserConfig } from '../schemas/config.ts';
import { readBuildSettings, type BuildSettings } from '../lib/site/settings.ts';
import type { AstroIntegrationLogger } from 'astro';
import { createAnalysisCache, type AnalysisCache } from '../node/analysis-cache.ts';
import type { DocumentVersion } from '../lib/documents/document-version.ts';
import { ceilingNotices, citedDocuments } from '../lib/documents/ceiling-notice.ts';
import type { Outline } from '../lib/outline/outline.ts';
import type { BuildOutput } from '../lib/documents/portal.ts';
import { buildPortal } from '../node/portal.ts';
import { guarded, reportProblems, settingError } from './errors.ts';

export type Command = 'dev' | 'build' | 'preview' | 'sync';

/** What the portal reads once per `astro` run: its configuration, the PORTAL_* settings, where it runs. */
export interface PortalSetup {
	config: PortalConfig;
	settings: BuildSettings;
	/** Project root, absolute. */
	root: string;
	/** The documents folder, absolute, ending in a separator. */
	documentsRoot: string;
	command: Command;
}

/**
 * One analysis of the corpus (src/node/portal.ts) and what the renderer's transforms look up in it by file.
 * A build makes one; the dev server makes a new one whenever a source changes (src/integration/dev.ts).
 */
export interface Snapshot extends BuildOutput {
	/** The version a file is, by absolute path. */
	byFile: ReadonlyMap<string, DocumentVersion>;
	/** The outline a reference to a document means: of its version in force, else withdrawn, else the newest released. */
	meant: ReadonlyMap<string, Outline>;
	/** Documents with pages. */
	published: ReadonlySet<string>;
}

/**
 * The portal's configuration (portal.config.mjs) and the PORTAL_* variables, validated: a mistake is
 * one line (config/invalid, config/env) and the build stops (a PortalBuildError, no stack).
 * `astro dev` shows drafts with their notice unless PORTAL_INCLUDE_DRAFTS says otherwise.
 */
export function readSetup(
	userConfig: PortalUserConfig,
	astro: { root: URL; base: string },
	command: Command,
	env: Record<string, string | undefined>,
): PortalSetup {
	const parsed = parsePortalConfig(userConfig);
	if (!parsed.ok)
		throw settingError(
			parsed.messages.map((message) => `portal.config.mjs  error  config/invalid  ${message}`).join('\n'),
			'入口網設定有誤',
		);
	const config = parsed.config;
	let settings: BuildSettings;
	try {
		settings = readBuildSettings(config, env);
		if (command === 'dev' && !env.PORTAL_INCLUDE_DRAFTS?.trim()) settings.includeDrafts = true;
	} catch (error) {
		throw settingError(`(環境變數)  error  config/env  ${(error as Error).message}`, '建置設定有誤');
	}
	const root = fileURLToPath(astro.root);
	return { config, settings: { ...settings, base: astro.base }, root, documentsRoot: resolve(root, settings.documentsDir) + sep, command };
}

/** A build that stops on errors must not leave an older build looking publishable. */
export function clearBuildRecord(outDir: URL): void {
	for (const marker of [BUILD_MARKER, PENDING_MARKER]) rmSync(join(fileURLToPath(outDir), marker), { force: true });
}

/**
 * The first analysis of an `astro` run: a build first removes the build record an older build left (its
 * output must not look publishable if this one stops), then the corpus is analysed — `astro dev` keeps a cache
 * for the analyses after each save — its problems are reported (a build with errors stops here, errors.ts
 * `reportProblems`) and what the publication ceiling leaves out is told (notices).
 */
export function startAnalysis(
	setup: PortalSetup,
	outDir: URL,
	logger: Pick<AstroIntegrationLogger, 'error' | 'warn' | 'info'>,
): { snapshot: Snapshot; cache?: AnalysisCache } {
	if (setup.command === 'build') clearBuildRecord(outDir);
	const cache = setup.command === 'dev' ? createAnalysisCache() : undefined;
	const snapshot = analyse(setup, cache);
	reportProblems(snapshot.problems, setup.command, logger);
	for (const line of noticesOf(setup, snapshot)) logger.info(line);
	return { snapshot, ...(cache ? { cache } : {}) };
}

/**
 * Analyses the corpus (an unforeseen exception is one line, 請回報), keeping the published versions'
 * trees for the renderer (src/integration/documents/rendering.ts), and indexes it for the renderer's transforms;
 * `cache` lets the dev server's analyses keep what did not change.
 */
export function analyse(setup: PortalSetup, cache?: AnalysisCache): Snapshot {
	const output = guarded(setup.command === 'dev' ? '預覽' : '建置', () =>
		buildPortal(setup.root, setup.config, setup.settings, { keepTrees: true, ...(cache ? { cache } : {}) }),
	);
	return snapshotOf(setup, output);
}

export function snapshotOf(setup: Pick<PortalSetup, 'root'>, output: BuildOutput): Snapshot {
	const { analysis, model } = output;
	const meant = new Map<string, Outline>();
	for (const doc of analysis.documents) {
		const version = doc.current ?? doc.versions.find((v) => v.state === 'withdrawn') ?? doc.versions.find((v) => v.state !== 'draft');
		const outline = version && analysis.analyses.get(version.id)?.outline;
		if (outline) meant.set(doc.docNo, outline);
	}
	return {
		...output,
		byFile: new Map(output.versions.map((version) => [resolve(setup.root, version.file), version])),
		meant,
		published: new Set(model.documents.map((doc) => doc.docNo)),
	};
}

/** What the publication ceiling leaves out, by document number (never a title): notices, not errors. */
export function noticesOf(setup: PortalSetup, snapshot: Snapshot): string[] {
	const { analysis, model } = snapshot;
	return ceilingNotices({
		documents: analysis.documents,
		published: model.documents,
		citedBy: citedDocuments(analysis.analyses),
		ceiling: analysis.ceiling.level,
		labels: classificationLabels(setup.config.classificationLabels),
	});
}

/** The docNo of a document file (its folder), or undefined for any other Markdown (help pages). */
export function documentOf(setup: Pick<PortalSetup, 'documentsRoot'>, path: string | undefined): string | undefined {
	if (!path) return undefined;
	const absolute = resolve(path);
	return absolute.startsWith(setup.documentsRoot) ? dirname(absolute).split(sep).at(-1) : undefined;
}
