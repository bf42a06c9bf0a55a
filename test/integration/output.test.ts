import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { portal } from '../../astro.config.mjs';
import { PortalBuildError } from '../../src/integration/errors.ts';
import { attachmentsReader, outputPreparer, prepareBuildOutput, writeBuildOutput } from '../../src/integration/output.ts';
import { dataFiles } from '../../src/lib/site/output.ts';
import { analyse, readSetup } from '../../src/integration/setup.ts';
import { PENDING_MARKER, type BuildRecord } from '../../src/lib/publish/build-record.ts';
import { collected } from '../unit/_heap.ts';
import { PROJECT_ROOT } from '../unit/_helpers.ts';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="script-src 'self'; style-src 'self'"></head><body><p>頁面</p></body></html>`;
const snapshot = analyse(
	readSetup(portal, { root: pathToFileURL(`${PROJECT_ROOT}/`), base: '/' }, 'build', {
		PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-dev',
		PORTAL_SOA_FILE: 'test/fixtures/soa/basic.yaml',
		PORTAL_TODAY: '2025-01-15',
	}),
);
const dirs: string[] = [];

/** An output folder as Astro leaves it: the permalink page of every document, and the home page. */
function builtSite(page = PAGE): { outDir: string; cacheDir: string } {
	const root = mkdtempSync(join(tmpdir(), 'isms-output-'));
	dirs.push(root);
	const outDir = join(root, 'dist');
	for (const doc of snapshot.model.documents) {
		const file = join(outDir, 'documents', doc.docNo.toLowerCase(), 'index.html');
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, PAGE.replace('頁面', doc.docNo));
	}
	writeFileSync(join(outDir, 'index.html'), page);
	return { outDir, cacheDir: join(root, 'cache') };
}

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('output: what the build adds once Astro has written every page', () => {
	it('copies each permalink page to its version page, writes versions.json, the audit list (outside the output) and, last, the pending build record', () => {
		const { outDir, cacheDir } = builtSite(PAGE.replace('<body>', '<body><main data-pagefind-body>'));
		const record = writeBuildOutput(
			prepareBuildOutput(snapshot, PROJECT_ROOT),
			{ outDir, cacheDir, site: undefined, root: PROJECT_ROOT, parses: () => ({ bodies: 3, documentModules: 0 }) },
			new Date('2025-01-15T01:02:03Z'),
		);
		expect(readFileSync(join(outDir, 'documents/isms-m-001/v1.0/index.html'), 'utf8')).toContain('ISMS-M-001');
		// ISMS-P-003's 1.1 is a draft, left out of a build without drafts: one version, no versions.json.
		expect(existsSync(join(outDir, 'documents/isms-p-003/versions.json'))).toBe(false);
		const written = JSON.parse(readFileSync(join(outDir, PENDING_MARKER), 'utf8')) as BuildRecord;
		expect(written).toEqual(record);
		expect(record).toMatchObject({
			status: 'ok',
			builtAt: '2025-01-15T01:02:03.000Z',
			today: '2025-01-15',
			ceiling: 'internal',
			includeDrafts: false,
			site: null,
			documents: 3,
			versions: 3,
			warnings: 0,
		});
		// The analysis's parses, one per version read (the draft too), and no document module.
		expect(record.parses).toEqual({ versions: 4, bodies: 3, documentModules: 0 });
		expect(record.duplicatePages).toEqual([
			'documents/isms-m-001/v1.0/index.html',
			'documents/isms-p-002/v1.0/index.html',
			'documents/isms-p-003/v1.0/index.html',
		]);
		// The pages with a search body, for the search-index step: here the home page only.
		expect(record.searchPages).toEqual(['index.html']);
		expect(record.audit!.file.startsWith(cacheDir)).toBe(true);
		expect(existsSync(record.audit!.file)).toBe(true);
	});

	it('writes versions.json for a document with two published versions, prepared before the pages, without keeping the analysis', async () => {
		const withDrafts = () =>
			analyse(
				readSetup(portal, { root: pathToFileURL(`${PROJECT_ROOT}/`), base: '/' }, 'build', {
					PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-dev',
					PORTAL_SOA_FILE: 'test/fixtures/soa/basic.yaml',
					PORTAL_TODAY: '2025-01-15',
					PORTAL_INCLUDE_DRAFTS: '1',
				}),
			);
		let analysis: WeakRef<object> | undefined;
		const prepared = (() => {
			const snapshot = withDrafts();
			analysis = new WeakRef(snapshot.analysis);
			return outputPreparer(snapshot, PROJECT_ROOT);
		})();
		expect(await collected(analysis!)).toBe(false);
		// At astro:build:start, once every body is rendered: the analysis is let go.
		prepared();
		expect(await collected(analysis!)).toBe(true);
		const { outDir, cacheDir } = builtSite();
		writeBuildOutput(prepared(), {
			outDir,
			cacheDir,
			site: 'https://isms.example.gov.tw',
			root: PROJECT_ROOT,
			parses: () => ({ bodies: 4, documentModules: 0 }),
		});
		const written = readFileSync(join(outDir, 'documents/isms-p-003/versions.json'), 'utf8');
		const versions = JSON.parse(written) as { versions: { version: string }[] };
		expect(versions.versions.map((v) => v.version).sort()).toEqual(['1.0', '1.1']);
		// What the dev server serves for the same analysis (src/lib/site/output.ts dataFiles), byte for byte.
		const snapshot = withDrafts();
		const served = dataFiles(snapshot.model.documents, snapshot.blocks, attachmentsReader(PROJECT_ROOT, '/')).get(
			'/documents/isms-p-003/versions.json',
		);
		expect(written).toBe(served!());
	});

	it('stops on a page that breaks its Content Security Policy: one line per fault, and no build record (nothing publishable)', () => {
		const { outDir, cacheDir } = builtSite(PAGE.replace('<p>頁面</p>', '<p onclick="x()">頁面</p>'));
		try {
			writeBuildOutput(prepareBuildOutput(snapshot, PROJECT_ROOT), {
				outDir,
				cacheDir,
				site: undefined,
				root: PROJECT_ROOT,
				parses: () => ({ bodies: 3, documentModules: 0 }),
			});
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(PortalBuildError);
			expect((error as PortalBuildError).lines).toEqual([
				expect.stringMatching(/index\.html:1:1 {2}error {2}csp\/page {2}<p> 帶有事件處理屬性 onclick$/),
			]);
			expect((error as Error).message).toContain('共 1 個頁面問題違反內容安全政策；建置中止，輸出不可發布。');
		}
		expect(existsSync(join(outDir, PENDING_MARKER))).toBe(false);
	});
});
