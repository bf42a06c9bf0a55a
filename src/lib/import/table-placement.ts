import { stringify, type Block } from './pandoc-ast.ts';

type ListBlock = Extract<Block, { t: 'BulletList' | 'OrderedList' }>;

const isList = (block: Block | undefined): block is ListBlock => block?.t === 'BulletList' || block?.t === 'OrderedList';
const itemsOf = (list: ListBlock): Block[][] => (list.t === 'OrderedList' ? list.c[1] : list.c);
const withItems = (list: ListBlock, items: Block[][]): ListBlock =>
	list.t === 'OrderedList' ? { t: 'OrderedList', c: [list.c[0], items] } : { t: 'BulletList', c: items };

/** A paragraph that announces what follows: `本校之核心業務及重要性如下表:`. */
const announces = (block: Block | undefined): boolean =>
	(block?.t === 'Para' || block?.t === 'Plain') && /[:：]\s*$/u.test(stringify(block.c));

/**
 * Word keeps a table outside the numbered list even when it belongs to a clause: pandoc gives it as a
 * block after the list, and the page would show it after the clause, outside it (its rows would not be in
 * the clause for the diff or for references). A table right after a list goes into the list's last item
 * when the item's text announces it (ends with a colon, `如下表：`; the deepest last item that does), or
 * when the list goes on after the table (the numbering continues: `二、` after it). Blocks are copied, not
 * changed; paragraphs keep their identity (their clause labels are looked up by block).
 */
export function placeTables(blocks: readonly Block[]): Block[] {
	const out: Block[] = [];
	blocks.forEach((block, index) => {
		const previous = out.at(-1);
		if (block.t === 'Table' && isList(previous)) {
			const placed = intoAnnouncingItem(previous, block) ?? (isList(blocks[index + 1]) ? intoLastItem(previous, block) : undefined);
			if (placed) {
				out[out.length - 1] = placed;
				return;
			}
		}
		out.push(block);
	});
	return out;
}

/** The list with `table` appended to the deepest last item whose last block announces it, if one does. */
function intoAnnouncingItem(list: ListBlock, table: Block): ListBlock | undefined {
	const items = itemsOf(list);
	const last = items.at(-1);
	if (!last) return undefined;
	const tail = last.at(-1);
	if (isList(tail)) {
		const deeper = intoAnnouncingItem(tail, table);
		if (deeper) return withItems(list, [...items.slice(0, -1), [...last.slice(0, -1), deeper]]);
	}
	return announces(tail) ? withItems(list, [...items.slice(0, -1), [...last, table]]) : undefined;
}

/** The list with `table` appended to its last item. */
function intoLastItem(list: ListBlock, table: Block): ListBlock | undefined {
	const items = itemsOf(list);
	const last = items.at(-1);
	return last ? withItems(list, [...items.slice(0, -1), [...last, table]]) : undefined;
}
