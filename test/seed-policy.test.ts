import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const seedPath = resolve(import.meta.dirname, 'fixtures/seeds/ISMS-M-001-1.0.txt');
const mdxPath = resolve(import.meta.dirname, '../content/documents/ISMS-M-001/1.0.mdx');

const seedRaw = readFileSync(seedPath, 'utf8');
const mdxRaw = readFileSync(mdxPath, 'utf8');

const EXPECTED_FRONTMATTER = `---
docNo: ISMS-M-001
title: 資訊安全管理政策
version: "1.0"
tier: 1
classification: 公開
effective: 2020-10-16
issuedBy: 資通安全處理小組
approvedBy: 資通安全長
owner: 資通安全處理小組
reviewEveryMonths: 12
controls:
  - A.5.1.1
  - A.5.1.2
changes: 初版發行。
---
`;

const PAGE_HEADER_ORG = '臺 北 市 政 府 警 察 局';
const PAGE_HEADER_EN = 'TAIPEI CITY POLICE DEPARTMENT R.O.C.';
const COVER_START = '## 管理系統文件';
const COVER_END = '版 次\t1.0';

/** Strip a leading Markdown heading marker and/or list marker from one line. */
function stripMarkers(line: string): string {
	return line.replace(/^\s*#+\s*/, '').replace(/^\s*-\s+/, '');
}

/** Seed body lines: cover block and repeated page headers dropped, markers stripped. */
function seedBodyLines(raw: string): string[] {
	const lines = raw.replace(/\r\n/g, '\n').split('\n');
	const start = lines.indexOf(COVER_START);
	if (start < 0) throw new Error('cover block start not found in seed');
	const end = lines.indexOf(COVER_END, start);
	if (end < 0) throw new Error('cover block end not found in seed');
	const withoutCover = [...lines.slice(0, start), ...lines.slice(end + 1)];
	return withoutCover
		.filter((line) => !line.startsWith('文件編號\t') && !line.startsWith('機密等級\t'))
		.map(stripMarkers)
		.filter((line) => line.trim() !== PAGE_HEADER_ORG && line.trim() !== PAGE_HEADER_EN);
}

function splitFrontmatter(raw: string): { frontmatter: string; body: string } {
	const m = /^---\n[\s\S]*?\n---\n/.exec(raw);
	if (!m) throw new Error('MDX frontmatter not found');
	return { frontmatter: m[0], body: raw.slice(m[0].length) };
}

const squash = (lines: string[]): string => lines.join('').replace(/\s+/g, '');

/** Context around the first index where a and b differ, or null if equal. */
function firstDiff(a: string, b: string, radius = 40): { index: number; a: string; b: string } | null {
	if (a === b) return null;
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	const from = Math.max(0, i - radius);
	return { index: i, a: a.slice(from, i + radius), b: b.slice(from, i + radius) };
}

const ALLOWED_ADDITION = '6.3.1.1';
const ALLOWED_ADDITION_BEFORE = '過程簡要說明';

const seedLines = seedBodyLines(seedRaw);
const { frontmatter, body: mdxBody } = splitFrontmatter(mdxRaw);
const mdxLines = mdxBody.split('\n');

describe('ISMS-M-001 1.0 MDX is faithful to its seed', () => {
	it('has the expected frontmatter', () => {
		expect(frontmatter).toBe(EXPECTED_FRONTMATTER);
	});

	it('body text equals the seed text (ignoring whitespace and Markdown markers)', () => {
		const seedText = squash(seedLines);
		const marked = squash(mdxLines.map(stripMarkers));
		const addition = ALLOWED_ADDITION + ALLOWED_ADDITION_BEFORE;
		expect(marked.split(addition).length - 1, 'allowed addition 6.3.1.1 appears exactly once').toBe(1);
		const mdxText = marked.replace(addition, ALLOWED_ADDITION_BEFORE);

		const diff = firstDiff(seedText, mdxText);
		if (diff) {
			expect(diff.b, `MDX differs from seed at index ${diff.index}`).toBe(diff.a);
		}
		expect(mdxText.length).toBe(seedText.length);
		expect(mdxText === seedText).toBe(true);
	});

	it('contains no page header remnants', () => {
		for (const banned of [PAGE_HEADER_ORG, 'TAIPEI CITY POLICE', '頁次']) {
			expect(mdxRaw.includes(banned), `MDX must not contain ${banned}`).toBe(false);
		}
	});

	it('every seed clause number starts exactly one heading or list item', () => {
		const seedNumbers = seedLines.map((line) => /^(\d+(?:\.\d+)+)\s/.exec(line)?.[1]).filter((n): n is string => n !== undefined);
		expect(seedNumbers.length).toBeGreaterThan(100);

		// `(?:\.\d+)*` rather than `+` so top-level headings such as `## 1. 目的` are captured as `1`.
		const counts = new Map<string, number>();
		for (const line of mdxLines) {
			const n = /^\s*(?:#+|-)\s+(\d+(?:\.\d+)*)\.?\s/.exec(line)?.[1];
			if (n !== undefined) counts.set(n, (counts.get(n) ?? 0) + 1);
		}

		for (const n of seedNumbers) {
			expect(counts.get(n) ?? 0, `clause ${n} should start exactly one MDX heading/list line`).toBe(1);
		}
		for (const [n, c] of counts) {
			expect(c, `clause ${n} appears ${c} times in MDX`).toBe(1);
		}

		const topLevel = Array.from({ length: 12 }, (_, i) => String(i + 1));
		const expected = new Set([...seedNumbers, ALLOWED_ADDITION, ...topLevel]);
		const sortKey = (s: string) =>
			s
				.split('.')
				.map((p) => p.padStart(3, '0'))
				.join('.');
		const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
		expect(sorted(counts.keys())).toEqual(sorted(expected));
	});

	it('rejoins sentences broken across pages', () => {
		expect(mdxBody).toMatch(/應評估複委託業務/);
		expect(mdxBody).toMatch(/契約義務及社會環境/);
	});

	it('nests child clauses under their parent list items', () => {
		const indentOf = (num: string): number => {
			const re = new RegExp(`^( *)- ${num.replace(/\./g, '\\.')} `);
			const hits = mdxLines.filter((line) => re.test(line));
			expect(hits.length, `exactly one list item for ${num}`).toBe(1);
			return re.exec(hits[0]!)![1]!.length;
		};
		expect(indentOf('9.3.2.3.1')).toBeGreaterThan(indentOf('9.3.2.3'));
		expect(indentOf('9.3.2.3')).toBeGreaterThan(indentOf('9.3.2'));
		expect(indentOf('6.3.3.1.1')).toBeGreaterThan(indentOf('6.3.3.1'));
		expect(indentOf('2.2.1')).toBeGreaterThan(indentOf('2.2'));
		expect(indentOf('9.2.3.1')).toBeGreaterThan(indentOf('9.2.3'));
		expect(indentOf('6.3.1.1.1')).toBeGreaterThan(indentOf('6.3.1.1'));
		expect(indentOf('6.3.1.2')).toBe(indentOf('6.3.1.1'));
	});
});
