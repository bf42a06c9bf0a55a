import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, fixtureEnv, indexStep, ROOT } from './build.ts';

/**
 * The build audits its own output: leaks injected on purpose into the pages Astro wrote (a title in
 * versions.json, a hidden sentence split by a tag in a page, which the search index then carries in
 * its gzipped fragments, a title inside the XLSX zip) are found by the second step of `npm run build`,
 * which then fails, one line per finding, leaving nothing publishable.
 */
const LABEL = 'audit-injected';
const outDir = join(ROOT, 'test/.tmp', LABEL, 'dist');
let astro: { status: number | null; stderr: string };
let index: { status: number | null; stdout: string; stderr: string };
let cacheFilesBefore: string[];
let outputBefore: string[];
/** Where the injected title starts in versions.json (one line of JSON) and the sentence in the page: the findings name them. */
let titleColumn = 0;
let readBack = '';
let pageAt = { line: 0, column: 0 };

beforeAll(async () => {
	rmSync(join(ROOT, 'test/.tmp', LABEL), { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	const env = fixtureEnv('corpus-ceiling', LABEL, { PORTAL_SOA_FILE: 'test/fixtures/soa/ceiling.yaml' });
	astro = astroBuild(outDir, env);
	if (astro.status !== 0) throw new Error(astro.stderr);
	cacheFilesBefore = readdirSync(env.PORTAL_CACHE_DIR!).filter((name) => name.startsWith('isms-portal-audit-'));
	outputBefore = readdirSync(outDir, { recursive: true, encoding: 'utf8' });

	const versions = join(outDir, 'documents/isms-p-008/versions.json');
	const patched = readFileSync(versions, 'utf8').replace('配合「ISMS-S-004」', '配合「ISMS-S-004 機房管制作業說明甲乙丙」');
	writeFileSync(versions, patched);
	titleColumn = patched.indexOf('ISMS-S-004 機房管制作業說明甲乙丙') + 1;
	const page = join(outDir, 'documents/isms-m-001/index.html');
	readBack = readFileSync(page, 'utf8').replace('</main>', '\n<p>限閱內文 <strong>CANARY-R-BODY-7f3a</strong>，門禁密碼規則。</p></main>');
	writeFileSync(page, readBack);
	const before = readBack.slice(0, readBack.indexOf('限閱內文')).split('\n');
	pageAt = { line: before.length, column: before.at(-1)!.length + 1 };
	const xlsx = join(outDir, 'soa.xlsx');
	const zip = await JSZip.loadAsync(readFileSync(xlsx));
	zip.file('docProps/custom.xml', '<Properties><title>ISMS-S-009 金鑰保管作業說明丁戊己</title></Properties>');
	writeFileSync(xlsx, await zip.generateAsync({ type: 'nodebuffer' }));

	index = indexStep(outDir);
});

describe('the audit of a build into which leaks were injected', () => {
	it('keeps its canary list in the Astro cache, never in the output', () => {
		expect(cacheFilesBefore).toHaveLength(1);
		expect(outputBefore.some((file) => file.includes('isms-portal-audit') || file.endsWith('.portal-build.json'))).toBe(false);
		expect(outputBefore).toContain('.portal-build.pending.json');
	});

	it('fails the build with exit 1, one line per finding: file, what leaked, which hidden document', () => {
		expect(index.status).toBe(1);
		const lines = index.stderr.split('\n').filter((line) => line.includes('  error  audit/leak  '));
		const where = 'test/.tmp/audit-injected/dist';
		expect(lines.sort()).toEqual([
			`${where}/documents/isms-m-001/index.html:${pageAt.line}:${pageAt.column}  error  audit/leak  輸出檔含有不得發布的ISMS-S-004（高於本次建置的發布上限（內部使用））的內文「限閱內文CANARY-R-BODY-7f…」`,
			`${where}/documents/isms-p-008/versions.json:1:${titleColumn}  error  audit/leak  輸出檔含有不得發布的ISMS-S-004（高於本次建置的發布上限（內部使用））的名稱「ISMS-S-004機房管制作業說明甲乙丙」`,
			// Pagefind indexed the patched page: its gzipped fragment carries the sentence too.
			expect.stringMatching(
				new RegExp(
					`^${where}/pagefind/fragment/[^ ]+\\.pf_fragment:1:\\d+  error  audit/leak  輸出檔含有不得發布的ISMS-S-004（.*）的內文「限閱內文CANARY-R-BODY-7f…」$`,
				),
			),
			`${where}/soa.xlsx!/docProps/custom.xml:1:20  error  audit/leak  輸出檔含有不得發布的ISMS-S-009（高於本次建置的發布上限（內部使用））的名稱「ISMS-S-009金鑰保管作業說明丁戊己」`,
		]);
		expect(index.stderr).toMatch(/輸出稽核：共 \d+ 處含有不得發布的內容；建置中止，已清空輸出資料夾/);
		expect(index.stderr + index.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
	});

	it('leaves nothing publishable: no build record, an empty output folder, no canary list', () => {
		expect(existsSync(join(outDir, '.portal-build.json'))).toBe(false);
		expect(readdirSync(outDir)).toEqual([]);
		const cache = join(ROOT, 'test/.tmp', LABEL, 'cache');
		expect(readdirSync(cache).filter((name) => name.startsWith('isms-portal-audit-'))).toEqual([]);
	});
});
