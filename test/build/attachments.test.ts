import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, ROOT, type BuildResult } from './build.ts';

/**
 * test/fixtures/corpus-attachments: ISMS-F-101 (一般 = internal) offers a form and its PDF for
 * download and shows an image from its assets folder; ISMS-F-102 (限閱) has a form too, above the
 * all-staff ceiling.
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

	it('never reach the site above the publication ceiling', () => {
		expect(site.files().filter((file) => /isms-f-102|機敏系統清冊/i.test(decodeURIComponent(file)))).toEqual([]);
		const marker = Buffer.from('SECRET-MARKER-F102');
		expect(site.files().filter((file) => readFileSync(join(site.outDir, file)).includes(marker))).toEqual([]);
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
