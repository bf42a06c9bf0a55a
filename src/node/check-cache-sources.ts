/**
 * `npm run check`'s cache of what the corpus is checked against (src/node/check-cache.ts keeps the version
 * files): the Annex A catalogues and crosswalk, the SoA versions and the synonyms, as loaded with their problems,
 * kept while every file they are read from is byte for byte the same (`pathsDigest` of the folders and files
 * the configuration names). Reading the YAML and checking it against its schemas takes about a third of a
 * second; reading this back, about a millisecond.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { BuildSettings } from '../lib/site/settings.ts';
import { makeCrosswalk, type CrosswalkMapping } from '../lib/soa/crosswalk.ts';
import type { PortalConfig } from '../schemas/config.ts';
import type { AnalysisCache } from './analysis-cache.ts';
import { pathsDigest, replaceCacheFile } from './digest.ts';

export const SOURCES_CACHE_FILE = 'node_modules/.cache/isms-portal/check-sources.bin';

type Sources = Required<Pick<AnalysisCache, 'controls' | 'soa' | 'synonyms'>>;

/** As stored: the crosswalk's lookups are functions, kept as the mappings they are made from. */
interface Stored {
	digest: string;
	controls: Omit<Sources['controls'], 'crosswalk'> & { crosswalk: CrosswalkMapping[] };
	soa: Sources['soa'];
	synonyms: Sources['synonyms'];
}

/** Every file and folder the catalogues, SoA and synonyms may be read from (both the configured and the environment's). */
export function sourcesDigest(root: string, config: PortalConfig, settings: BuildSettings): string {
	const paths = [
		config.controlsDir,
		config.soaFile,
		config.soaDir,
		settings.soaFile,
		settings.soaDir,
		settings.synonymsFile,
		config.synonymsFile,
	];
	return pathsDigest(root, [...new Set(paths.filter((path): path is string => Boolean(path)))]);
}

/** The sources as loaded by a run whose files had `digest`, or undefined. */
export function readSourcesCache(root: string, digest: string): Sources | undefined {
	try {
		const stored = deserialize(readFileSync(join(root, SOURCES_CACHE_FILE))) as Stored;
		if (stored?.digest !== digest || !Array.isArray(stored.controls?.crosswalk)) return undefined;
		return {
			controls: { ...stored.controls, crosswalk: makeCrosswalk(stored.controls.crosswalk) },
			soa: stored.soa,
			synonyms: stored.synonyms,
		};
	} catch {
		return undefined;
	}
}

/** Keeps the sources this run loaded (atomically; a cache that cannot be written is no cache). */
export function writeSourcesCache(root: string, digest: string, sources: Sources): void {
	replaceCacheFile(join(root, SOURCES_CACHE_FILE), () =>
		serialize({ digest, ...sources, controls: { ...sources.controls, crosswalk: sources.controls.crosswalk.mappings } } satisfies Stored),
	);
}
