import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/lib/import/pandoc-ast.ts';
import { dropTableOfContents, planImport, type ConvertedSource } from '../../../src/lib/import/plan.ts';
import { A, cell, header, image, para, row, table, text } from './_ast.ts';

const cover = table([
	row(cell('文件編號'), cell('ISMS-P-101'), cell('文件名稱'), cell('資通安全維護計畫')),
	row(cell('版次'), cell('1.0'), cell('機密等級'), cell('一般')),
]);
const source = (blocks: Block[], extra: Partial<ConvertedSource> = {}): ConvertedSource => ({
	fileName: '計畫.docx',
	kind: 'docx',
	ast: { 'pandoc-api-version': [1, 22], meta: {}, blocks },
	numbered: [],
	header: [],
	properties: {},
	...extra,
});
const OPTIONS = {
	flags: {},
	docNoPattern: '^ISMS-[A-Z]-\\d{3}$',
	docNoDescription: 'ISMS-<大寫英文字母>-<3 位數字>',
	documentsDir: 'content/documents',
};

describe('planImport', () => {
	it('plans content/documents/<DOCNO>/<VERSION>.mdx with the cover as frontmatter and literal clause numbers', () => {
		const h = header(1, '依據及目的');
		const plan = planImport(source([cover, h, para('本文。')], { numbered: [{ label: '壹、', text: '依據及目的' }] }), {
			...OPTIONS,
			flags: { effective: '113-10-18' },
		});
		expect(plan.ok).toBe(true);
		if (!plan.ok) return;
		expect(plan.file).toBe('content/documents/ISMS-P-101/1.0.mdx');
		expect(plan.assetDir).toBe('content/documents/ISMS-P-101/assets/1.0');
		expect(plan.content).toBe(
			'---\ndocNo: ISMS-P-101\ntitle: 資通安全維護計畫\nversion: "1.0"\ntier: 1\nclassification: 一般\neffective: 2024-10-18\n---\n\n## 壹、依據及目的\n\n本文。\n',
		);
	});

	it('renames web images into the asset folder and leaves a marker and a note for the others', () => {
		const plan = planImport(
			source([
				cover,
				para([image('/tmp/m/media/image1.PNG', '流程圖'), image('/tmp/m/media/image2.emf'), image('/tmp/m/media/image1.PNG', '流程圖')]),
			]),
			OPTIONS,
		);
		if (!plan.ok) throw new Error(plan.message);
		expect(plan.images).toEqual([{ url: '/tmp/m/media/image1.PNG', name: 'figure-1.png' }]);
		expect(plan.content).toContain('![流程圖](./assets/1.0/figure-1.png)〔圖片〕![流程圖](./assets/1.0/figure-1.png)');
		expect(plan.notes).toContainEqual(
			expect.stringContaining(
				'圖片 image2.emf（EMF）無法在網頁顯示，未匯入：請由原檔另存為 PNG，放到 content/documents/ISMS-P-101/assets/1.0/',
			),
		);
	});

	it('takes ODT image titles as alternative text and restores ODT merged cells', () => {
		const flat = table([row(cell('業務'), cell('系統')), row(cell('a'), cell('b')), row(cell('c'), cell(''))]);
		const one = { covered: false, colspan: 1, rowspan: 1 };
		const layout = [
			[one, one],
			[one, { covered: false, colspan: 1, rowspan: 2 }],
			[one, { covered: true, colspan: 1, rowspan: 1 }],
		];
		const plan = planImport(
			source([cover, flat, para([image('Pictures/x.png')])], { kind: 'odt', tableLayouts: [[[]], layout], imageTexts: ['組織圖'] }),
			OPTIONS,
		);
		if (!plan.ok) throw new Error(plan.message);
		expect(plan.content).toContain('<td rowspan="2">b</td>');
		expect(plan.content).toContain('![組織圖](./assets/1.0/figure-1.png)');
	});

	it.each([
		['import/no-title', [table([row(cell('文件編號'), cell('ISMS-P-101'), cell('版次'), cell('1.0'))])], '找不到文件名稱'],
		['import/no-docno', [table([row(cell('文件名稱'), cell('計畫'), cell('版次'), cell('1.0'))])], '找不到文件編號'],
		[
			'import/invalid-docno',
			[table([row(cell('文件編號'), cell('P-7'), cell('文件名稱'), cell('計畫'))])],
			'文件編號「P-7」不符合入口網的格式（ISMS-<大寫英文字母>-<3 位數字>）',
		],
		['import/no-version', [table([row(cell('文件編號'), cell('ISMS-P-101'), cell('文件名稱'), cell('計畫'))])], '找不到可用的版次'],
	])('refuses with %s', (rule, blocks, message) => {
		const plan = planImport(source(blocks as Block[]), OPTIONS);
		expect(plan.ok).toBe(false);
		if (plan.ok) return;
		expect(plan.rule).toBe(rule);
		expect(plan.message).toContain(message);
	});

	it('takes the title from the document properties or the Title paragraph when the cover has none', () => {
		const bare = table([row(cell('文件編號'), cell('ISMS-P-101'), cell('版次'), cell('1.0'))]);
		const fromMeta = planImport(
			{
				...source([bare]),
				ast: { 'pandoc-api-version': [1, 22], meta: { title: { t: 'MetaInlines', c: text('標題段落') } }, blocks: [bare] },
			},
			OPTIONS,
		);
		expect(fromMeta.ok && fromMeta.content).toContain('title: 標題段落');
	});
});

describe('dropTableOfContents', () => {
	it('drops 目錄 and its entries, and Word TOC entries linking to _Toc bookmarks', () => {
		const link = (label: string): Block => ({
			t: 'Para',
			c: [{ t: 'Link', c: [A, text(label), ['#_Toc1', '']] }, { t: 'Space' }, { t: 'Str', c: '3' }],
		});
		const keep = para('壹、依據及目的');
		const scope = header(1, '適用範圍');
		expect(dropTableOfContents([para('目　錄'), para('壹、依據及目的 .......... 1'), para('貳、適用範圍 2'), keep, scope])).toEqual([
			keep,
			scope,
		]);
		expect(dropTableOfContents([link('壹、依據'), keep])).toEqual([keep]);
		expect(dropTableOfContents([{ t: 'Div', c: [['', ['TOC'], []], [keep]] }])).toEqual([]);
	});

	it('keeps a paragraph that merely ends with a number', () => {
		const blocks = [para('目錄'), para('本規範自民國113年起施行，共 3')];
		expect(dropTableOfContents(blocks)).toEqual(blocks);
	});
});
