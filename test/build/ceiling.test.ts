import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, ROOT, type BuildResult } from './build.ts';
import { builtTexts } from './scan.ts';

/**
 * The publication ceiling (AUTHORING.md): test/fixtures/corpus-ceiling has public documents citing a
 * restricted (ISMS-S-004, ISMS-R-002) and a confidential (ISMS-S-009) document, and a document
 * (ISMS-Q-002) whose upcoming version 1.1 is restricted, each carrying canary strings.
 * ISMS-P-008 1.1 cites them in every form (「」, Latin letters and spaces, bold, a heading, a table, a
 * component's text and attribute, its 修訂說明), and has two versions, so it has a versions.json.
 */
// The titles end in 甲乙丙 / 丁戊己 / 庚辛壬 / 癸子丑 so that a title cut short still shows up.
// ISMS-S-004 has two versions, so a cleared build serves it to the diff page (versions.json).
const RESTRICTED = [
	'機房管制作業說明甲乙丙',
	'甲乙丙',
	'CANARY-R-BODY-7f3a',
	'CANARY-R-CHANGES-4c1d',
	'CANARY-R-CHANGES-11e5',
	'CANARY-R-V11-2b8e',
];
const RESTRICTED_LATIN = ['VPN ZQ7X 存取規範庚辛壬', 'VPN ZQ7X', 'ZQ7X', '庚辛壬', 'CANARY-R2-BODY-8d21', 'CANARY-R2-CHANGES-5e0a'];
const CONFIDENTIAL = ['金鑰保管作業說明丁戊己', '丁戊己', 'CANARY-C-BODY-91b2'];
const HIDDEN_VERSION = [
	'品質紀錄限閱新版癸子丑',
	'癸子丑',
	'CANARY-Q-CHANGES-77c3',
	'CANARY-Q-V11-BODY-a9f4',
	'/documents/isms-q-002/v1.1/',
	'isms-q-002/v1.1',
];
const HIDDEN_PATHS = ['/documents/isms-s-004/', '/documents/isms-r-002/', '/documents/isms-s-009/'];
const ALL = [...RESTRICTED, ...RESTRICTED_LATIN, ...CONFIDENTIAL, ...HIDDEN_VERSION, ...HIDDEN_PATHS];

const ENV = { PORTAL_SOA_FILE: 'test/fixtures/soa/ceiling.yaml', PORTAL_SITE_URL: 'https://isms.example.tw' };
let allStaff: BuildResult;
let cleared: BuildResult;
beforeAll(() => {
	allStaff = buildFixture('corpus-ceiling', ENV);
	cleared = buildFixture('corpus-ceiling', { ...ENV, PORTAL_MAX_CLASSIFICATION: 'confidential' }, 'corpus-ceiling-confidential');
	for (const build of [allStaff, cleared]) if (build.status !== 0) throw new Error(build.stderr);
});

/** Every canary found in any output file, as `file: canary`. */
const leaks = async (site: BuildResult, canaries: readonly string[]) =>
	(await builtTexts(site)).flatMap((t) => canaries.filter((canary) => t.text.includes(canary)).map((canary) => `${t.file}: ${canary}`));

describe('the all-staff build (ceiling internal)', () => {
	it('leaves no trace of documents and versions above the ceiling in any file: HTML, search index, sitemap, CSV, XLSX, JSON', async () => {
		const texts = await builtTexts(allStaff);
		for (const kind of [
			'pagefind/fragment/',
			'pagefind/index/',
			'soa.xlsx!/',
			'soa.csv',
			'sitemap-0.xml',
			'documents/isms-p-008/versions.json',
			'documents/isms-q-002/index.html',
		]) {
			expect(
				texts.some((t) => t.file.startsWith(kind)),
				kind,
			).toBe(true);
		}
		expect(await leaks(allStaff, ALL)).toEqual([]);
		for (const hidden of ['isms-s-004', 'isms-s-009', 'isms-r-002']) expect(allStaff.exists(`documents/${hidden}/index.html`)).toBe(false);
		expect(allStaff.exists('documents/isms-q-002/v1.1/index.html')).toBe(false);
	});

	it('renders references to them as bare numbers, unlinked', () => {
		const clause = parse(allStaff.read('documents/isms-m-001/index.html')).querySelector('#sec-1-1')!;
		expect(clause.text).toContain('機房管理依「ISMS-S-004」辦理，加密金鑰依 ISMS-S-009 第 1.1 節 及 ISMS-S-009 辦理');
		expect(clause.querySelectorAll('a')).toHaveLength(0);
	});

	// Defect: versions.json (and so /diff/) was made from the raw text, with every cited title.
	it('writes versions.json from the published text: the same bare numbers as the page', () => {
		const file = JSON.parse(allStaff.read('documents/isms-p-008/versions.json')) as {
			versions: { version: string; changes?: string; blocks: { text: string }[] }[];
		};
		const v11 = file.versions.find((v) => v.version === '1.1')!;
		expect(v11.blocks.map((b) => b.text)).toEqual([
			'1. 目的',
			'1.1 規劃本局資通安全教育訓練，機房授權人員之訓練依「ISMS-S-004」辦理。',
			'1.2 遠端人員之訓練依 ISMS-S-004及 ISMS-R-002 辦理。',
			'1.3 金鑰保管人員依 ISMS-S-009 及 ISMS-S-004辦理。',
			'2. ISMS-R-002',
			'對象 | 依據',
			'機房人員 | ISMS-S-004',
			'遠端人員 | 「ISMS-R-002」',
			'類別 | 依據',
			'機房 | ISMS-S-004',
			'機房 | ISMS-S-009',
			'2.1 ISMS-R-002 所定人員每年受訓。',
			'2.2 品質紀錄依 ISMS-Q-002 辦理。',
		]);
		// The cells and column headings the diff shows a table row with are the same published text
		// (a Markdown table and an HTML one with a merged cell).
		const rows = (v11.blocks as unknown as { kind: string; cells?: { text: string }[]; columns?: { text: string }[] }[]).filter(
			(b) => b.kind === 'row',
		);
		expect(rows.map((row) => row.cells!.map((cell) => cell.text))).toEqual([
			['對象', '依據'],
			['機房人員', 'ISMS-S-004'],
			['遠端人員', '「ISMS-R-002」'],
			['類別', '依據'],
			['機房', 'ISMS-S-004'],
			['機房', 'ISMS-S-009'],
		]);
		expect(rows.at(-1)!.columns!.map((cell) => cell.text)).toEqual(['類別', '依據']);
		expect(JSON.stringify(file)).not.toMatch(/機房管制作業說明|金鑰保管作業說明|存取規範庚辛壬/);
		const page = parse(allStaff.read('documents/isms-p-008/index.html'));
		expect(page.querySelector('#sec-1-2')!.text.replace(/\s+/g, ' ')).toBe('1.2 遠端人員之訓練依 ISMS-S-004及 ISMS-R-002 辦理。');
	});

	// Defect: 修訂說明 was never reference-processed (revision history, versions.json, /diff/).
	it('publishes 修訂說明 with bare numbers, in the revision history and versions.json', () => {
		const expected = '配合「ISMS-S-004」及 ISMS-R-002修訂。';
		const file = JSON.parse(allStaff.read('documents/isms-p-008/versions.json')) as { versions: { version: string; changes?: string }[] };
		expect(file.versions.find((v) => v.version === '1.1')!.changes).toBe(expected);
		for (const path of ['documents/isms-p-008/index.html', 'documents/isms-p-008/v1.0/index.html']) {
			const row = parse(allStaff.read(path)).querySelector('.revision-history tr[data-version="1.1"]')!;
			expect(row.querySelectorAll('td')[2]!.text).toBe(expected);
		}
	});

	// Defect: titles with Latin letters, digits or spaces, in headings (the page outline), tables, bold and components.
	it('takes cited titles out of headings and the page outline, tables, bold text and components', () => {
		const page = parse(allStaff.read('documents/isms-p-008/index.html'));
		expect(page.querySelector('.doc-body h2#sec-2')?.text.trim()).toBe('2. ISMS-R-002');
		const outline = page.querySelectorAll('starlight-toc a').map((a) => a.text.trim());
		expect(outline).toContain('2. ISMS-R-002');
		expect(page.querySelectorAll('.doc-body td').map((td) => td.text.trim())).toEqual([
			'機房人員',
			'ISMS-S-004',
			'遠端人員',
			'「ISMS-R-002」',
			'機房',
			'ISMS-S-004',
			'ISMS-S-009',
		]);
		const span = page.querySelector('#sec-2-1 span[title]')!;
		expect([span.getAttribute('title'), span.text]).toEqual(['ISMS-R-002', 'ISMS-R-002']);
		expect(page.querySelector('#sec-1-3')!.text.replace(/\s+/g, ' ')).toBe('1.3 金鑰保管人員依 ISMS-S-009 及 ISMS-S-004辦理。');
	});

	it('publishes the SoA data with bare numbers too', () => {
		expect(allStaff.read('soa.csv')).toContain('機房進出紀錄（依「ISMS-S-004」）；遠端連線紀錄（依 ISMS-R-002）');
	});

	it('keeps the published versions of a document with a version above the ceiling', () => {
		const picker = parse(allStaff.read('documents/isms-q-002/index.html')).querySelectorAll('.revision-history tr[data-version]');
		expect(picker.map((row) => row.getAttribute('data-version'))).toEqual(['1.0']);
	});
});

describe('a build for a cleared audience (PORTAL_MAX_CLASSIFICATION=confidential)', () => {
	it('includes them, their pages and their references', async () => {
		const texts = await builtTexts(cleared);
		for (const canary of [...RESTRICTED, ...RESTRICTED_LATIN, ...CONFIDENTIAL, ...HIDDEN_VERSION]) {
			expect(
				texts.some((t) => t.text.includes(canary)),
				canary,
			).toBe(true);
		}
		expect(cleared.exists('documents/isms-s-004/index.html')).toBe(true);
		expect(cleared.exists('documents/isms-s-004/versions.json')).toBe(true);
		expect(cleared.read('diff/index.html')).toContain('ISMS-S-004 機房管制作業說明甲乙丙');
		const clause = parse(cleared.read('documents/isms-m-001/index.html')).querySelector('#sec-1-1')!;
		expect(clause.querySelector('a[href="/documents/isms-s-004/"]')?.text).toBe('ISMS-S-004 機房管制作業說明甲乙丙');
		expect(parse(cleared.read('documents/isms-p-008/index.html')).querySelector('.doc-body h2#sec-2')?.text.trim()).toBe(
			'2. ISMS-R-002 VPN ZQ7X 存取規範庚辛壬',
		);
	});
});

// Defect: a Markdown link to a hidden document or to a hidden version of a published one passed the
// checker and was published as written (naming the hidden version, a dead link).
describe('a link to a page above the ceiling', () => {
	let refused: BuildResult;
	beforeAll(() => {
		const dir = join(ROOT, 'test/.tmp/corpus-ceiling-links-src');
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		cpSync(join(ROOT, 'test/fixtures/corpus-ceiling'), dir, { recursive: true });
		writeFileSync(
			join(dir, 'ISMS-P-008/1.1.mdx'),
			'---\ndocNo: ISMS-P-008\ntitle: 教育訓練管理程序書\nversion: "1.1"\ntier: 2\nclassification: 公開\neffective: 2022-01-15\n---\n\n' +
				'- 1.1 依 [新版](/documents/isms-q-002/v1.1/) 及 [機房](/documents/isms-s-004/#sec-1-1) 辦理，不得寫出機房管制作業說明甲乙丙。\n',
		);
		refused = buildFixture(
			'corpus-ceiling',
			{ ...ENV, PORTAL_DOCUMENTS_DIR: 'test/.tmp/corpus-ceiling-links-src' },
			'corpus-ceiling-links',
		);
	});

	it('is refused by the checker: one line per link, naming the file and what to write instead; nothing built', () => {
		expect(refused.status).toBe(1);
		const lines = refused.stderr.split('\n').filter((line) => /\s{2}error\s{2}/.test(line));
		const file = 'test/.tmp/corpus-ceiling-links-src/ISMS-P-008/1.1.mdx';
		expect(lines).toEqual([
			`${file}:10:9  error  ref/hidden-link  連結「/documents/isms-q-002/v1.1/」指向 ISMS-Q-002 第 1.1 版，該版次高於本次建置的發布上限（內部使用），不會發布；請改連結已發布的版次（如 /documents/isms-q-002/），或只寫文件編號 ISMS-Q-002`,
			`${file}:10:45  error  ref/hidden-link  連結「/documents/isms-s-004/#sec-1-1」指向高於本次建置的發布上限（內部使用）的文件 ISMS-S-004，該頁不會發布；請刪除連結，只寫文件編號 ISMS-S-004`,
			`${file}:10:89  error  ref/hidden-title  「機房管制作業說明甲乙丙」是高於本次建置的發布上限（內部使用）的文件 ISMS-S-004 的名稱，不得寫在發布的文字中；請改為只寫文件編號（例如「依 ISMS-S-004 辦理」），建置會以編號呈現`,
		]);
		expect(refused.files().filter((file) => file.endsWith('.html') || file.endsWith('.json'))).toEqual([]);
	});
});
