import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashSigns } from '../hostile-cases.ts';
import { hostEnv, ROOT } from '../build/build.ts';
import { copyFixture, startDevServer, waitForPage, type DevServer } from './server.ts';

/**
 * `npm run dev` while a document controller writes (issue 21), on a copy of test/fixtures/corpus-dev:
 * ISMS-M-001 1.0 (clauses 2.1, 2.2; control A.5.1.1), ISMS-P-002 1.0 citing ISMS-M-001 第 2.1 節 and
 * 第 2.2 節, ISMS-P-003 1.0 in force and 1.1 a draft. The test edits the copy while the server runs and
 * asks for pages until they show the change (no fixed waits); the server is never restarted.
 */
const LABEL = 'dev-preview';
const dir = copyFixture('corpus-dev', LABEL);
const file = (path: string) => join(ROOT, dir, path);
// The SoA data too, edited below.
const SOA = `test/.tmp/${LABEL}/soa.yaml`;
copyFileSync(join(ROOT, 'test/fixtures/soa/basic.yaml'), join(ROOT, SOA));
const env = {
	PORTAL_DOCUMENTS_DIR: dir,
	PORTAL_SOA_FILE: SOA,
	PORTAL_TODAY: '2025-01-15',
	PORTAL_CACHE_DIR: `test/.tmp/${LABEL}/cache`,
};
const M001 = '/documents/isms-m-001/';
const P002 = '/documents/isms-p-002/';

let server: DevServer;
/** Edit-to-visible times, printed at the end. */
const timings: Record<string, number> = {};

beforeAll(async () => {
	server = await startDevServer(env);
});

afterAll(async () => {
	await server?.stop();
	// For whoever reads a failure: everything the server printed.
	if (server) writeFileSync(join(ROOT, `test/.tmp/${LABEL}/server.log`), server.output());
	if (Object.keys(timings).length > 0) process.stdout.write(`dev server, save to page (ms): ${JSON.stringify(timings)}\n`);
});

const findings = (html: string) =>
	parse(html)
		.querySelectorAll('[data-preview-findings] [data-finding]')
		.map((item) => item.textContent.replace(/\s+/g, ' ').trim());
const ids = (html: string) =>
	parse(html)
		.querySelectorAll('.sl-markdown-content [id^="sec-"]')
		.map((element) => element.getAttribute('id'));

describe('npm run dev on a corpus being edited', () => {
	it('serves the corpus: anchors, references, backlinks, and the draft with its notice', async () => {
		const m001 = await waitForPage(server, M001, (page) => page.status === 200);
		expect(ids(m001.text)).toEqual(['sec-1', 'sec-2', 'sec-2-1', 'sec-2-2']);
		expect(m001.text).toContain('ISMS-P-002');
		const p002 = await server.get(P002);
		expect(p002.text).toContain('href="/documents/isms-m-001/#sec-2-2"');
		expect(findings(p002.text)).toEqual([]);
		const draft = await server.get('/documents/isms-p-003/v1.1/');
		expect(draft.status).toBe(200);
		expect(draft.text).toContain('data-status="草稿"');
		expect(draft.text).toContain('特權帳號應每季審查一次');
	});

	it('shows a saved edit on the next request, with no restart', async () => {
		appendFileSync(file('ISMS-M-001/1.0.mdx'), '- 2.3 文件應定期審查。\n');
		const page = await waitForPage(server, M001, (p) => p.text.includes('文件應定期審查'));
		timings.edit = Math.round(page.ms);
		expect(ids(page.text)).toEqual(['sec-1', 'sec-2', 'sec-2-1', 'sec-2-2', 'sec-2-3']);
		expect(server.output()).not.toMatch(/Restarting|server restarted/);
	});

	it('shows a broken reference on the page and in the terminal, keeps the other pages, and clears it when fixed', async () => {
		const source = readFileSync(file('ISMS-P-002/1.0.mdx'), 'utf8');
		writeFileSync(file('ISMS-P-002/1.0.mdx'), source.replace('第 2.1 節', '第 9.9 節'));
		try {
			const broken = await waitForPage(server, P002, (p) => findings(p.text).length > 0);
			timings.finding = Math.round(broken.ms);
			expect(findings(broken.text)).toEqual([
				expect.stringMatching(new RegExp(`^${dir}/ISMS-P-002/1\\.0\\.mdx:15:\\d+ 錯誤 ref/unknown-clause .*9\\.9`)),
			]);
			// The page itself still renders, the other pages too.
			expect(broken.text).toContain('作廢文件之處理依');
			expect((await server.get(M001)).status).toBe(200);
			expect((await server.get('/documents/')).status).toBe(200);
			// The terminal: the usual one line.
			expect(server.output()).toMatch(new RegExp(`${dir}/ISMS-P-002/1\\.0\\.mdx:15:\\d+ {2}error {2}ref/unknown-clause {2}`));
		} finally {
			writeFileSync(file('ISMS-P-002/1.0.mdx'), source);
		}
		const fixed = await waitForPage(server, P002, (p) => findings(p.text).length === 0 && p.text.includes('#sec-2-1'));
		expect(fixed.text).not.toContain('data-preview-findings');
	});

	it('shows the citers a change breaks: removing a clause puts the finding on the page that cites it', async () => {
		const source = readFileSync(file('ISMS-M-001/1.0.mdx'), 'utf8');
		writeFileSync(file('ISMS-M-001/1.0.mdx'), source.replace('- 2.2 作廢文件應予鑑別，並防止誤用。\n', ''));
		try {
			const citer = await waitForPage(server, P002, (p) => findings(p.text).length > 0);
			timings.citer = Math.round(citer.ms);
			expect(findings(citer.text)).toEqual([expect.stringMatching(/ISMS-P-002\/1\.0\.mdx:14:\d+ 錯誤 ref\/unknown-clause .*2\.2/)]);
			expect(server.output()).toMatch(/ISMS-P-002\/1\.0\.mdx:14:\d+ {2}error {2}ref\/unknown-clause {2}/);
		} finally {
			writeFileSync(file('ISMS-M-001/1.0.mdx'), source);
		}
		await waitForPage(server, P002, (p) => findings(p.text).length === 0);
		expect(server.output()).toMatch(/已修正：.*ISMS-P-002\/1\.0\.mdx:14:\d+ {2}error {2}ref\/unknown-clause/);
	});

	it('compiles the citing pages again when what they show of a cited document changes (raised above the ceiling: no longer linked)', async () => {
		const source = readFileSync(file('ISMS-M-001/1.0.mdx'), 'utf8');
		writeFileSync(file('ISMS-M-001/1.0.mdx'), source.replace('classification: 公開', 'classification: 限閱'));
		try {
			const citer = await waitForPage(server, P002, (p) => p.status === 200 && !p.text.includes('href="/documents/isms-m-001/'));
			timings.citerRendered = Math.round(citer.ms);
			expect(citer.text).toContain('作廢文件之處理依 ISMS-M-001 第 2.2 節辦理');
			expect((await server.get(M001)).status).toBe(404);
		} finally {
			writeFileSync(file('ISMS-M-001/1.0.mdx'), source);
		}
		await waitForPage(server, P002, (p) => p.text.includes('href="/documents/isms-m-001/#sec-2-2"'));
		expect((await server.get(M001)).status).toBe(200);
	});

	it('does not compile a body that is not valid MDX: the page names the place, escaped, no stack trace; fixing it brings the body back', async () => {
		const source = readFileSync(file('ISMS-P-002/1.0.mdx'), 'utf8');
		writeFileSync(file('ISMS-P-002/1.0.mdx'), source.replace('文件發行依', '文件發行依 <3 天內'));
		try {
			const page = await waitForPage(server, P002, (p) => findings(p.text).some((f) => f.includes('mdx/syntax')));
			expect(page.status).toBe(200);
			expect(findings(page.text)).toEqual([expect.stringMatching(/ISMS-P-002\/1\.0\.mdx:15:\d+ 錯誤 mdx\/syntax MDX 語法錯誤：/)]);
			// The message quotes `<`: written as text, not markup.
			expect(parse(page.text).querySelector('[data-preview-findings]')!.innerHTML).toContain('&lt;');
			expect(page.text).toContain('內文有錯誤，修正前無法顯示內文');
			expect(page.text).not.toContain('作廢文件之處理依');
			expect((await server.get(M001)).status).toBe(200);
		} finally {
			writeFileSync(file('ISMS-P-002/1.0.mdx'), source);
		}
		await waitForPage(server, P002, (p) => findings(p.text).length === 0 && p.text.includes('作廢文件之處理依'));
	});

	it('picks up a new version from npm run new-version: finding first (修訂說明), then the version list, master list, as-of and SoA coverage', async () => {
		const created = spawnSync(process.execPath, [join(ROOT, 'scripts/new-version.ts'), 'ISMS-M-001', '1.1', '--effective', '2025-01-10'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...hostEnv(), ...env },
		});
		expect(created.status, created.stderr).toBe(0);
		// Its 修訂說明 is still empty: a finding on the document's pages, naming the new file.
		const empty = await waitForPage(server, M001, (p) => findings(p.text).some((f) => f.includes('ISMS-M-001/1.1.mdx')));
		expect(findings(empty.text).join('\n')).toContain('changes');

		const draftText = readFileSync(file('ISMS-M-001/1.1.mdx'), 'utf8');
		writeFileSync(
			file('ISMS-M-001/1.1.mdx'),
			draftText.replace(/^changes:.*$/m, 'changes: 新增 2.4 條。').replace('  - A.5.1.1', '  - A.5.1.1\n  - A.9.2.1') +
				'- 2.4 新版次的條文。\n',
		);
		const current = await waitForPage(server, M001, (p) => p.text.includes('新版次的條文'));
		timings.newVersion = Math.round(current.ms);
		expect(findings(current.text)).toEqual([]);
		const picker = parse(current.text)
			.querySelectorAll('.version-picker li')
			.map((li) => li.getAttribute('data-version'));
		expect(picker).toEqual(['1.1', '1.0']);
		expect((await server.get('/documents/isms-m-001/v1.0/')).text).toContain('data-status="已被取代"');
		const list = parse((await server.get('/documents/')).text).querySelector('tr[data-doc-no="ISMS-M-001"]')!;
		expect(list.textContent).toContain('1.1');
		const asOf = JSON.parse(parse((await server.get('/as-of/')).text).querySelector('#as-of-data')!.textContent) as {
			documents: { docNo: string; versions: { version: string }[] }[];
		};
		expect(asOf.documents.find((doc) => doc.docNo === 'ISMS-M-001')!.versions.map((v) => v.version)).toEqual(['1.1', '1.0']);
		const soa = parse((await server.get('/soa/')).text);
		expect(soa.querySelectorAll('tr[data-control="A.9.2.1"] [data-doc]').map((li) => li.getAttribute('data-doc'))).toContain('ISMS-M-001');
	});

	it('picks up a new document folder: while its only version is invalid, the not-found page shows why; then its page and the master list', async () => {
		mkdirSync(file('ISMS-P-004'));
		const valid = readFileSync(file('ISMS-P-002/1.0.mdx'), 'utf8')
			.replaceAll('ISMS-P-002', 'ISMS-P-004')
			.replace('title: 文件管理程序書', 'title: 資產管理程序書');
		writeFileSync(file('ISMS-P-004/1.0.mdx'), valid.replace('tier: 2', 'tier: 7'));
		const missing = await waitForPage(server, '/documents/isms-p-004/', (p) => findings(p.text).length > 0);
		expect(missing.status).toBe(404);
		expect(findings(missing.text)).toEqual([expect.stringMatching(/ISMS-P-004\/1\.0\.mdx:5:7 錯誤 frontmatter\/invalid-value tier/)]);
		writeFileSync(file('ISMS-P-004/1.0.mdx'), valid);
		const page = await waitForPage(server, '/documents/isms-p-004/', (p) => p.status === 200);
		expect(page.text).toContain('資產管理程序書');
		expect(parse((await server.get('/documents/')).text).querySelector('tr[data-doc-no="ISMS-P-004"]')).not.toBeNull();
	});

	it('serves attachments, and a version whose attachment is missing does not take the other attachments down', async () => {
		const p002 = readFileSync(file('ISMS-P-002/1.0.mdx'), 'utf8');
		const m001 = readFileSync(file('ISMS-M-001/1.0.mdx'), 'utf8');
		mkdirSync(file('ISMS-P-002/assets/1.0'), { recursive: true });
		writeFileSync(file('ISMS-P-002/assets/1.0/form.csv'), '欄位,值\n');
		writeFileSync(
			file('ISMS-P-002/1.0.mdx'),
			p002.replace('changes: 初版發行。', 'changes: 初版發行。\nattachments:\n  - ./assets/1.0/form.csv'),
		);
		try {
			await waitForPage(server, '/documents/isms-p-002/v1.0/form.csv', (p) => p.status === 200 && p.text === '欄位,值\n');
			writeFileSync(
				file('ISMS-M-001/1.0.mdx'),
				m001.replace('changes: 初版發行。', 'changes: 初版發行。\nattachments:\n  - ./assets/1.0/missing.pdf'),
			);
			// 1.0 is superseded by now (the new version above): its own page.
			const page = await waitForPage(server, `${M001}v1.0/`, (p) => findings(p.text).some((f) => f.includes('asset/missing')));
			expect(page.text).toContain('內文有錯誤，修正前無法顯示內文');
			expect((await server.get('/documents/isms-p-002/v1.0/form.csv')).text).toBe('欄位,值\n');
			// Astro's own route for it (its addresses end in a slash in dev) still lists the other attachments.
			expect((await server.get('/documents/isms-p-002/v1.0/form.csv/')).status).toBe(200);
			expect((await server.get('/documents/isms-m-001/v1.0/missing.pdf')).status).toBe(404);
		} finally {
			writeFileSync(file('ISMS-M-001/1.0.mdx'), m001);
			writeFileSync(file('ISMS-P-002/1.0.mdx'), p002);
		}
		await waitForPage(server, `${M001}v1.0/`, (p) => findings(p.text).length === 0);
	});

	it('drops a deleted version and a deleted document', async () => {
		rmSync(file('ISMS-P-003/1.1.mdx'));
		await waitForPage(server, '/documents/isms-p-003/v1.1/', (p) => p.status === 404);
		expect((await server.get('/documents/isms-p-003/')).status).toBe(200);
		rmSync(file('ISMS-P-003'), { recursive: true });
		await waitForPage(server, '/documents/isms-p-003/', (p) => p.status === 404);
		expect(parse((await server.get('/documents/')).text).querySelector('tr[data-doc-no="ISMS-P-003"]')).toBeNull();
	});

	it('follows a change of the SoA data (read again, the documents kept)', async () => {
		const soa = readFileSync(join(ROOT, SOA), 'utf8');
		expect(soa).toContain('status: 部分實施');
		writeFileSync(join(ROOT, SOA), soa.replace('status: 部分實施', 'status: 已實施'));
		const page = await waitForPage(
			server,
			'/soa/',
			(p) => parse(p.text).querySelector('tr[data-control="A.9.2.1"]')?.getAttribute('data-status') === 'implemented',
		);
		timings.soa = Math.round(page.ms);
	});

	it('never restarted and printed no stack trace', () => {
		const output = server.output();
		expect(output).not.toMatch(/Restarting|server restarted|Configuration file/);
		expect(crashSigns(output)).toEqual([]);
	});
});
