/**
 * A corpus at the limits of src/lib/limits.ts, generated at test time (a 512 KB file does not
 * belong in git): every limit reached exactly, by text a renderer must still build.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS } from '../../src/lib/limits.ts';

const frontmatter = (docNo: string, title: string) =>
	`---\ndocNo: ${docNo}\ntitle: ${title}\nversion: "1.0"\ntier: 2\nclassification: internal\neffective: 2024-01-01\nchanges: ${'修'.repeat(LIMITS.changes)}\n---\n`;

/** Nesting at the limit in every form, and a paragraph with as many emphasis marks as allowed. */
export function nestedBody(): string {
	const n = LIMITS.nesting;
	return [
		'## 1. 巢狀清單',
		'',
		...Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- 1.${i + 1} 第 ${i + 1} 層`),
		'',
		'## 2. 巢狀引言',
		'',
		`${'>'.repeat(n)} 最深的引言`,
		'',
		'## 3. 巢狀元素與強調',
		'',
		`${'<span>'.repeat(n / 2)}${'**'.repeat(n / 2)}最深的強調${'**'.repeat(n / 2)}${'</span>'.repeat(n / 2)}`,
		'',
		'## 4. 強調符號',
		'',
		Array.from({ length: LIMITS.inlineMarks / 4 }, (_, i) => `**重點${i}**`).join('、'),
		'',
	].join('\n');
}

/** A body of realistic clauses filling the size limit, with what the frontmatter leaves. */
export function largeBody(frontmatterBytes: number): string {
	const budget = LIMITS.fileBytes - frontmatterBytes;
	const lines: string[] = [];
	let bytes = 0;
	for (let i = 0; ; i++) {
		const section = Math.floor(i / 50) + 1;
		const line =
			i % 50 === 0
				? `\n## ${section}. 第 ${section} 章\n`
				: `- ${section}.${i % 50} 本局應依資通安全管理法及其施行細則，訂定並落實本項管理措施，並定期檢討。`;
		const size = Buffer.byteLength(line) + 1;
		if (bytes + size > budget) break;
		lines.push(line);
		bytes += size;
	}
	const body = `${lines.join('\n')}\n`;
	const left = budget - Buffer.byteLength(body);
	return body + '。'.repeat(Math.floor(left / 3)) + '.'.repeat(left % 3);
}

/** A body of short lines filling the line limit: paragraphs and list items in sections. */
export function longBody(frontmatterLines: number): string {
	const lines: string[] = [];
	for (let i = 0; lines.length < LIMITS.lines - frontmatterLines; i++) {
		lines.push(i % 500 === 0 ? `## ${i / 500 + 1}. 章` : i % 2 === 0 ? '- 項' : '');
	}
	return lines.join('\n');
}

/**
 * Writes the corpus into `<root>/<dir>`: ISMS-M-001 nested to the limits (and the longest title and
 * 修訂說明), ISMS-P-001 of exactly the largest size, ISMS-P-002 of exactly the most lines.
 */
export function writeLimitsCorpus(root: string, dir: string): void {
	const base = join(root, dir);
	rmSync(base, { recursive: true, force: true });
	const write = (docNo: string, text: string) => {
		mkdirSync(join(base, docNo), { recursive: true });
		writeFileSync(join(base, docNo, '1.0.mdx'), text);
	};
	write('ISMS-M-001', frontmatter('ISMS-M-001', '甲'.repeat(LIMITS.title)) + nestedBody());
	const large = frontmatter('ISMS-P-001', '大型程序書');
	write('ISMS-P-001', large + largeBody(Buffer.byteLength(large)));
	const long = frontmatter('ISMS-P-002', '長篇程序書');
	write('ISMS-P-002', long + longBody(long.split('\n').length - 1));
}
