import { describe, expect, it } from 'vitest';
import { writeBody, type WriterContext } from '../../../src/lib/import/mdx-writer.ts';
import type { Block } from '../../../src/lib/import/pandoc-ast.ts';
import { placeTables } from '../../../src/lib/import/table-placement.ts';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { buildOutline } from '../../../src/lib/outline/outline.ts';
import type { MdNode } from '../../../src/lib/outline/tree.ts';
import { bullets, cell, header, para, row, table } from './_ast.ts';

const write = (blocks: Block[], labels: Map<Block, string>) => {
	const context: WriterContext = { labelOf: (b) => labels.get(b), image: (url, alt) => `![${alt}](./assets/1.0/${url})` };
	return writeBody(blocks, context);
};
/** The clause each table row of a written body is in, as the outline reads it. */
const rowsWithin = (body: string) =>
	buildOutline(parseBody(body) as unknown as MdNode)
		.blocks.filter((block) => block.kind === 'row')
		.map((block) => `${block.within?.label ?? '-'} ${block.text}`);

describe('placeTables', () => {
	it('puts a table announced by its clause (如下表:) inside that clause, as Keelung writes its tables', () => {
		const h = header(1, '核心業務及重要性');
		const first = para('核心業務及重要性:');
		const second = para('非核心業務及說明:');
		const grid = table([row(cell('教務業務'), cell('48小時'))], [row(cell('核心業務'), cell('最大可容忍中斷時間'))]);
		const other = table([row(cell('學校網站'), cell('24小時'))], [row(cell('非核心業務'), cell('最大可容忍中斷時間'))]);
		const labels = new Map<Block, string>([
			[h, '參、'],
			[first, '一、'],
			[second, '二、'],
		]);
		const blocks = [
			h,
			bullets([first, para('本校之核心業務及重要性如下表:')]),
			grid,
			bullets([second, para('本校之非核心業務及說明如下表:')]),
			other,
		];
		const body = write(blocks, labels);
		expect(body).toContain('- 一、核心業務及重要性:\n\n  本校之核心業務及重要性如下表:\n\n  | 核心業務 | 最大可容忍中斷時間 |');
		expect(rowsWithin(body)).toEqual([
			'參、一、 核心業務 | 最大可容忍中斷時間',
			'參、一、 教務業務 | 48小時',
			'參、二、 非核心業務 | 最大可容忍中斷時間',
			'參、二、 學校網站 | 24小時',
		]);
	});

	it('puts a table between two parts of one numbered list into the item before it, even unannounced', () => {
		const first = para('一、甲。');
		const grid = table([row(cell('a'))]);
		const placed = placeTables([bullets([first]), grid, bullets([para('二、乙。')])]);
		expect(placed).toHaveLength(2);
		expect(placed[0]).toEqual(bullets([first, grid]));
		// The paragraph objects are kept (their labels are looked up by identity).
		expect((placed[0] as { c: Block[][] }).c[0]![0]).toBe(first);
	});

	it('goes into the deepest last item that announces it', () => {
		const grid = table([row(cell('a'))]);
		const inner = bullets([para('（一）分工如下表：')]);
		expect(placeTables([bullets([para('二、分工原則'), inner]), grid])).toEqual([
			bullets([para('二、分工原則'), bullets([para('（一）分工如下表：'), grid])]),
		]);
	});

	it('leaves a table after a list that does not announce it and does not go on, and one after a paragraph', () => {
		const grid = table([row(cell('a'))]);
		const list = bullets([para('（四）人員進用之安全評估,由人事處負責辦理。')]);
		expect(placeTables([list, grid])).toEqual([list, grid]);
		expect(placeTables([para('修訂紀錄:'), grid])).toEqual([para('修訂紀錄:'), grid]);
	});
});
