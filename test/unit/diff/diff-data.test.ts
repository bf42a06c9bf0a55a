import { describe, expect, it } from 'vitest';
import { choosePair, diffableDocuments, versionsFile } from '../../../src/lib/diff/diff-data.ts';
import { Window } from 'happy-dom';
import { diffVersions } from '../../../src/lib/diff/diff.ts';
import { renderDiff } from '../../../src/client/diff-view.ts';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { buildOutline, type OutlineBlock } from '../../../src/lib/outline/outline.ts';
import { pd, pv } from '../_helpers.ts';

const P005 = pd('ISMS-P-005', [
	pv('ISMS-P-005', '1.10', 'current', { title: '資訊安全目標管理程序書', effective: '2023-03-01', changes: '目標改由委員會核定。' }),
	pv('ISMS-P-005', '1.9', 'superseded', { title: '資訊安全目標程序書', effective: '2022-06-01' }),
]);
const BLOCKS: Record<string, Omit<OutlineBlock, 'column'>[]> = {
	'ISMS-P-005/1.10': [
		{ kind: 'heading', clause: '1', text: '1. 目的', depth: 2, line: 12 },
		{ kind: 'item', clause: '1.1', text: '1.1 年度目標由委員會核定。', depth: 1, line: 14 },
	],
	'ISMS-P-005/1.9': [
		{ kind: 'heading', clause: '1', text: '1. 目的', depth: 2, line: 10 },
		{ kind: 'item', clause: '1.1', text: '1.1 年度目標由資訊室彙整。', depth: 1, line: 12 },
		{ kind: 'paragraph', text: '附註：無。', depth: 0, line: 14 },
	],
};

describe('versionsFile', () => {
	it('carries every published version newest first, with what the diff page shows and reads', () => {
		const file = versionsFile(P005, BLOCKS);
		expect(file).toEqual({
			docNo: 'ISMS-P-005',
			title: '資訊安全目標管理程序書',
			versions: [
				{
					version: '1.10',
					title: '資訊安全目標管理程序書',
					effective: '2023-03-01',
					state: 'current',
					changes: '目標改由委員會核定。',
					url: '/documents/isms-p-005/v1.10/',
					blocks: [
						{ kind: 'heading', clause: '1', text: '1. 目的' },
						{ kind: 'item', clause: '1.1', text: '1.1 年度目標由委員會核定。' },
					],
				},
				{
					version: '1.9',
					title: '資訊安全目標程序書',
					effective: '2022-06-01',
					state: 'superseded',
					url: '/documents/isms-p-005/v1.9/',
					blocks: [
						{ kind: 'heading', clause: '1', text: '1. 目的' },
						{ kind: 'item', clause: '1.1', text: '1.1 年度目標由資訊室彙整。' },
						{ kind: 'paragraph', text: '附註：無。' },
					],
				},
			],
		});
	});

	it('gives the diff the same result as the build blocks it was cut from', () => {
		const [newer, older] = versionsFile(P005, BLOCKS).versions;
		const outline = (diff: ReturnType<typeof diffVersions>) =>
			diff.rows.map((row) => [row.kind, row.clause, row.kind === 'changed' ? row.parts : row.block.text]);
		const fromFile = diffVersions(older!.blocks, newer!.blocks);
		expect(outline(fromFile)).toEqual(outline(diffVersions(BLOCKS['ISMS-P-005/1.9']!, BLOCKS['ISMS-P-005/1.10']!)));
		expect(fromFile.counts).toEqual({ changed: 1, added: 0, removed: 1, same: 1 });
	});

	it('carries each version’s attachments when the build gives them: name, address, size and SHA-256 only', () => {
		const read = (v: { version: string }) =>
			v.version === '1.10'
				? [{ name: '表.odt', href: '/documents/isms-p-005/v1.10/%E8%A1%A8.odt', size: 3, sha256: 'ab', bytes: Buffer.from('abc') }]
				: [];
		const [newer, older] = versionsFile(P005, BLOCKS, read).versions;
		expect(newer!.attachments).toEqual([{ name: '表.odt', href: '/documents/isms-p-005/v1.10/%E8%A1%A8.odt', size: 3, sha256: 'ab' }]);
		expect(older).not.toHaveProperty('attachments');
	});

	it('is built only for documents with two published versions or more', () => {
		const single = pd('ISMS-M-001', [pv('ISMS-M-001', '1.0', 'current')]);
		expect(diffableDocuments([P005, single]).map((d) => d.docNo)).toEqual(['ISMS-P-005']);
	});
});

describe('choosePair', () => {
	const versions = ['2.0', '1.10', '1.9', '1.0'];

	it('compares the newest version with the one before it when the query names none', () => {
		expect(choosePair(versions, null, null)).toEqual({ ok: true, from: '1.10', to: '2.0' });
		expect(choosePair(versions, '', '')).toEqual({ ok: true, from: '1.10', to: '2.0' });
	});

	it('fills in a missing side: from → against the newest, to → against the one before it (after it, for the oldest)', () => {
		expect(choosePair(versions, '1.0', null)).toEqual({ ok: true, from: '1.0', to: '2.0' });
		expect(choosePair(versions, null, '1.10')).toEqual({ ok: true, from: '1.9', to: '1.10' });
		expect(choosePair(versions, null, '1.0')).toEqual({ ok: true, from: '1.0', to: '1.9' });
	});

	it('puts the older version first whichever way round it was asked (numeric order: 1.9 < 1.10)', () => {
		expect(choosePair(versions, '1.10', '1.9')).toEqual({ ok: true, from: '1.9', to: '1.10' });
		expect(choosePair(versions, '2.0', '1.0')).toEqual({ ok: true, from: '1.0', to: '2.0' });
	});

	it('asks for two different versions', () => {
		expect(choosePair(versions, '1.9', '1.9')).toEqual({ ok: false, message: '請選擇兩個不同的版次。' });
		expect(choosePair(versions, '2.0', null)).toEqual({ ok: false, message: '請選擇兩個不同的版次。' });
	});

	it('names the versions the document has when asked for one it does not have', () => {
		const unknown = { ok: false, message: '找不到第 3.0 版。本文件已發布的版次為 2.0、1.10、1.9、1.0。' };
		expect(choosePair(versions, '3.0', '1.0')).toEqual(unknown);
		expect(choosePair(versions, '1.0', '3.0')).toEqual(unknown);
		expect(choosePair(versions, 'v1.0', '2.0')).toEqual({
			ok: false,
			message: '找不到第 v1.0 版。本文件已發布的版次為 2.0、1.10、1.9、1.0。',
		});
	});

	it('says so for a document with a single version', () => {
		expect(choosePair(['1.0'], null, null)).toEqual({ ok: false, message: '本文件只有一個版次，無從比較。' });
	});
});

describe('versionsFile and the diff of a Chinese-numbered document', () => {
	const M901 = pd('ISMS-M-901', [
		pv('ISMS-M-901', '1.1', 'current', { title: '作業要點', effective: '2024-01-01' }),
		pv('ISMS-M-901', '1.0', 'superseded', { title: '作業要點', effective: '2020-01-01' }),
	]);
	const outline = (body: string) => buildOutline(parseBody(body) as Parameters<typeof buildOutline>[0]).blocks;
	const file = versionsFile(M901, {
		'ISMS-M-901/1.0': outline('參、管理\n\n一、組織：\n\n（一）設置小組。\n\n小組每年開會一次，並作成會議紀錄送核。\n'),
		'ISMS-M-901/1.1': outline('參、管理\n\n一、組織：\n\n（一）設置委員會。\n\n小組每半年開會一次，並作成會議紀錄送核。\n'),
	});

	it('blocks carry their clause label, or the clause path they are in', () => {
		expect(file.versions[0]!.blocks).toEqual([
			{ kind: 'paragraph', clause: '參、', text: '參、管理' },
			{ kind: 'paragraph', clause: '參、一、', text: '一、組織：' },
			{ kind: 'paragraph', clause: '參、一、（一）', text: '（一）設置委員會。' },
			{ kind: 'paragraph', clausePath: '參、一、（一）', text: '小組每半年開會一次，並作成會議紀錄送核。' },
		]);
	});

	it('a changed block names its clause path, and the diff view shows it', () => {
		const diff = diffVersions(file.versions[1]!.blocks, file.versions[0]!.blocks);
		expect(diff.rows.filter((row) => row.kind !== 'same').map((row) => [row.kind, row.clause ?? `在 ${row.within}`])).toEqual([
			['changed', '參、一、（一）'],
			['changed', '在 參、一、（一）'],
		]);
		const { window } = new Window();
		const html = renderDiff(window.document as unknown as Document, diff, { showSame: false }).outerHTML;
		expect(html).toContain('<span class="diff-row__clause" data-within="參、一、（一）">參、一、（一）</span>');
	});
});
