import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { portal } from '../../astro.config.mjs';
import { analyzeCorpus } from '../../src/node/analyze.ts';
import { portalConfigSchema } from '../../src/schemas/config.ts';
import type { BuildSettings } from '../../src/lib/site/settings.ts';
import type { VersionsFile } from '../../src/lib/diff/diff-data.ts';
import { diffVersions } from '../../src/lib/diff/diff.ts';
import { docSlug } from '../../src/lib/site/urls.ts';
import { buildFixture, ROOT } from './build.ts';

/**
 * `npm run check` and the rendered pages agree on every anchor (issue 14): the ids of every built
 * version page are exactly the outline's anchors of that version (the first of a duplicated number).
 */
function compare(label: string, build: () => ReturnType<typeof buildFixture>, settings: Omit<BuildSettings, 'includeDrafts' | 'ceiling'>) {
	describe(`clause anchors of ${label}: page and outline`, () => {
		const site = build();
		const analysis = analyzeCorpus(ROOT, portalConfigSchema.parse(portal), { includeDrafts: false, ceiling: 'internal', ...settings });

		it('the build succeeds', () => {
			expect(site.status, site.stderr).toBe(0);
		});

		it('every version page has exactly the outline anchors of its version, in order', () => {
			let pages = 0;
			let anchors = 0;
			for (const doc of analysis.documents) {
				for (const version of doc.versions) {
					const path = `documents/${docSlug(doc.docNo)}/v${version.version}/index.html`;
					if (!site.exists(path)) continue;
					pages++;
					const outline = analysis.analyses.get(version.id)!.outline;
					const expected = outline.clauses.filter((c) => !c.duplicate).map((c) => c.anchor);
					const ids = parse(site.read(path))
						.querySelectorAll('.sl-markdown-content [id^="sec-"]')
						.map((element) => element.getAttribute('id'));
					expect(ids, path).toEqual(expected);
					anchors += expected.length;
				}
			}
			expect(pages).toBeGreaterThan(0);
			expect(anchors).toBeGreaterThan(0);
		});

		it('every version page’s on-page outline (本頁內容) points at its clause anchors, in the order of the page', () => {
			let entries = 0;
			for (const doc of analysis.documents) {
				for (const version of doc.versions) {
					const path = `documents/${docSlug(doc.docNo)}/v${version.version}/index.html`;
					if (!site.exists(path)) continue;
					const root = parse(site.read(path));
					const ids = root.querySelectorAll('.sl-markdown-content [id^="sec-"]').map((element) => `#${element.getAttribute('id')}`);
					const links = root
						.querySelectorAll('starlight-toc nav a')
						.map((a) => decodeURIComponent(a.getAttribute('href')!))
						.filter((href) => href.startsWith('#sec-'));
					expect(links, path).toEqual(ids.filter((id) => links.includes(id)));
					expect(links.length, path).toBe(new Set(links).size);
					entries += links.length;
				}
			}
			expect(entries).toBeGreaterThan(0);
		});
	});
}

compare(
	'content/',
	() =>
		buildFixture(
			'content',
			{ PORTAL_DOCUMENTS_DIR: 'content/documents', PORTAL_SOA_DIR: 'content/soa', PORTAL_TODAY: '2026-11-25' },
			'content',
		),
	{
		documentsDir: 'content/documents',
		soaDir: 'content/soa',
		today: '2026-11-25',
	},
);
compare('test/fixtures/outline (花蓮縣 要點)', () => buildFixture('outline'), {
	documentsDir: 'test/fixtures/outline',
	soaFile: 'test/fixtures/soa/basic.yaml',
	today: '2025-01-15',
});

describe('versions.json of the 要點 fixture names the changed clauses', () => {
	const site = buildFixture('outline');

	it('a changed block shows its clause path (1.0 → 1.1 of ISMS-M-901)', () => {
		const file = JSON.parse(site.read('documents/isms-m-901/versions.json')) as VersionsFile;
		const blocks = Object.fromEntries(file.versions.map((v) => [v.version, v.blocks]));
		const diff = diffVersions(blocks['1.0']!, blocks['1.1']!);
		expect(diff.rows.flatMap((row) => (row.kind === 'same' ? [] : [[row.kind, row.clause ?? `（在 ${row.within}）`]]))).toEqual([
			['changed', '（在 貳、）'],
			['changed', '肆、三、'],
			['added', '肆、六、'],
			['changed', '伍、二、（三）'],
		]);
	});
});

describe('on-page outline of a hand-written 要點 numbered in paragraphs (ISMS-M-901)', () => {
	const site = buildFixture('outline');

	it('lists its 壹、 to 伍、 under the part heading they follow, not only its two headings', () => {
		const root = parse(site.read('documents/isms-m-901/index.html'));
		const links = root.querySelectorAll('starlight-toc nav a').map((a) => [decodeURIComponent(a.getAttribute('href')!), a.text.trim()]);
		expect(links).toEqual([
			['#_top', '概述'],
			['#資訊安全政策', '資訊安全政策'],
			['#sec-壹', '壹、總體目標'],
			['#sec-貳', '貳、範圍'],
			['#sec-參', '參、目的'],
			['#sec-肆', '肆、依據'],
			['#sec-伍', '伍、組織及權責'],
			['#資訊安全管理', '資訊安全管理'],
			['#sec-第2部分-壹', '壹、人員安全管理'],
			['#cited-by', '被引用於'],
			['#revision-history', '修訂紀錄'],
		]);
		// 壹、 goes one level below the part heading (h2) it follows.
		const part = root
			.querySelectorAll('starlight-toc nav li')
			.find((li) => li.querySelector('a')?.getAttribute('href') === '#資訊安全政策')!;
		expect(part.querySelectorAll('ul a').map((a) => a.getAttribute('href'))).toEqual([
			'#sec-壹',
			'#sec-貳',
			'#sec-參',
			'#sec-肆',
			'#sec-伍',
		]);
	});
});
