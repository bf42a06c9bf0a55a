/**
 * `npm run check`'s cache between runs, as `eslint --cache` keeps one: what each version file yielded (its
 * frontmatter read and its body's findings, outline clauses and references), so that a run after editing one
 * file reads and analyses that file again and takes the rest from here. The cross-document checks (references,
 * versions in force, the ceiling) run every time on the whole corpus; only per-file work is kept.
 *
 * Kept: by file, the text's digest (never the text), the load result without the body (the body is the end of
 * the text and is read again), and the body's analysis under the one context it was made in (titles, the
 * ceiling, the corpus's numbers: analysis-cache.ts `contextKey`). Thrown away whole when the portal's code, its
 * configuration or the build settings differ (`cacheKey`). A cache that cannot be read is no cache.
 *
 * It lives in node_modules/.cache/ (the usual place for tools' caches; never published, never in content/)
 * and holds what the checker reads, restricted documents' clause texts included, like the source files beside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisCache } from './analysis-cache.ts';
import type { Clause, Outline } from '../lib/outline/outline.ts';
import type { BodyAnalysis } from './analyze-body.ts';
import type { ReusedFile } from './corpus.ts';
import { pathsDigest, replaceCacheFile, textDigest } from './digest.ts';
import { readSourcesCache, sourcesDigest, writeSourcesCache } from './check-cache-sources.ts';
import type { BuildSettings } from '../lib/site/settings.ts';
import type { PortalConfig } from '../schemas/config.ts';

export const CHECK_CACHE_DIR = 'node_modules/.cache/isms-portal';

/**
 * The version files' analyses are kept in this many files, a document's versions in one (by its folder's name),
 * so that a run after a one-file edit writes one sixteenth of the cache.
 */
const SHARDS = 16;

/** Where shard `n` of the version files' analyses is kept (relative to the project root). */
export function checkCacheFile(n: number): string {
	return `${CHECK_CACHE_DIR}/check-${String(n).padStart(2, '0')}.json`;
}

function shardOf(file: string): number {
	const folder = file.split('/').at(-2) ?? '';
	let hash = 0;
	for (let i = 0; i < folder.length; i++) hash = (hash * 31 + folder.charCodeAt(i)) >>> 0;
	return hash % SHARDS;
}

/** Bumped when what is stored changes shape. */
const FORMAT = 3;

/**
 * Each file: a header line (JSON: format, key, context), then one line per version file, a JSON array
 * `[file, stamp, digest, body length, load result without the body, body analysis or null]`. A line whose file
 * is unchanged is written back as it was read (no JSON.stringify of the whole corpus after a one-file edit).
 */
interface Header {
	format: number;
	key: string;
	context: string;
}

type Line = [file: string, stamp: string, hash: string, bodyLength: number, result: ReusedFile['result'], body: StoredBody | null];

/** A body's analysis as kept: its outline's clauses as rows (`packClause`), without blocks. */
type StoredBody = Omit<BodyAnalysis, 'tree' | 'keptTree' | 'analysed'> & {
	analysed?: Omit<Analysed, 'outline'> & { outline: Omit<Outline, 'clauses' | 'blocks'> & { clauses: PackedClause[] } };
};
type Analysed = NonNullable<BodyAnalysis['analysed']>;

/** A clause as a row, its text left out: 40 % less to read back than the object with its keys. */
type PackedClause = [
	path: Clause['path'],
	anchor: string,
	label: string,
	kind: Clause['kind'],
	line: number,
	column: number,
	depth: number,
	parent: number | null,
	headingLevel: number | null,
	duplicate: 0 | 1,
];

export function packClause(clause: Clause): PackedClause {
	const { path, anchor, label, kind, line, column, depth, parent, headingLevel, duplicate } = clause;
	return [path, anchor, label, kind, line, column, depth, parent ?? null, headingLevel ?? null, duplicate ? 1 : 0];
}

/** The clause a row was packed from, with an empty text (the checker does not read it). */
export function unpackClause(row: PackedClause): Clause {
	const [path, anchor, label, kind, line, column, depth, parent, headingLevel, duplicate] = row;
	return {
		path,
		anchor,
		label,
		kind,
		text: '',
		line,
		column,
		depth,
		...(parent !== null ? { parent } : {}),
		...(headingLevel !== null ? { headingLevel } : {}),
		...(duplicate ? { duplicate: true as const } : {}),
	};
}

/** What the checker starts from, and what it was read from (to tell what to write back). */
export interface CheckCache {
	key: string;
	/** What the catalogues, SoA and synonyms were read from (check-cache-sources.ts). */
	sources: { digest: string; kept: boolean };
	analysis: AnalysisCache;
	read: {
		/** Each shard's context and number of lines, as read. */
		shards: { context: string; lines: number }[];
		lines: Map<string, { line: string; stamp: string; result: ReusedFile['result']; body?: BodyAnalysis }>;
	};
}

/** Source folders and files whose change changes what the checker finds. */
const CODE = ['src/lib', 'src/node', 'src/schemas', 'scripts/check-main.ts', 'package-lock.json'];

/**
 * What the stored analyses were made by: the portal's code (its checker's sources and the locked dependencies,
 * by content), its configuration and the build settings (the date left out: it changes what is in force, which is
 * checked every run, and the context of each body).
 */
function cacheKey(root: string, config: PortalConfig, settings: BuildSettings): string {
	return pathsDigest(root, CODE, JSON.stringify([FORMAT, process.version, config, { ...settings, today: undefined }]));
}

/** What the last run left for this one: the version files' analyses and the sources they are checked against. */
export function openCheckCache(root: string, config: PortalConfig, settings: BuildSettings): CheckCache {
	const key = cacheKey(root, config, settings);
	const cache = readCheckCache(root, key);
	const digest = sourcesDigest(root, config, settings);
	const sources = readSourcesCache(root, digest);
	if (sources) Object.assign(cache.analysis, sources);
	return { ...cache, key, sources: { digest, kept: Boolean(sources) } };
}

/** Keeps what this run's analysis read for the next run. */
export function saveCheckCache(root: string, cache: CheckCache): void {
	writeCheckCache(root, cache);
	const { controls, soa, synonyms } = cache.analysis;
	if (!cache.sources.kept && controls && soa && synonyms) writeSourcesCache(root, cache.sources.digest, { controls, soa, synonyms });
}

/**
 * The analysis cache as the last run left it under `key`: every shard that can be read and was written under
 * `key` (a shard that cannot be read, or is not what this module writes, is no cache).
 */
function readCheckCache(root: string, key: string): Omit<CheckCache, 'key' | 'sources'> {
	const cache = {
		analysis: { files: new Map(), bodies: new Map() } as AnalysisCache,
		read: { shards: Array.from({ length: SHARDS }, () => ({ context: '', lines: 0 })), lines: new Map() } as CheckCache['read'],
	};
	for (let n = 0; n < SHARDS; n++) {
		let text: string;
		try {
			// ASCII only (asciiJson): read a byte a character, no UTF-8 decoding of megabytes of Chinese text.
			text = readFileSync(join(root, checkCacheFile(n)), 'latin1');
		} catch {
			continue;
		}
		const shard = readShard(text, key);
		if (!shard) continue;
		cache.read.shards[n] = { context: shard.context, lines: shard.lines.length };
		for (const { file, line, stamp, hash, bodyLength, result, stored } of shard.lines) {
			cache.analysis.files.set(file, { stamp, digest: { hash, bodyLength }, result });
			const body = result.version && stored ? unpackBody(stored) : undefined;
			if (body) cache.analysis.bodies.set(file, { version: result.version!, context: shard.context, body });
			cache.read.lines.set(file, { line, stamp, result, ...(body ? { body } : {}) });
		}
	}
	return cache;
}

function readShard(text: string, key: string) {
	try {
		const [first, ...rest] = text.split('\n');
		const header = JSON.parse(first!) as Header;
		if (header?.format !== FORMAT || header.key !== key || typeof header.context !== 'string') return undefined;
		const lines = rest
			.filter((line) => line !== '')
			.map((line) => {
				const [file, stamp, hash, bodyLength, result, stored] = JSON.parse(line) as Line;
				if (typeof file !== 'string' || typeof bodyLength !== 'number' || !Array.isArray(result?.problems)) throw new TypeError(file);
				return { file, line, stamp, hash, bodyLength, result, stored };
			});
		return { context: header.context, lines };
	} catch {
		return undefined;
	}
}

/**
 * Writes what this run's analysis keeps, for the next run: the files read and the bodies analysed under this
 * run's context (the one every body analysed or kept by this run carries). Each shard is replaced at once (a
 * run that stops half way leaves the old one or none), and only when it differs from what was read.
 */
function writeCheckCache(root: string, { key, analysis, read: previous }: CheckCache): void {
	const context = analysis.bodies.values().next().value?.context ?? '';
	const header = asciiJson({ format: FORMAT, key, context } satisfies Header);
	const shards = Array.from({ length: SHARDS }, (_, n) => ({ lines: [header], changed: previous.shards[n]!.context !== context }));
	for (const [file, read] of analysis.files) {
		const shard = shards[shardOf(file)]!;
		const analysed = analysis.bodies.get(file);
		const body = analysed && analysed.context === context && analysed.version === read.result.version ? analysed.body : undefined;
		const before = previous.lines.get(file);
		if (before && before.stamp === read.stamp && before.result === read.result && before.body === body) {
			shard.lines.push(before.line);
			continue;
		}
		const kept = read.digest ?? (read.source === undefined ? undefined : digestOf(read.source, read.result));
		if (!kept) continue;
		shard.changed = true;
		const line: Line = [file, read.stamp, kept.hash, kept.bodyLength, withoutBody(read.result), body ? storedBody(body) : null];
		shard.lines.push(asciiJson(line));
	}
	shards.forEach((shard, n) => {
		// Header and files as read, every line as it was: nothing to write.
		if (!shard.changed && shard.lines.length === previous.shards[n]!.lines + 1) return;
		// A cache that cannot be written is no cache: the next run checks those files again.
		replaceCacheFile(join(root, checkCacheFile(n)), () => `${shard.lines.join('\n')}\n`);
	});
}

/** The text's digest and its body's length, when the body is the end of the text (splitFrontmatter); else nothing is kept. */
function digestOf(text: string, result: ReusedFile['result']): ReusedFile['digest'] {
	const body = result.version?.body ?? result.unchecked?.body ?? '';
	return text.endsWith(body) ? { hash: textDigest(text), bodyLength: body.length } : undefined;
}

/**
 * JSON with every character beyond ASCII escaped (`\u4e2d`; a character beyond the BMP as its two surrogates,
 * hence no `u` flag): the file is read back as one byte a character.
 */
function asciiJson(value: unknown): string {
	return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function withoutBody(result: ReusedFile['result']): ReusedFile['result'] {
	return {
		problems: result.problems,
		...(result.version ? { version: { ...result.version, body: '' } } : {}),
		...(result.unchecked ? { unchecked: { ...result.unchecked, body: '' } } : {}),
	};
}

/**
 * What the checker reads of a body's analysis: the outline's clauses without their text, and no blocks (text
 * for the diff and search, which the checker does not read).
 */
function storedBody(body: BodyAnalysis): StoredBody {
	const { problems, leaks, assets, analysed } = body;
	const slim: StoredBody = { problems, leaks, assets };
	if (analysed) {
		const { clauses, blocks: _blocks, ...outline } = analysed.outline;
		slim.analysed = { ...analysed, outline: { ...outline, clauses: clauses.map(packClause) } };
	}
	return slim;
}

function unpackBody(stored: StoredBody): BodyAnalysis {
	const { analysed, ...rest } = stored;
	if (!analysed) return { ...rest, keptTree: false };
	const outline: Outline = { ...analysed.outline, clauses: analysed.outline.clauses.map(unpackClause), blocks: [] };
	return { ...rest, analysed: { ...analysed, outline }, keptTree: false };
}
