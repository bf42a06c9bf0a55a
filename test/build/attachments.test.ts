import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VersionsFile } from '../../src/lib/diff/diff-data.ts';
import { buildFixture, ROOT, type BuildResult } from './build.ts';

/**
 * test/fixtures/corpus-attachments: ISMS-F-101 (一般 = internal) offers a form and its PDF for
 * download and shows an image from its assets folder; ISMS-F-102 (限閱) has a form too, above the
 * all-staff ceiling. ISMS-F-103 changes its attachments from 1.0 to 1.1 (one replaced: same name,
 * other content; one added; one removed; one kept from 1.0's folder), and its upcoming 1.2 is 限閱,
 * above the ceiling, with a form of its own and another version of the replaced one.
 */
let site: BuildResult;
const FIXTURE = join(ROOT, 'test/fixtures/corpus-attachments');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(() => {
	site = buildFixture('corpus-attachments');
	if (site.status !== 0) throw new Error(`build failed:\n${site.stderr}`);
});

describe('attachments of a version', () => {
	it('are listed on the version page with size and SHA-256, and served byte for byte beside it', () => {
		const rows = parse(site.read('documents/isms-f-101/index.html')).querySelectorAll('.doc-attachments tbody tr');
		expect(rows.map((row) => row.getAttribute('data-attachment'))).toEqual(['資訊資產清冊.odt', '清冊填寫說明.pdf']);
		for (const row of rows) {
			const name = row.getAttribute('data-attachment')!;
			const source = join(FIXTURE, 'ISMS-F-101/assets/1.0', name);
			const link = row.querySelector('a')!;
			expect(link.getAttribute('href')).toBe(`/documents/isms-f-101/v1.0/${encodeURIComponent(name)}`);
			expect(row.querySelector('code')!.text).toBe(sha256(source));
			expect(row.querySelectorAll('td')[1]!.text).toBe(`${readFileSync(source).length} 位元組`);
			expect(readFileSync(join(site.outDir, 'documents/isms-f-101/v1.0', name))).toEqual(readFileSync(source));
		}
	});

	it('never reach the site above the publication ceiling: not a hidden document’s, not a hidden version’s', () => {
		expect(
			site.files().filter((file) => /isms-f-102|機敏系統清冊|isms-f-103\/v1\.2|機敏主機帳號表/i.test(decodeURIComponent(file))),
		).toEqual([]);
		for (const marker of [
			'SECRET-MARKER-F102',
			'SECRET-MARKER-F103',
			'機敏主機帳號表',
			sha256(join(FIXTURE, 'ISMS-F-103/assets/1.2/帳號申請表.odt')),
		]) {
			const bytes = Buffer.from(marker);
			expect(
				site.files().filter((file) => readFileSync(join(site.outDir, file)).includes(bytes)),
				marker,
			).toEqual([]);
		}
	});

	it('show the document header with 審核 and a ROC date written 113-10-18', () => {
		const header = parse(site.read('documents/isms-f-101/index.html')).querySelector('.doc-header')!;
		expect(header.querySelector('[data-field="reviewedBy"]')?.text).toBe('資訊室主任');
		expect(header.querySelector('[data-field="effective"] time')?.getAttribute('datetime')).toBe('2024-10-18');
	});

	it('show the images of the assets folder optimised and served by the site, an <img> tag included', () => {
		const body = parse(site.read('documents/isms-f-101/index.html')).querySelector('.doc-body')!;
		const images = body.querySelectorAll('img');
		expect(images.map((img) => img.getAttribute('alt'))).toEqual(['填寫流程', '填寫流程（小圖）']);
		for (const img of images) {
			const src = img.getAttribute('src')!;
			expect(src).toMatch(/^\/_astro\/flow\.[\w-]+\.webp$/);
			expect(site.exists(src.slice(1))).toBe(true);
		}
		expect(images[1]!.getAttribute('width')).toBe('2');
	});

	it('put an HTML table of the body in the same scroll box as a Markdown table', () => {
		const box = parse(site.read('documents/isms-f-101/index.html')).querySelector('.doc-body .table-scroll')!;
		expect(box.getAttribute('aria-label')).toBe('表格：清冊欄位');
		expect(box.querySelector('table caption')?.text).toBe('清冊欄位');
	});
});

describe('attachments that change between versions', () => {
	const file = (path: string, version: string) => {
		const source = join(FIXTURE, 'ISMS-F-103', path);
		const name = path.split('/').at(-1)!;
		return {
			name,
			href: `/documents/isms-f-103/v${version}/${encodeURIComponent(name)}`,
			size: readFileSync(source).length,
			sha256: sha256(source),
		};
	};

	it('are carried into versions.json for each published version, with address, size and SHA-256; the hidden 1.2 is not there', () => {
		const data = JSON.parse(site.read('documents/isms-f-103/versions.json')) as VersionsFile;
		expect(data.versions.map((v) => [v.version, v.attachments])).toEqual([
			[
				'1.1',
				[file('assets/1.1/帳號申請表.odt', '1.1'), file('assets/1.0/系統清單.ods', '1.1'), file('assets/1.1/權限異動表.docx', '1.1')],
			],
			[
				'1.0',
				[file('assets/1.0/帳號申請表.odt', '1.0'), file('assets/1.0/舊版填寫說明.pdf', '1.0'), file('assets/1.0/系統清單.ods', '1.0')],
			],
		]);
		// A file kept from an older version's folder is served beside the version that lists it.
		expect(readFileSync(join(site.outDir, 'documents/isms-f-103/v1.1/系統清單.ods'))).toEqual(
			readFileSync(join(FIXTURE, 'ISMS-F-103/assets/1.0/系統清單.ods')),
		);
	});

	it('show in the revision history (附件異動): replaced, added and removed against the version before, a first version’s files as added', () => {
		const rows = parse(site.read('documents/isms-f-103/index.html')).querySelectorAll('.revision-history tbody tr');
		expect(rows.map((row) => row.getAttribute('data-version'))).toEqual(['1.1', '1.0']);
		const cell = (version: string) =>
			rows.find((row) => row.getAttribute('data-version') === version)!.querySelector('td[data-label="附件異動"]')!;
		expect(
			cell('1.1')
				.querySelectorAll('li')
				.map((li) => [li.getAttribute('data-change'), li.text.trim()]),
		).toEqual([
			['replaced', '更新 帳號申請表.odt'],
			['added', '新增 權限異動表.docx'],
			['removed', '刪除 舊版填寫說明.pdf'],
		]);
		expect(
			cell('1.1')
				.querySelectorAll('a')
				.map((a) => a.getAttribute('href')),
		).toEqual([file('assets/1.1/帳號申請表.odt', '1.1').href, file('assets/1.1/權限異動表.docx', '1.1').href]);
		expect(
			cell('1.0')
				.querySelectorAll('li')
				.map((li) => li.text.trim()),
		).toEqual(['新增 帳號申請表.odt', '新增 舊版填寫說明.pdf', '新增 系統清單.ods']);
		// The column is there for documents with attachments; its heading names it.
		expect(
			parse(site.read('documents/isms-f-103/index.html'))
				.querySelectorAll('.revision-history th')
				.map((th) => th.text),
		).toContain('附件異動');
	});
});
