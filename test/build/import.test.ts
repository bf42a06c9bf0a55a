import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, ROOT, textOf, type BuildResult } from './build.ts';

/**
 * The imported fixtures build into pages: the three real documents, Keelung and Hualien from
 * .docx and the freeway policy from .odt, imported with `npm run import` into one documents folder.
 */
const DOCS = 'test/.tmp/import-build/documents';
let site: BuildResult;
const page = (path: string): HTMLElement => parse(site.read(path));

beforeAll(() => {
	rmSync(join(ROOT, DOCS), { recursive: true, force: true });
	for (const file of ['keelung-cbps-maintenance-plan.docx', 'freeway-security-policy.odt', 'hualien-security-directions.docx']) {
		const run = spawnSync(process.execPath, ['scripts/import.ts', `test/fixtures/import/${file}`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PORTAL_DOCUMENTS_DIR: DOCS } });
		if (run.status !== 0) throw new Error(`import of ${file} failed:\n${run.stderr}`);
	}
	site = buildFixture('import', { PORTAL_DOCUMENTS_DIR: DOCS }, 'import-build-site');
	if (site.status !== 0) throw new Error(`build failed:\n${site.stderr}`);
});

describe('imported documents, built', () => {
	it('show the cover fields in the document header, 審核 beside 核准 and the date in the ROC calendar', () => {
		const header = page('documents/isms-m-201/index.html').querySelector('.doc-header')!;
		expect(header.querySelector('[data-field="approvedBy"]')?.text).toBe('校長');
		expect(header.querySelector('[data-field="reviewedBy"]')?.text).toBe('資通安全長');
		expect(textOf(header.querySelector('[data-field="effective"]')!.innerHTML)).toBe('民國113年10月18日');
	});

	it('show the numbered clauses as written in the original', () => {
		const body = page('documents/isms-m-201/index.html');
		expect(body.querySelectorAll('h2').map((h) => h.text.trim())).toEqual(expect.arrayContaining(['壹、依據及目的', '貳、適用範圍', '參、核心業務及重要性']));
		// The clause number sits in its own element (span.clause-no): compared without the spaces between elements.
		const items = page('documents/isms-m-202/index.html').querySelectorAll('li').map((li) => textOf(li.innerHTML).replace(/\s+/g, ''));
		expect(items.some((text) => text.startsWith('（二）作業層級政策'))).toBe(true);
		expect(items.some((text) => text.startsWith('1.移動裝置管理政策'))).toBe(true);
	});

	it('show the table with its merged cells and header cells', () => {
		for (const [docNo, span] of [['isms-m-201', 'rowspan="4"'], ['isms-m-202', 'colspan="2"'], ['isms-s-203', 'rowspan="4"']] as const) {
			const tables = page(`documents/${docNo}/index.html`).querySelectorAll('table');
			const merged = tables.find((t) => t.outerHTML.includes(span));
			expect(merged, docNo).toBeDefined();
			expect(merged!.querySelectorAll('th[scope]').length).toBeGreaterThan(0);
		}
	});

	it('show the image, served from the site itself', () => {
		for (const [docNo, alt] of [['isms-m-201', '核心業務與資通系統關係圖'], ['isms-m-202', '資訊安全組織架構圖'], ['isms-s-203', '資訊安全推行小組組織圖']] as const) {
			const img = page(`documents/${docNo}/index.html`).querySelector(`img[alt="${alt}"]`);
			expect(img, docNo).not.toBeNull();
			const src = img!.getAttribute('src')!;
			expect(src).toMatch(/^\/_astro\/figure-1\.[\w-]+\.(png|webp)$/);
			expect(site.exists(src.slice(1))).toBe(true);
		}
	});
});
