import { describe, expect, it } from 'vitest';
import { diffText, diffVersions, type DiffRow } from '../../../src/lib/diff/diff.ts';
import { versionsFile } from '../../../src/lib/diff/diff-data.ts';
import { cellSimilarity, diffCells, rowWidth } from '../../../src/lib/diff/table-diff.ts';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { buildOutline } from '../../../src/lib/outline/outline.ts';
import type { MdNode } from '../../../src/lib/outline/tree.ts';
import { pd, pv } from '../_helpers.ts';

const cells = (...texts: string[]) => texts.map((text) => ({ text }));
const blocksOf = (body: string) => buildOutline(parseBody(body) as unknown as MdNode).blocks;
/** The rows of a diff that are not the same: kind, and for a changed row each cell's kind and text. */
const changes = (rows: readonly DiffRow[]) =>
	rows
		.filter((row) => row.kind !== 'same')
		.map((row) =>
			row.kind === 'changed'
				? { kind: row.kind, cells: row.cells?.map((cell) => `${cell.kind} ${cell.text}`) }
				: { kind: row.kind, text: row.block.text },
		);

describe('diffCells', () => {
	it('keeps equal cells and marks the changed one, word by word', () => {
		expect(
			diffCells(cells('學校網站', '可能使本校部分業務中斷', '24小時'), cells('學校網站', '可能使本校部分業務中斷', '12小時'), diffText),
		).toEqual([
			{ kind: 'same', text: '學校網站' },
			{ kind: 'same', text: '可能使本校部分業務中斷' },
			{ kind: 'changed', text: '12小時', parts: [{ value: '24', removed: true }, { value: '12', added: true }, { value: '小時' }] },
		]);
	});

	it('shows a column added or dropped as an added or removed cell, keeping spans and header cells', () => {
		expect(
			diffCells(
				[
					{ text: '版次', head: true },
					{ text: '說明', span: 2 },
				],
				[{ text: '版次', head: true }, { text: '條次' }, { text: '說明', span: 2 }],
				diffText,
			),
		).toEqual([
			{ kind: 'same', text: '版次', head: true },
			{ kind: 'added', text: '條次' },
			{ kind: 'same', text: '說明', span: 2 },
		]);
		expect(diffCells(cells('甲', '乙', '丙'), cells('甲', '丙'), diffText).map((cell) => cell.kind)).toEqual(['same', 'removed', 'same']);
	});

	it('measures rows by the cells both keep unchanged, in order, and by the columns they cover', () => {
		expect(cellSimilarity(cells('甲', '乙'), cells('甲', '丙'))).toBe(0.5);
		expect(cellSimilarity(cells('甲', '乙', '丙'), cells('丁', '乙'))).toBeCloseTo(1 / 3);
		// A column inserted: the cells after it are still kept.
		expect(cellSimilarity(cells('甲', '乙'), cells('甲', '新', '乙'))).toBeCloseTo(2 / 3);
		expect(cellSimilarity([], [])).toBe(0);
		expect(rowWidth([{ span: 2 }, {}, { span: 3 }])).toBe(6);
	});
});

describe('tables in the diff', () => {
	const MARKDOWN = (rows: string[]) =>
		['本校之非核心業務如下表:', '', '| 非核心業務 | 最大可容忍中斷時間 |', '| --- | --- |', ...rows, ''].join('\n');

	it('shows a changed cell of a Markdown table as a change in its row, under its column headings', () => {
		const diff = diffVersions(
			blocksOf(MARKDOWN(['| 學校網站 | 24小時 |', '| 校園網路 | 24小時 |'])),
			blocksOf(MARKDOWN(['| 學校網站 | 12小時 |', '| 校園網路 | 24小時 |'])),
		);
		expect(changes(diff.rows)).toEqual([{ kind: 'changed', cells: ['same 學校網站', 'changed 12小時'] }]);
		const row = diff.rows.find((r) => r.kind === 'changed')!;
		expect(row.kind === 'changed' && row.after.columns).toEqual([
			{ text: '非核心業務', head: true },
			{ text: '最大可容忍中斷時間', head: true },
		]);
	});

	it('shows an added and a removed row as such', () => {
		const diff = diffVersions(
			blocksOf(MARKDOWN(['| 學校網站 | 24小時 |', '| 校園網路 | 24小時 |'])),
			blocksOf(MARKDOWN(['| 學校網站 | 24小時 |', '| 校務行政系統 | 8小時 |'])),
		);
		expect(changes(diff.rows)).toEqual([
			{ kind: 'removed', text: '校園網路 | 24小時' },
			{ kind: 'added', text: '校務行政系統 | 8小時' },
		]);
	});

	it('pairs rows by their cells: half of them unchanged is the same row changed, fewer is another row', () => {
		const diff = diffVersions(blocksOf(MARKDOWN(['| 網站 | 24 |'])), blocksOf(MARKDOWN(['| 網站 | 8 |'])));
		expect(changes(diff.rows)).toEqual([{ kind: 'changed', cells: ['same 網站', 'changed 8'] }]);
		// Another row in the same place sharing a long cell: removed and added, however many words they share.
		const long = '可能使本校部分業務中斷並影響全校師生之教學及行政作業';
		const replaced = diffVersions(
			blocksOf(`| 系統 | 影響 | 時間 |\n| --- | --- | --- |\n| 校園網路 | ${long} | 24小時 |\n`),
			blocksOf(`| 系統 | 影響 | 時間 |\n| --- | --- | --- |\n| 校務行政系統 | ${long} | 8小時 |\n`),
		);
		expect(changes(replaced.rows).map((row) => row.kind)).toEqual(['removed', 'added']);
	});

	it('shows a change in a merged cell of an HTML table (as the importer writes it) in every row the cell covers', () => {
		const html = (system: string, hours: string) =>
			[
				'<table>',
				'  <thead>',
				'    <tr><th scope="col">核心業務</th><th scope="col">核心資通系統</th><th scope="col">最大可容忍中斷時間</th></tr>',
				'  </thead>',
				'  <tbody>',
				`    <tr><td>教務業務</td><td rowspan="2">${system}</td><td>48小時</td></tr>`,
				`    <tr><td>學生業務</td><td>${hours}</td></tr>`,
				'  </tbody>',
				'</table>',
				'',
			].join('\n');
		expect(changes(diffVersions(blocksOf(html('無', '24小時')), blocksOf(html('無', '12小時'))).rows)).toEqual([
			{ kind: 'changed', cells: ['same 學生業務', 'same 無', 'changed 12小時'] },
		]);
		expect(changes(diffVersions(blocksOf(html('無', '24小時')), blocksOf(html('校務行政系統', '24小時'))).rows)).toEqual([
			{ kind: 'changed', cells: ['same 教務業務', 'changed 校務行政系統', 'same 48小時'] },
			{ kind: 'changed', cells: ['same 學生業務', 'changed 校務行政系統', 'same 24小時'] },
		]);
	});

	it('carries cells, header rows and column headings into versions.json, and the diff of the file is the same', () => {
		const older = blocksOf(MARKDOWN(['| 學校網站 | 24小時 |']));
		const newer = blocksOf(MARKDOWN(['| 學校網站 | 12小時 |']));
		const doc = pd('ISMS-M-201', [pv('ISMS-M-201', '1.1', 'current'), pv('ISMS-M-201', '1.0', 'superseded')]);
		const file = versionsFile(doc, { 'ISMS-M-201/1.1': newer, 'ISMS-M-201/1.0': older });
		const rows = file.versions[0]!.blocks.filter((block) => block.kind === 'row');
		expect(rows).toEqual([
			{
				kind: 'row',
				text: '非核心業務 | 最大可容忍中斷時間',
				cells: [
					{ text: '非核心業務', head: true },
					{ text: '最大可容忍中斷時間', head: true },
				],
				head: true,
			},
			{
				kind: 'row',
				text: '學校網站 | 12小時',
				cells: cells('學校網站', '12小時'),
				columns: [
					{ text: '非核心業務', head: true },
					{ text: '最大可容忍中斷時間', head: true },
				],
			},
		]);
		const fromFile = JSON.parse(JSON.stringify(file)) as typeof file;
		const fromBuild = diffVersions(older, newer);
		expect(changes(diffVersions(fromFile.versions[1]!.blocks, fromFile.versions[0]!.blocks).rows)).toEqual(changes(fromBuild.rows));
		expect(changes(fromBuild.rows)).toEqual([{ kind: 'changed', cells: ['same 學校網站', 'changed 12小時'] }]);
	});
});
