import {
	chmodSync,
	lstatSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { portal } from '../../astro.config.mjs';
import { parseCount } from '../../src/lib/body/mdx.ts';
import { sortProblems } from '../../src/lib/problems.ts';
import type { BuildSettings } from '../../src/lib/site/settings.ts';
import { analyzeCorpus } from '../../src/node/analyze.ts';
import { CHECK_CACHE_DIR, checkCacheFile, openCheckCache, packClause, saveCheckCache, unpackClause } from '../../src/node/check-cache.ts';
import { SOURCES_CACHE_FILE } from '../../src/node/check-cache-sources.ts';
import { portalConfigSchema } from '../../src/schemas/config.ts';
import { buildSettings, DOCS, makeProjectTree, mdx, PROJECT_ROOT, removeTempDirs, versionFields } from '../unit/_helpers.ts';

/**
 * `npm run check`'s cache between runs (src/node/check-cache.ts): what it keeps, when it is thrown away, and
 * that a run from it finds exactly what a run without it finds.
 */
afterAll(removeTempDirs);
const config = portalConfigSchema.parse(portal);

const M001 = mdx(versionFields('ISMS-M-001', '1.0', { title: '資訊安全管理政策' }), '## 1. 目的\n\n- 1.1 政策。\n- 1.2 範圍。\n');
const P002 = (extra = '') => mdx(versionFields('ISMS-P-002', '1.0'), `## 1. 目的\n\n- 1.1 依 ISMS-M-001 第 1.2 節辦理。\n${extra}`);

function project(): string {
	return makeProjectTree({ [`${DOCS}/ISMS-M-001/1.0.mdx`]: M001, [`${DOCS}/ISMS-P-002/1.0.mdx`]: P002() });
}

/** One `npm run check` as scripts/check-main.ts runs it: open the cache, analyse, save. */
function check(root: string, settings: BuildSettings = buildSettings()) {
	const cache = openCheckCache(root, config, settings);
	const analysis = analyzeCorpus(root, config, settings, { cache: cache.analysis });
	saveCheckCache(root, cache);
	return { problems: sortProblems(analysis.problems), cache };
}
const uncached = (root: string, settings: BuildSettings = buildSettings()) => sortProblems(analyzeCorpus(root, config, settings).problems);
/** The shards of the version files' analyses, by name, and their text. */
const shards = (root: string) =>
	Object.fromEntries(
		readdirSync(join(root, CHECK_CACHE_DIR))
			.filter((name) => name.startsWith('check-') && name.endsWith('.json'))
			.map((name) => [name, readFileSync(join(root, CHECK_CACHE_DIR, name), 'latin1')]),
	);
const rules = (problems: { rule: string; file: string }[]) => problems.map((p) => `${p.file} ${p.rule}`);

describe("npm run check's cache", () => {
	// Files written by a test are "settled" (src/node/source-file.ts `fileStamp`) once two seconds have passed.
	const later = () => vi.setSystemTime(Date.now() + 10_000);
	beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
	afterEach(() => vi.useRealTimers());

	it('analyses no body again when nothing changed, and finds what a run without it finds', () => {
		const root = project();
		const first = check(root);
		expect(Object.keys(shards(root))).toHaveLength(16);
		later();
		const before = parseCount();
		const second = check(root);
		expect(parseCount()).toBe(before);
		expect(second.problems).toEqual(first.problems);
		expect(second.problems).toEqual(uncached(root));
		expect(second.cache.sources.kept).toBe(true);
	});

	it('reads back text beyond the BMP (a title with 𠮷) as written', () => {
		const root = makeProjectTree({
			[`${DOCS}/ISMS-M-001/1.0.mdx`]: mdx(versionFields('ISMS-M-001', '1.0', { title: '𠮷野資訊安全政策' })),
		});
		check(root);
		later();
		const { cache, problems } = check(root);
		expect(cache.analysis.files.get(`${DOCS}/ISMS-M-001/1.0.mdx`)?.result.version?.title).toBe('𠮷野資訊安全政策');
		for (const text of Object.values(shards(root))) expect(text).toMatch(/^[\x00-\x7f]*$/);
		expect(problems).toEqual(uncached(root));
	});

	it('analyses an edited file again, and only it', () => {
		const root = project();
		check(root);
		writeFileSync(join(root, DOCS, 'ISMS-P-002/1.0.mdx'), P002('- 1.2 依 ISMS-M-001 第 9.9 節。\n'));
		later();
		const before = parseCount();
		const { problems } = check(root);
		expect(parseCount()).toBe(before + 1);
		expect(rules(problems)).toEqual([`${DOCS}/ISMS-P-002/1.0.mdx ref/unknown-clause`]);
		expect(problems).toEqual(uncached(root));
	});

	it('writes only the shard of the edited document, and nothing when nothing changed', () => {
		const root = project();
		check(root);
		later();
		check(root);
		const written = () => Object.keys(shards(root)).map((name) => statSync(join(root, CHECK_CACHE_DIR, name)).mtimeMs);
		const before = written();
		later();
		check(root);
		expect(written()).toEqual(before);
		writeFileSync(join(root, DOCS, 'ISMS-P-002/1.0.mdx'), P002('- 1.2 新增。\n'));
		check(root);
		const after = written();
		expect(after.filter((mtime, n) => mtime !== before[n])).toHaveLength(1);
	});

	it('reads every body again when what they read of the others changes (a title), files unread until then', () => {
		const root = project();
		check(root);
		later();
		check(root);
		writeFileSync(join(root, DOCS, 'ISMS-M-001/1.0.mdx'), M001.replace('資訊安全管理政策', '資訊安全政策'));
		later();
		const before = parseCount();
		const { problems } = check(root);
		expect(parseCount()).toBe(before + 2);
		expect(problems).toEqual(uncached(root));
	});

	it('takes a file rewritten with the same text (a checkout) from its digest', () => {
		const root = project();
		check(root);
		writeFileSync(join(root, DOCS, 'ISMS-P-002/1.0.mdx'), P002());
		utimesSync(join(root, DOCS, 'ISMS-P-002/1.0.mdx'), new Date(2020, 0, 1), new Date(2020, 0, 1));
		const before = parseCount();
		const { problems } = check(root);
		expect(parseCount()).toBe(before);
		expect(problems).toEqual(uncached(root));
	});

	it('forgets a deleted file and reports a file that can no longer be read', () => {
		const root = project();
		check(root);
		later();
		rmSync(join(root, DOCS, 'ISMS-P-002/1.0.mdx'));
		symlinkSync('../ISMS-M-001/1.0.mdx', join(root, DOCS, 'ISMS-P-002/1.0.mdx'));
		const { problems } = check(root);
		expect(rules(problems)).toContain(`${DOCS}/ISMS-P-002/1.0.mdx layout/symlink`);
		expect(problems).toEqual(uncached(root));
		rmSync(join(root, DOCS, 'ISMS-P-002'), { recursive: true });
		later();
		expect(check(root).problems).toEqual([]);
		expect(Object.values(shards(root)).join('')).not.toContain('ISMS-P-002/1.0.mdx');
	});

	it('reads an unchanged file again when its body must be analysed again and it cannot be read', () => {
		const root = project();
		check(root);
		later();
		check(root);
		// The title change sends every body to be analysed again; P-002's file can no longer be read.
		writeFileSync(join(root, DOCS, 'ISMS-M-001/1.0.mdx'), M001.replace('資訊安全管理政策', '資訊安全政策'));
		const file = join(root, DOCS, 'ISMS-P-002/1.0.mdx');
		const stamp = readFileSync(file);
		chmodSync(file, 0o000);
		try {
			// Running as root reads it all the same; otherwise the problem is the file's, never an exception.
			const { problems } = check(root);
			expect(problems).toEqual(uncached(root));
		} finally {
			chmodSync(file, 0o644);
		}
		expect(readFileSync(file)).toEqual(stamp);
	});

	it('is thrown away when the configuration or settings differ, and when it cannot be read', () => {
		const root = project();
		check(root);
		later();
		let before = parseCount();
		check(root, buildSettings({ ceiling: 'public' }));
		expect(parseCount()).toBe(before + 2);
		for (const name of Object.keys(shards(root))) writeFileSync(join(root, CHECK_CACHE_DIR, name), '{"format":1,"key":');
		writeFileSync(join(root, SOURCES_CACHE_FILE), 'not v8');
		before = parseCount();
		const { problems, cache } = check(root, buildSettings({ ceiling: 'public' }));
		expect(parseCount()).toBe(before + 2);
		expect(cache.sources.kept).toBe(false);
		expect(problems).toEqual(uncached(root, buildSettings({ ceiling: 'public' })));
	});

	it('replaces a symbolic link where its file goes, never writing through it', () => {
		const root = project();
		const outside = join(root, 'outside.txt');
		writeFileSync(outside, 'keep');
		mkdirSync(join(root, CHECK_CACHE_DIR), { recursive: true });
		for (let n = 0; n < 16; n++) symlinkSync(outside, join(root, checkCacheFile(n)));
		expect(check(root).problems).toEqual(uncached(root));
		expect(readFileSync(outside, 'utf8')).toBe('keep');
		for (let n = 0; n < 16; n++) expect(lstatSync(join(root, checkCacheFile(n))).isFile()).toBe(true);
	});

	it('loads the catalogues again when one of their files changes', () => {
		const root = project();
		check(root);
		const file = join(root, 'content/controls/iso27001-2022.yaml');
		writeFileSync(file, readFileSync(file, 'utf8').replace(/^themes:/m, 'themez:'));
		const { problems, cache } = check(root);
		expect(cache.sources.kept).toBe(false);
		expect(problems.some((p) => p.file === 'content/controls/iso27001-2022.yaml')).toBe(true);
		expect(problems).toEqual(uncached(root));
	});
});

describe("npm run check's cache: clauses as rows", () => {
	it('keeps every field of every clause but its text (content/, the outline fixtures, a duplicated clause)', () => {
		const duplicated = makeProjectTree({
			[`${DOCS}/ISMS-M-001/1.0.mdx`]: mdx(versionFields('ISMS-M-001', '1.0'), '## 1. 目的\n\n- 1.1 甲。\n- 1.1 乙。\n'),
		});
		const clauses = [
			[PROJECT_ROOT, 'content/documents'],
			[PROJECT_ROOT, 'test/fixtures/outline'],
			[duplicated, DOCS],
		].flatMap(([root, documentsDir]) =>
			[...analyzeCorpus(root!, config, buildSettings({ documentsDir })).analyses.values()].flatMap((a) => a.outline.clauses),
		);
		expect(clauses.length).toBeGreaterThan(500);
		// Every optional field occurs, so each is seen to come back.
		expect(clauses.some((c) => c.duplicate) && clauses.some((c) => c.headingLevel) && clauses.some((c) => c.parent === 0)).toBe(true);
		const packed = JSON.parse(JSON.stringify(clauses.map(packClause))) as ReturnType<typeof packClause>[];
		expect(packed.map(unpackClause)).toEqual(clauses.map((clause) => ({ ...clause, text: '' })));
	});
});
