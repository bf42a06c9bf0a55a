import { formatRocDate } from '../lib/documents/dates.ts';
import type { CellChange, DiffBlock, DiffRow, TextPart, VersionDiff } from '../lib/diff/diff.ts';
import type { VersionEntry } from '../lib/diff/diff-data.ts';
import { attachmentChanges, CHANGE_LABELS } from '../lib/documents/attachment-changes.ts';
import { STATE_LABELS } from '../lib/documents/states.ts';

/**
 * The diff as staff read it, built as DOM in the browser by the diff page (`/diff/`). Text goes in
 * through text nodes only, never as HTML. Styles: `.diff*` in src/styles/portal.css.
 */

const KIND_LABELS = { changed: '修改', added: '新增', removed: '刪除', same: '未變更' } as const;

type Child = Node | string;

function element<K extends keyof HTMLElementTagNameMap>(
	doc: Document,
	tag: K,
	attributes: Record<string, string> = {},
	...children: Child[]
): HTMLElementTagNameMap[K] {
	const node = doc.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
	node.append(...children);
	return node;
}

/** 〔新增〕 / 〔刪除〕 read out before the changed words: colour and strike-through are not read. */
const srOnly = (doc: Document, text: string) => element(doc, 'span', { class: 'sr-only' }, text);

/**
 * `<div class="diff" data-diff>`: the counts (role=status), the 顯示未變更的段落 toggle, one row per
 * block (changed clauses word by word in ins/del), and 兩個版次的內文相同。 when nothing changed.
 * Unchanged rows are hidden unless the toggle is on (`showSame` sets it on from the start).
 */
export function renderDiff(doc: Document, diff: VersionDiff, options: { showSame?: boolean } = {}): HTMLElement {
	const { counts } = diff;
	const root = element(doc, 'div', { class: 'diff', 'data-diff': '' });
	const toggle = element(doc, 'input', { type: 'checkbox', 'data-diff-show-same': '' });
	toggle.checked = options.showSame ?? false;
	const apply = () => root.toggleAttribute('data-show-same', toggle.checked);
	toggle.addEventListener('change', apply);
	apply();

	const rows = diff.rows.map((row) => {
		let text: HTMLElement = element(doc, 'div', { class: 'diff-row__text' });
		const cells = rowCells(row);
		if (cells) {
			text = renderRowTable(doc, row, cells);
		} else if (row.kind === 'changed') {
			text.append(...wordParts(doc, row.parts));
		} else {
			const tag = row.kind === 'added' ? 'ins' : row.kind === 'removed' ? 'del' : 'span';
			text.append(element(doc, tag, {}, row.block.text));
		}
		const attributes: Record<string, string> = { class: `diff-row diff-row--${row.kind}`, 'data-kind': row.kind };
		if (row.clause) attributes['data-clause'] = row.clause;
		// A changed block that is not a clause itself says where it is: 參、一、（二）.
		const where =
			row.within && row.kind !== 'same' ? [element(doc, 'span', { class: 'diff-row__clause', 'data-within': row.within }, row.within)] : [];
		return element(doc, 'li', attributes, element(doc, 'span', { class: 'diff-row__kind' }, KIND_LABELS[row.kind]), ...where, text);
	});

	root.append(
		element(
			doc,
			'p',
			{ class: 'diff__summary', role: 'status' },
			`修改 ${counts.changed} 處、新增 ${counts.added} 處、刪除 ${counts.removed} 處；未變更 ${counts.same} 處。`,
		),
		element(doc, 'label', { class: 'diff__toggle' }, toggle, ' 顯示未變更的段落'),
		element(doc, 'ol', { class: 'diff__rows' }, ...rows),
	);
	if (diff.rows.every((row) => row.kind === 'same')) root.append(element(doc, 'p', {}, '兩個版次的內文相同。'));
	return root;
}

/** Changed words in ins/del, each with its spoken label. */
function wordParts(doc: Document, parts: readonly TextPart[]): HTMLElement[] {
	return parts.map((part) =>
		part.added
			? element(doc, 'ins', {}, srOnly(doc, '〔新增〕'), part.value)
			: part.removed
				? element(doc, 'del', {}, srOnly(doc, '〔刪除〕'), part.value)
				: element(doc, 'span', {}, part.value),
	);
}

/** The cells a table row shows in the diff: the changed row's cell by cell, else each cell of the row's own kind. */
function rowCells(row: DiffRow): readonly CellChange[] | undefined {
	if (row.kind === 'changed') return row.cells;
	return row.block.cells?.map((cell) => ({
		kind: row.kind,
		text: cell.text,
		...(cell.span ? { span: cell.span } : {}),
		...(cell.head ? { head: cell.head } : {}),
	}));
}

/**
 * A table row as a table of its own, under its table's column headings (when the row is not a header
 * row itself and its cells fill the same columns): each cell kept, changed word by word, or added /
 * removed, marked `data-change` and announced. It scrolls sideways in its own focusable box, like every
 * table of the portal, so a wide row never widens the page on a phone.
 */
function renderRowTable(doc: Document, row: DiffRow, cells: readonly CellChange[]): HTMLElement {
	const block: DiffBlock = row.kind === 'changed' ? row.after : row.block;
	const width = cells.reduce((sum, cell) => sum + (cell.span ?? 1), 0);
	const headRow = Boolean(block.head);
	const columns =
		!headRow && block.columns && block.columns.reduce((sum, cell) => sum + (cell.span ?? 1), 0) === width ? block.columns : undefined;
	const cellElements = cells.map((cell) => {
		const head = headRow || cell.head;
		const attributes: Record<string, string> = head ? { scope: headRow ? 'col' : 'row' } : {};
		if (cell.span) attributes['colspan'] = String(cell.span);
		if (cell.kind !== 'same') attributes['data-change'] = cell.kind;
		const content: Child[] =
			cell.kind === 'changed'
				? wordParts(doc, cell.parts ?? [{ value: cell.text }])
				: cell.kind === 'added'
					? [element(doc, 'ins', {}, srOnly(doc, '〔新增〕'), cell.text)]
					: cell.kind === 'removed'
						? [element(doc, 'del', {}, srOnly(doc, '〔刪除〕'), cell.text)]
						: [cell.text];
		return element(doc, head ? 'th' : 'td', attributes, ...content);
	});
	const tr = element(doc, 'tr', {}, ...cellElements);
	const table = element(doc, 'table', { class: 'diff-table' });
	if (columns) {
		const headings = columns.map((cell) =>
			element(doc, 'th', { scope: 'col', ...(cell.span ? { colspan: String(cell.span) } : {}) }, cell.text),
		);
		table.append(element(doc, 'thead', {}, element(doc, 'tr', {}, ...headings)));
	}
	table.append(element(doc, headRow ? 'thead' : 'tbody', {}, tr));
	const first = cells.find((cell) => cell.text !== '')?.text ?? '';
	const name = `表格列${headRow ? '（標題列）' : ''}：${first.length > 20 ? `${first.slice(0, 19)}…` : first}`;
	return element(doc, 'div', { class: 'diff-row__text table-scroll', role: 'region', 'aria-label': name, tabindex: '0' }, table);
}

/** 第 1.9 版（民國111年6月1日） */
export function describeVersion(version: Pick<VersionEntry, 'version' | 'effective'>): string {
	return `第 ${version.version} 版（${formatRocDate(version.effective)}）`;
}

/** What the version selects show: 1.10（民國112年3月1日，現行版）. */
export function versionLabel(version: Pick<VersionEntry, 'version' | 'effective' | 'state'>): string {
	return `${version.version}（${formatRocDate(version.effective)}，${STATE_LABELS[version.state]}）`;
}

/**
 * 比較 第 X 版（民國…） 與 第 Y 版（民國…）。 with links to both versions' pages, then the newer
 * version's 修訂說明 when it has one, and the attachments that changed between the two (附件異動).
 */
export function renderComparison(doc: Document, from: VersionEntry, to: VersionEntry): HTMLElement {
	const link = (version: VersionEntry) => element(doc, 'a', { href: version.url }, describeVersion(version));
	const heading = element(doc, 'p', { class: 'diff__heading', 'data-diff-heading': '' }, '比較 ', link(from), ' 與 ', link(to), '。');
	if (to.changes) heading.append(`第 ${to.version} 版修訂說明：${to.changes}`);
	// Attachments added, replaced (same name, other content) or removed between the two versions.
	const changes = attachmentChanges(from.attachments ?? [], to.attachments ?? []);
	if (changes.length > 0) {
		const items = changes.flatMap((change, index) => [
			...(index > 0 ? ['；'] : []),
			`${CHANGE_LABELS[change.kind]}「`,
			change.kind === 'removed'
				? change.file.name
				: element(doc, 'a', { href: change.file.href, download: change.file.name }, change.file.name),
			'」',
		]);
		heading.append(element(doc, 'span', { class: 'diff__attachments', 'data-diff-attachments': '' }, '附件異動：', ...items, '。'));
	}
	return heading;
}
