import { describe, it, expect } from 'vitest';
import { diffText, diffVersions, tokenize, type DiffRow } from '../../../src/lib/diff/diff.ts';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { buildOutline, type OutlineBlock as Block } from '../../../src/lib/outline/outline.ts';
import type { MdNode } from '../../../src/lib/outline/tree.ts';

const blocksOf = (body: string) => buildOutline(parseBody(body) as unknown as MdNode).blocks;
/** One line per row: kind, clause and text (before → after for changes). */
const rows = (list: DiffRow[]) =>
	list.map((row) =>
		row.kind === 'changed'
			? `changed ${row.clause ?? '-'} ${row.before.text} → ${row.after.text}`
			: `${row.kind} ${row.clause ?? '-'} ${row.block.text}`,
	);

describe('tokenize', () => {
	it('splits Traditional Chinese into words (Intl.Segmenter)', () => {
		expect(tokenize('資訊安全管理政策應每年檢討一次')).toEqual(['資訊', '安全', '管理', '政策', '應', '每年', '檢討', '一次']);
	});

	it('keeps Latin words, numbers and spaces as tokens, losing nothing', () => {
		const text = 'ISMS 文件 6.4.3 每 12 個月';
		const tokens = tokenize(text);
		expect(tokens.join('')).toBe(text);
		expect(tokens).toContain('ISMS');
		expect(tokens).toContain(' ');
	});
});

describe('diffText', () => {
	it('marks a replaced Chinese word, not single characters or the whole sentence', () => {
		expect(diffText('資訊安全管理政策應每年檢討一次', '資訊安全管理政策應每半年檢討一次')).toEqual([
			{ value: '資訊安全管理政策應' },
			{ value: '每年', removed: true },
			{ value: '每半年', added: true },
			{ value: '檢討一次' },
		]);
	});

	it('marks inserted words', () => {
		expect(diffText('文件應經核准後發行', '文件應經權責主管核准後發行')).toEqual([
			{ value: '文件應經' },
			{ value: '權責主管', added: true },
			{ value: '核准後發行' },
		]);
	});

	it('marks deleted words', () => {
		expect(diffText('文件應經權責主管核准後發行', '文件應經核准後發行')).toEqual([
			{ value: '文件應經' },
			{ value: '權責主管', removed: true },
			{ value: '核准後發行' },
		]);
	});

	it('diffs Latin text by word', () => {
		expect(diffText('The policy is reviewed yearly', 'The policy is reviewed monthly')).toEqual([
			{ value: 'The policy is reviewed ' },
			{ value: 'yearly', removed: true },
			{ value: 'monthly', added: true },
		]);
	});

	it('is one unchanged part for equal texts', () => {
		expect(diffText('文件應經核准後發行', '文件應經核准後發行')).toEqual([{ value: '文件應經核准後發行' }]);
	});

	it('rebuilds both texts from its parts', () => {
		const before = '1.2 本程序書每年檢討一次，由資訊室辦理。';
		const after = '1.2 本程序書每半年檢討一次，由資安長核定並辦理。';
		const parts = diffText(before, after);
		expect(
			parts
				.filter((p) => !p.added)
				.map((p) => p.value)
				.join(''),
		).toBe(before);
		expect(
			parts
				.filter((p) => !p.removed)
				.map((p) => p.value)
				.join(''),
		).toBe(after);
	});
});

const V1 = `## 1. 目的

本程序書規範文件管理之作業流程。

- 1.1 文件應經核准後發行。
- 1.2 文件應每年檢討一次。
- 1.3 舊條文。
`;

describe('diffVersions', () => {
	it('finds nothing changed between identical versions', () => {
		const diff = diffVersions(blocksOf(V1), blocksOf(V1));
		expect(rows(diff.rows)).toEqual([
			'same 1 1. 目的',
			'same - 本程序書規範文件管理之作業流程。',
			'same 1.1 1.1 文件應經核准後發行。',
			'same 1.2 1.2 文件應每年檢討一次。',
			'same 1.3 1.3 舊條文。',
		]);
		expect(diff.counts).toEqual({ changed: 0, added: 0, removed: 0, same: 5 });
	});

	it('shows a clause with the same number and new text as changed, with word-level parts', () => {
		const after = blocksOf(V1.replace('每年', '每半年'));
		const diff = diffVersions(blocksOf(V1), after);
		expect(diff.counts).toEqual({ changed: 1, added: 0, removed: 0, same: 4 });
		const changed = diff.rows[3]!;
		expect(changed).toEqual({
			kind: 'changed',
			clause: '1.2',
			before: {
				kind: 'item',
				text: '1.2 文件應每年檢討一次。',
				depth: 1,
				line: 6,
				column: 3,
				clause: '1.2',
				markerLength: 4,
				within: { label: '1.2', anchor: 'sec-1-2' },
			},
			after: {
				kind: 'item',
				text: '1.2 文件應每半年檢討一次。',
				depth: 1,
				line: 6,
				column: 3,
				clause: '1.2',
				markerLength: 4,
				within: { label: '1.2', anchor: 'sec-1-2' },
			},
			parts: [{ value: '1.2 文件應' }, { value: '每年', removed: true }, { value: '每半年', added: true }, { value: '檢討一次。' }],
		});
	});

	it('shows added and removed clauses', () => {
		const diff = diffVersions(blocksOf(V1), blocksOf(V1.replace('- 1.3 舊條文。\n', '- 1.4 紀錄保存三年。\n- 1.5 另一條。\n')));
		expect(rows(diff.rows)).toEqual([
			'same 1 1. 目的',
			'same - 本程序書規範文件管理之作業流程。',
			'same 1.1 1.1 文件應經核准後發行。',
			'same 1.2 1.2 文件應每年檢討一次。',
			'removed 1.3 1.3 舊條文。',
			'added 1.4 1.4 紀錄保存三年。',
			'added 1.5 1.5 另一條。',
		]);
		expect(diff.counts).toEqual({ changed: 0, added: 2, removed: 1, same: 4 });
	});

	it('shows a clause added in the middle as added, keeping the rest aligned', () => {
		const diff = diffVersions(blocksOf(V1), blocksOf(V1.replace('- 1.2', '- 1.1.1 新增子條文。\n- 1.2')));
		expect(rows(diff.rows).filter((r) => !r.startsWith('same'))).toEqual(['added 1.1.1 1.1.1 新增子條文。']);
		expect(diff.counts).toEqual({ changed: 0, added: 1, removed: 0, same: 5 });
	});

	it('shows a removed clause as removed', () => {
		const diff = diffVersions(blocksOf(V1), blocksOf(V1.replace('- 1.2 文件應每年檢討一次。\n', '')));
		expect(rows(diff.rows).filter((r) => !r.startsWith('same'))).toEqual(['removed 1.2 1.2 文件應每年檢討一次。']);
		expect(diff.counts).toEqual({ changed: 0, added: 0, removed: 1, same: 4 });
	});

	it('shows a renumbered clause (same text, new number) as changed in its number alone', () => {
		const diff = diffVersions(blocksOf(V1), blocksOf(V1.replace('- 1.3 舊條文。', '- 1.4 舊條文。')));
		expect(rows(diff.rows).slice(4)).toEqual(['changed 1.4 1.3 舊條文。 → 1.4 舊條文。']);
		const row = diff.rows[4]!;
		expect(row.kind === 'changed' && row.parts).toEqual([
			{ value: '1.3', removed: true },
			{ value: '1.4', added: true },
			{ value: ' 舊條文。' },
		]);
		expect(diff.counts).toEqual({ changed: 1, added: 0, removed: 0, same: 4 });
	});

	it('follows each text through a renumbering: a clause inserted in the middle is the only addition', () => {
		// 1.2 is inserted: the old 1.2 and 1.3 become 1.3 and 1.4, their texts unchanged
		const after = V1.replace('- 1.3 舊條文。', '- 1.4 舊條文。').replace('- 1.2 文件', '- 1.2 新增之條文。\n- 1.3 文件');
		const diff = diffVersions(blocksOf(V1), blocksOf(after));
		expect(rows(diff.rows).slice(2)).toEqual([
			'same 1.1 1.1 文件應經核准後發行。',
			'added 1.2 1.2 新增之條文。',
			'changed 1.3 1.2 文件應每年檢討一次。 → 1.3 文件應每年檢討一次。',
			'changed 1.4 1.3 舊條文。 → 1.4 舊條文。',
		]);
		expect(diff.counts).toEqual({ changed: 2, added: 1, removed: 0, same: 3 });
	});

	it('shows a clause both renumbered and edited as one changed clause, the clause deleted before it as removed', () => {
		// 1.2 is deleted; 1.3 becomes 1.2 and is reworded
		const after = V1.replace('- 1.2 文件應每年檢討一次。\n', '').replace('- 1.3 舊條文。', '- 1.2 舊條文（修正）。');
		const diff = diffVersions(blocksOf(V1), blocksOf(after));
		expect(rows(diff.rows).slice(3)).toEqual(['removed 1.2 1.2 文件應每年檢討一次。', 'changed 1.2 1.3 舊條文。 → 1.2 舊條文（修正）。']);
		expect(diff.counts).toEqual({ changed: 1, added: 0, removed: 1, same: 3 });
	});

	it('in a long rewritten stretch, pairs an edited block only with added blocks nearby', () => {
		const p = (text: string): Block => ({ kind: 'paragraph', text, depth: 0, line: 1, column: 1 });
		// Unrelated paragraphs: each old one shares no words with any new one.
		const filler = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => p(`${prefix.repeat(4)}第${k}則`));
		const edited = '資訊資產清冊應每年盤點一次並陳報資通安全長核定';
		const near = diffVersions(
			[p(edited), ...filler('春夏秋冬', 59)],
			[...filler('東西南北', 5), p(`${edited}。`), ...filler('東西南北', 54)],
		);
		const far = diffVersions(
			[p(edited), ...filler('春夏秋冬', 59)],
			[...filler('東西南北', 40), p(`${edited}。`), ...filler('東西南北', 19)],
		);
		expect(near.counts.changed).toBe(1);
		expect(far.counts.changed).toBe(0);
		// A short stretch compares everything with everything.
		expect(diffVersions([p(edited), ...filler('春夏秋冬', 3)], [...filler('東西南北', 30), p(`${edited}。`)]).counts.changed).toBe(1);
	});

	it('keeps a clause number with rewritten text as one changed clause', () => {
		const diff = diffVersions(blocksOf(V1), blocksOf(V1.replace('1.3 舊條文。', '1.3 資訊資產應每季盤點並更新清冊。')));
		expect(rows(diff.rows).slice(4)).toEqual(['changed 1.3 1.3 舊條文。 → 1.3 資訊資產應每季盤點並更新清冊。']);
	});

	it('shows an unnumbered paragraph edited slightly as changed', () => {
		const diff = diffVersions(blocksOf(V1), blocksOf(V1.replace('作業流程。', '作業流程與紀錄。')));
		const row = diff.rows[1]!;
		expect(row.kind).toBe('changed');
		expect(row).not.toHaveProperty('clause');
		expect(row.kind === 'changed' && row.parts).toEqual([
			{ value: '本程序書規範文件管理之作業流程' },
			{ value: '與紀錄', added: true },
			{ value: '。' },
		]);
		expect(diff.counts).toEqual({ changed: 1, added: 0, removed: 0, same: 4 });
	});

	it('shows an unnumbered paragraph replaced entirely as removed and added', () => {
		const diff = diffVersions(blocksOf(V1), blocksOf(V1.replace('本程序書規範文件管理之作業流程。', '完全不同的一段說明文字。')));
		expect(rows(diff.rows).slice(0, 3)).toEqual([
			'same 1 1. 目的',
			'removed - 本程序書規範文件管理之作業流程。',
			'added - 完全不同的一段說明文字。',
		]);
		expect(diff.counts).toEqual({ changed: 0, added: 1, removed: 1, same: 4 });
	});

	it('does not pair unnumbered blocks of different kinds', () => {
		const paragraph: Block = { kind: 'paragraph', text: '文件應經核准後發行', depth: 0, line: 1, column: 1 };
		const item: Block = { kind: 'item', text: '文件應經核准後發行。', depth: 1, line: 1, column: 1 };
		expect(diffVersions([paragraph], [item]).counts).toEqual({ changed: 0, added: 1, removed: 1, same: 0 });
	});

	it('pairs several edited unnumbered blocks in order, listing unpaired additions after', () => {
		const p = (text: string): Block => ({ kind: 'paragraph', text, depth: 0, line: 1, column: 1 });
		const diff = diffVersions(
			[p('甲乙丙丁戊己庚辛'), p('文件應經核准後發行')],
			[p('甲乙丙丁戊己庚辛壬'), p('完全不同的一段說明文字'), p('另一段新的說明')],
		);
		expect(rows(diff.rows)).toEqual([
			'changed - 甲乙丙丁戊己庚辛 → 甲乙丙丁戊己庚辛壬',
			'removed - 文件應經核准後發行',
			'added - 完全不同的一段說明文字',
			'added - 另一段新的說明',
		]);
	});

	it('counts each kind of row', () => {
		const after = V1.replace('每年', '每半年')
			.replace('- 1.3 舊條文。\n', '- 1.4 紀錄保存三年。\n')
			.replace('作業流程。', '作業流程與紀錄。');
		expect(diffVersions(blocksOf(V1), blocksOf(after)).counts).toEqual({ changed: 2, added: 1, removed: 1, same: 2 });
	});

	it('diffs an empty version against a full one as all added, and back as all removed', () => {
		expect(diffVersions([], blocksOf(V1)).counts).toEqual({ changed: 0, added: 5, removed: 0, same: 0 });
		expect(diffVersions(blocksOf(V1), []).counts).toEqual({ changed: 0, added: 0, removed: 5, same: 0 });
	});
});
