import { normalizeText, stringify, tableRows, type Block } from './pandoc-ast.ts';

/**
 * The controlled-document cover or header block of an imported file (文件編號、文件名稱、機密等級、
 * 版次、生效日期、核准、審核、權責單位), read from a cover table, from 「欄位：值」 lines, from the page
 * header or from the document properties.
 */
export type CoverField =
	'docNo' | 'title' | 'classification' | 'version' | 'effective' | 'approvedBy' | 'reviewedBy' | 'owner' | 'issuedBy' | 'lastReviewed';

/** Labels as written on Taiwanese covers, per field; for dates the first label found in this order wins. */
export const COVER_LABELS: Record<CoverField, readonly string[]> = {
	docNo: ['文件編號', '文件代號', '編號'],
	title: ['文件名稱', '文件標題', '名稱'],
	classification: ['機密等級', '文件機密等級', '密等', '文件等級', '機敏等級', '資料等級'],
	version: ['版次', '版本', '版號', '文件版次'],
	effective: ['生效日期', '施行日期', '實施日期', '發行日期', '發布日期', '公告日期', '核定日期', '制定日期'],
	approvedBy: ['核准', '核准者', '核准人', '核定', '核定者'],
	reviewedBy: ['審核', '審核者', '審核人', '審查', '審查者', '複核'],
	owner: ['權責單位', '權責', '主責單位', '管理單位', '負責單位'],
	issuedBy: ['發行單位', '制定單位', '訂定單位'],
	lastReviewed: ['最近評估檢討日期', '評估檢討日期', '檢討日期', '最近審查日期'],
};

export interface CoverValue {
	value: string;
	/** Where it was read: shown to staff next to the value. */
	source: 'cover' | 'header' | 'properties';
	/** Rank of the label among the field's labels (dates: 生效日期 before 發行日期). */
	rank: number;
}

const LABEL_INDEX = new Map<string, { field: CoverField; rank: number }>();
for (const [field, labels] of Object.entries(COVER_LABELS) as [CoverField, readonly string[]][]) {
	labels.forEach((label, rank) => LABEL_INDEX.set(label, { field, rank }));
}

/** The field a cell's text names (`文件編號`, `版　次：`), if it is a label. */
export function labelField(text: string): { field: CoverField; rank: number } | undefined {
	return LABEL_INDEX.get(normalizeText(text).replace(/[:：]$/, ''));
}

const ALL_LABELS = [...LABEL_INDEX.keys()].sort((a, b) => b.length - a.length);
const INLINE = new RegExp(`(${ALL_LABELS.join('|')})[\\s\\u3000]*[:：]`, 'g');

/** `文件編號：ISMS-P-001　版次：1.0` → both fields. */
export function fieldsFromText(text: string): { field: CoverField; rank: number; value: string }[] {
	const matches = [...text.matchAll(INLINE)];
	return matches.flatMap((match, i) => {
		const end = matches[i + 1]?.index ?? text.length;
		const value = text.slice(match.index! + match[0].length, end).replace(/^[\s\u3000]+|[\s\u3000|｜，,；;]+$/g, '');
		const known = LABEL_INDEX.get(match[1]!)!;
		return value === '' ? [] : [{ ...known, value }];
	});
}

/** A table's cells laid out on a grid (merged cells repeated over their span). */
function grid(table: Extract<Block, { t: 'Table' }>): { id: number; text: string }[][] {
	const out: { id: number; text: string }[][] = [];
	let id = 0;
	tableRows(table).forEach((row, r) => {
		out[r] ??= [];
		let c = 0;
		for (const cell of row[1]) {
			while (out[r]![c]) c++;
			const entry = { id: id++, text: cellText(cell[4]) };
			for (let dr = 0; dr < Math.max(1, cell[2]); dr++) {
				for (let dc = 0; dc < Math.max(1, cell[3]); dc++) (out[r + dr] ??= [])[c + dc] = entry;
			}
			c += Math.max(1, cell[3]);
		}
	});
	return out;
}

function cellText(blocks: readonly Block[]): string {
	return blocks
		.map((b) => (b.t === 'Plain' || b.t === 'Para' ? stringify(b.c) : ''))
		.join(' ')
		.replace(/[\s\u3000]+/g, ' ')
		.trim();
}

/** Label–value pairs of a cover table: value to the right of its label, or below it. */
export function fieldsFromTable(
	table: Extract<Block, { t: 'Table' }>,
): { field: CoverField; rank: number; value: string; below?: boolean }[] {
	const cells = grid(table);
	const found: { field: CoverField; rank: number; value: string; below?: boolean }[] = [];
	cells.forEach((row, r) => {
		row.forEach((cell, c) => {
			if (!cell || row[c - 1]?.id === cell.id || cells[r - 1]?.[c]?.id === cell.id) return;
			const label = labelField(cell.text);
			if (!label) {
				found.push(...fieldsFromText(cell.text));
				return;
			}
			let right = c + 1;
			while (row[right]?.id === cell.id) right++;
			let below = r + 1;
			while (cells[below]?.[c]?.id === cell.id) below++;
			const usable = (other: { text: string } | undefined) => other !== undefined && other.text !== '' && !labelField(other.text);
			if (usable(row[right])) found.push({ ...label, value: row[right]!.text });
			else if (usable(cells[below]?.[c])) found.push({ ...label, value: cells[below]![c]!.text, below: true });
		});
	});
	return found;
}

export interface Cover {
	fields: Partial<Record<CoverField, CoverValue>>;
	/** Blocks that were the cover (table, 「欄位：值」 lines, the title line): not part of the body. */
	consumed: Set<Block>;
}

function keep(fields: Cover['fields'], field: CoverField, value: string, rank: number, source: CoverValue['source']): void {
	const current = fields[field];
	if (!current || (current.source === source && rank < current.rank)) fields[field] = { value, rank, source };
}

/**
 * Reads the cover from the blocks before the first heading or list (at most the first 12): a table
 * with at least two cover labels, and 「欄位：值」 lines. Then the page header lines and the document
 * properties fill what the cover did not give. A paragraph repeating the title is consumed too.
 */
export function readCover(
	blocks: readonly Block[],
	header: readonly string[] = [],
	properties: { title?: string; fields?: Record<string, string> } = {},
): Cover {
	const fields: Cover['fields'] = {};
	const consumed = new Set<Block>();
	for (const block of blocks.slice(0, 12)) {
		if (block.t === 'Header' || block.t === 'OrderedList' || block.t === 'BulletList') break;
		if (block.t === 'Table') {
			const found = fieldsFromTable(block);
			// Labels over columns of several rows make a record table (修訂紀錄: 版次, 日期, 核准…), not a cover.
			const rows = tableRows(block)
				.map((r) => r[1].map((c) => cellText(c[4])))
				.filter((texts) => texts.some((t) => t !== ''));
			const record = (found.every((f) => f.below) && rows.length > 2) || (rows[0] ?? []).some((t) => /修訂|修正|變更|異動/.test(t));
			if (new Set(found.map((f) => f.field)).size >= 2 && !record) {
				for (const f of found) keep(fields, f.field, f.value, f.rank, 'cover');
				consumed.add(block);
			}
		} else if (block.t === 'Para' || block.t === 'Plain') {
			const found = fieldsFromText(stringify(block.c));
			if (found.length > 0) {
				for (const f of found) keep(fields, f.field, f.value, f.rank, 'cover');
				consumed.add(block);
			}
		}
	}
	for (const line of header) {
		const label = fieldsFromText(line);
		for (const f of label) keep(fields, f.field, f.value, f.rank, 'header');
	}
	for (const [name, value] of Object.entries(properties.fields ?? {})) {
		const label = labelField(name);
		if (label && value.trim() !== '') keep(fields, label.field, value.trim(), label.rank, 'properties');
	}
	if (properties.title && properties.title.trim() !== '') keep(fields, 'title', properties.title.trim(), 99, 'properties');
	const title = fields.title ? normalizeText(fields.title.value) : undefined;
	if (title) {
		for (const block of blocks.slice(0, 12)) {
			if ((block.t === 'Para' || block.t === 'Plain') && normalizeText(stringify(block.c)) === title) consumed.add(block);
		}
	}
	return { fields, consumed };
}
