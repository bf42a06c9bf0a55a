import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { portal } from '../../astro.config.mjs';
import { PortalBuildError } from '../../src/integration/errors.ts';
import { analyse, documentOf, readSetup, startAnalysis } from '../../src/integration/setup.ts';
import { formatProblem, sortProblems } from '../../src/lib/problems.ts';
import { BUILD_MARKER, PENDING_MARKER } from '../../src/lib/publish/build-record.ts';
import { createAnalysisCache } from '../../src/node/analysis-cache.ts';
import { makeTree, PROJECT_ROOT, removeTempDirs } from '../unit/_helpers.ts';

const astro = { root: pathToFileURL(`${PROJECT_ROOT}/`), base: '/' };
const FIXTURE = {
	PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-dev',
	PORTAL_SOA_FILE: 'test/fixtures/soa/basic.yaml',
	PORTAL_TODAY: '2025-01-15',
};

describe('setup: configuration, settings and the analysis', () => {
	it('refuses an invalid portal configuration with one line per field (config/invalid)', () => {
		try {
			readSetup({ ...portal, docNoPattern: 42 } as never, astro, 'build', {});
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(PortalBuildError);
			expect((error as PortalBuildError).lines.join('\n')).toMatch(
				/^portal\.config\.mjs {2}error {2}config\/invalid {2}入口網設定 .*docNoPattern（文件編號格式）的值「42」（數字）無效/,
			);
		}
	});

	it('refuses a PORTAL_* value it does not understand (config/env)', () => {
		expect(() => readSetup(portal, astro, 'build', { PORTAL_TODAY: 'tomorrow' })).toThrow(
			/^\(環境變數\) {2}error {2}config\/env {2}PORTAL_TODAY 應為 YYYY-MM-DD/,
		);
	});

	it('shows drafts in astro dev unless PORTAL_INCLUDE_DRAFTS says otherwise; a build only when asked', () => {
		expect(readSetup(portal, astro, 'dev', {}).settings.includeDrafts).toBe(true);
		expect(readSetup(portal, astro, 'dev', { PORTAL_INCLUDE_DRAFTS: '0' }).settings.includeDrafts).toBe(false);
		expect(readSetup(portal, astro, 'build', {}).settings.includeDrafts).toBe(false);
		expect(readSetup(portal, astro, 'build', { PORTAL_INCLUDE_DRAFTS: '1' }).settings.includeDrafts).toBe(true);
		expect(() => readSetup(portal, astro, 'dev', { PORTAL_INCLUDE_DRAFTS: 'enable' })).toThrow(/PORTAL_INCLUDE_DRAFTS 應為/);
	});

	it('tells a document file from any other Markdown by its folder', () => {
		const setup = readSetup(portal, astro, 'build', FIXTURE);
		expect(documentOf(setup, `${PROJECT_ROOT}/test/fixtures/corpus-dev/ISMS-P-002/1.0.mdx`)).toBe('ISMS-P-002');
		expect(documentOf(setup, `${PROJECT_ROOT}/src/content/docs/help/authoring.mdx`)).toBeUndefined();
		expect(documentOf(setup, undefined)).toBeUndefined();
	});

	it('analyses the corpus and indexes it by file, with the outline a reference to each document means', () => {
		const setup = readSetup(portal, astro, 'dev', FIXTURE);
		const snapshot = analyse(setup);
		const p002 = snapshot.byFile.get(`${PROJECT_ROOT}/test/fixtures/corpus-dev/ISMS-P-002/1.0.mdx`);
		expect(p002?.id).toBe('ISMS-P-002/1.0');
		expect(snapshot.meant.get('ISMS-M-001')?.clauses.map((clause) => clause.anchor)).toEqual(['sec-1', 'sec-2', 'sec-2-1', 'sec-2-2']);
		// In force, not the draft: ISMS-P-003 1.1 is a draft, 1.0 is what a reference means.
		expect(snapshot.meant.get('ISMS-P-003')?.clauses.map((clause) => clause.anchor)).toEqual(['sec-1', 'sec-1-1']);
		expect([...snapshot.published].sort()).toEqual(['ISMS-M-001', 'ISMS-P-002', 'ISMS-P-003']);
		expect(snapshot.problems).toEqual([]);
	});

	it('lends an unchanged body to the next analysis (astro dev): the same outline, not a new parse', () => {
		const setup = readSetup(portal, astro, 'dev', FIXTURE);
		const cache = createAnalysisCache();
		const first = analyse(setup, cache);
		const second = analyse(setup, cache);
		expect(second.analysis.analyses.get('ISMS-P-002/1.0')!.outline).toBe(first.analysis.analyses.get('ISMS-P-002/1.0')!.outline);
		expect(second.analysis.controls).toBe(first.analysis.controls);
		// Without a cache, every analysis reads everything again.
		expect(analyse(setup).analysis.analyses.get('ISMS-P-002/1.0')!.outline).not.toBe(
			first.analysis.analyses.get('ISMS-P-002/1.0')!.outline,
		);
	});
});

describe('startAnalysis: the first analysis of an astro run', () => {
	afterEach(removeTempDirs);
	const logger = () => {
		const lines: string[] = [];
		return {
			lines,
			error: (line: string) => lines.push(`error ${line}`),
			warn: (line: string) => lines.push(`warn ${line}`),
			info: (line: string) => lines.push(`info ${line}`),
		};
	};
	const outDirWithRecord = () => {
		const outDir = makeTree({ [BUILD_MARKER]: '{}', [PENDING_MARKER]: '{}', 'index.html': '' });
		return { dir: outDir, url: pathToFileURL(`${outDir}/`) };
	};
	const INVALID = { PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-invalid', PORTAL_TODAY: '2025-01-15' };

	it('a build with errors stops with the one list, after removing the older build record', () => {
		const out = outDirWithRecord();
		const log = logger();
		expect(() => startAnalysis(readSetup(portal, astro, 'build', INVALID), out.url, log)).toThrow(PortalBuildError);
		expect(existsSync(join(out.dir, BUILD_MARKER))).toBe(false);
		expect(existsSync(join(out.dir, PENDING_MARKER))).toBe(false);
		expect(existsSync(join(out.dir, 'index.html'))).toBe(true);
		expect(log.lines).toEqual([]);
	});

	it('astro dev shows every problem in the Problem format, sorted, keeps going and keeps a cache; the record is left alone', () => {
		const out = outDirWithRecord();
		const log = logger();
		const { snapshot, cache } = startAnalysis(readSetup(portal, astro, 'dev', INVALID), out.url, log);
		expect(cache).toBeDefined();
		const shown = log.lines.filter((line) => !line.startsWith('info '));
		expect(shown.length).toBeGreaterThan(0);
		expect(shown).toEqual(
			sortProblems(snapshot.problems).map((problem) => `${problem.severity === 'error' ? 'error' : 'warn'} ${formatProblem(problem)}`),
		);
		expect(shown[0]).toMatch(/^error test\/fixtures\/corpus-invalid\/\S+:\d+:\d+ {2}error {2}/);
		expect(existsSync(join(out.dir, BUILD_MARKER))).toBe(true);
	});

	it('a passing build keeps no cache, prints no problem and tells what the ceiling leaves out', () => {
		const out = outDirWithRecord();
		const log = logger();
		const setup = readSetup(portal, astro, 'build', {
			PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-ceiling-notice',
			PORTAL_TODAY: '2025-01-15',
		});
		const started = startAnalysis(setup, out.url, log);
		expect(started.cache).toBeUndefined();
		expect(log.lines.filter((line) => !line.startsWith('info '))).toEqual([]);
		const notices = log.lines.filter((line) => line.startsWith('info ') && line.includes('  notice  ceiling/'));
		expect(notices.map((line) => line.match(/ceiling\/\S+ {2}ISMS-\S+/)?.[0]).sort()).toEqual([
			'ceiling/document-left-out  ISMS-P-010',
			'ceiling/document-left-out  ISMS-S-009',
			'ceiling/upcoming-left-out  ISMS-P-011',
		]);
	});
});
