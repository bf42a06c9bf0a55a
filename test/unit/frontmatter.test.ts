import { describe, it, expect } from 'vitest';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';

/** The line of `source` (1-based) on which `body` starts must hold the body's first line. */
function expectBodyAt(source: string, split: { body: string; bodyLine: number }) {
	const fileLines = source.split(/\r?\n/);
	const firstBodyLine = split.body.split(/\r?\n/)[0];
	expect(fileLines[split.bodyLine - 1]).toBe(firstBodyLine);
	expect(source.endsWith(split.body)).toBe(true);
}

const POLICY = [
	'---', // 1
	'docNo: ISMS-M-001', // 2
	'title: 資訊安全管理政策', // 3
	'version: "1.0"', // 4
	'tier: 1', // 5
	'controls:', // 6
	'  - A.5.1.1', // 7
	'  - A.5.1.2', // 8
	'---', // 9
	'## 1. 目的', // 10
	'', // 11
	'- 1.1 確保資訊資產之機密性。', // 12
	'',
].join('\n');

describe('splitFrontmatter: a well-formed file', () => {
	const split = splitFrontmatter(POLICY);

	it('parses the YAML mapping', () => {
		expect(split.errors).toEqual([]);
		expect(split.data).toEqual({
			docNo: 'ISMS-M-001',
			title: '資訊安全管理政策',
			version: '1.0',
			tier: 1,
			controls: ['A.5.1.1', 'A.5.1.2'],
		});
	});

	it('returns the body after the closing --- and the file line it starts on', () => {
		expect(split.body).toBe('## 1. 目的\n\n- 1.1 確保資訊資產之機密性。\n');
		expect(split.bodyLine).toBe(10);
		expectBodyAt(POLICY, split);
	});

	it('keeps a blank line after the closing --- in the body, starting on that line', () => {
		const source = '---\ndocNo: ISMS-M-001\n---\n\n## 1. 目的\n';
		const blank = splitFrontmatter(source);
		expect(blank.body).toBe('\n## 1. 目的\n');
		expect(blank.bodyLine).toBe(4);
		expectBodyAt(source, blank);
	});

	it('handles CRLF line endings', () => {
		const source = POLICY.replace(/\n/g, '\r\n');
		const crlf = splitFrontmatter(source);
		expect(crlf.errors).toEqual([]);
		expect(crlf.data).toEqual(split.data);
		expect(crlf.bodyLine).toBe(10);
		expect(crlf.body).toBe('## 1. 目的\r\n\r\n- 1.1 確保資訊資產之機密性。\r\n');
		expect(crlf.positionOf(['controls', 1])).toEqual({ line: 8, column: 5 });
	});

	it('accepts trailing blanks on the --- lines', () => {
		const source = '---  \ndocNo: ISMS-M-001\n--- \t\nbody\n';
		const trailing = splitFrontmatter(source);
		expect(trailing.errors).toEqual([]);
		expect(trailing.data).toEqual({ docNo: 'ISMS-M-001' });
		expect(trailing.body).toBe('body\n');
		expect(trailing.bodyLine).toBe(4);
	});

	it('gives an empty body when the file ends at the closing ---', () => {
		const ends = splitFrontmatter('---\ndocNo: ISMS-M-001\n---');
		expect(ends.errors).toEqual([]);
		expect(ends.body).toBe('');
		expect(ends.bodyLine).toBe(4);
	});

	it('stops at the first --- line: a later --- belongs to the body', () => {
		const source = '---\ndocNo: ISMS-M-001\n---\n正文\n\n---\n\n附錄\n';
		const later = splitFrontmatter(source);
		expect(later.data).toEqual({ docNo: 'ISMS-M-001' });
		expect(later.body).toBe('正文\n\n---\n\n附錄\n');
		expect(later.bodyLine).toBe(4);
	});

	it('reads YAML 1.2: an unquoted date stays a string and an unquoted 1.10 becomes the number 1.1', () => {
		const yaml = splitFrontmatter('---\neffective: 2020-10-16\nversion: 1.10\n---\n');
		expect(yaml.data).toEqual({ effective: '2020-10-16', version: 1.1 });
	});
});

describe('splitFrontmatter: positionOf', () => {
	const split = splitFrontmatter(POLICY);

	it('points at the value of a key by default', () => {
		expect(split.positionOf(['docNo'])).toEqual({ line: 2, column: 8 });
		expect(split.positionOf(['version'])).toEqual({ line: 4, column: 10 });
		expect(split.positionOf(['tier'], 'value')).toEqual({ line: 5, column: 7 });
	});

	it('points at the key itself with target "key"', () => {
		expect(split.positionOf(['docNo'], 'key')).toEqual({ line: 2, column: 1 });
		expect(split.positionOf(['controls'], 'key')).toEqual({ line: 6, column: 1 });
	});

	it('points at a list item by index', () => {
		expect(split.positionOf(['controls', 0])).toEqual({ line: 7, column: 5 });
		expect(split.positionOf(['controls', 1])).toEqual({ line: 8, column: 5 });
	});

	it('points at the start of a block list for the list value', () => {
		expect(split.positionOf(['controls'])).toEqual({ line: 7, column: 3 });
	});

	it('points at the key of an empty value', () => {
		const empty = splitFrontmatter('---\ndocNo: ISMS-M-001\ntitle:\n---\n');
		expect(empty.data).toEqual({ docNo: 'ISMS-M-001', title: null });
		expect(empty.positionOf(['title'], 'key')).toEqual({ line: 3, column: 1 });
		expect(empty.positionOf(['title']).line).toBe(3);
	});

	it('falls back to the start of the frontmatter for a missing key', () => {
		// Current behaviour: the mapping's first line (line 2), not line 1 as the doc comment says.
		expect(split.positionOf(['owner'])).toEqual({ line: 2, column: 1 });
		expect(split.positionOf(['owner'], 'key')).toEqual({ line: 2, column: 1 });
	});

	it('falls back to the list itself for a list index that does not exist', () => {
		expect(split.positionOf(['controls', 5])).toEqual(split.positionOf(['controls']));
	});

	it('is 1:1 when there is no frontmatter', () => {
		expect(splitFrontmatter('no frontmatter').positionOf(['docNo'])).toEqual({ line: 1, column: 1 });
	});
});

describe('splitFrontmatter: errors', () => {
	it('reports a missing opening --- at 1:1 and returns the whole file as body', () => {
		const source = 'docNo: ISMS-M-001\n---\n正文\n';
		const split = splitFrontmatter(source);
		expect(split.data).toBeUndefined();
		expect(split.body).toBe(source);
		expect(split.bodyLine).toBe(1);
		expect(split.errors).toHaveLength(1);
		expect(split.errors[0]).toMatchObject({ line: 1, column: 1 });
		expect(split.errors[0]!.message).toContain('---');
	});

	it('requires --- on the very first line', () => {
		const split = splitFrontmatter('\n---\ndocNo: ISMS-M-001\n---\n');
		expect(split.data).toBeUndefined();
		expect(split.errors).toHaveLength(1);
		expect(split.errors[0]).toMatchObject({ line: 1, column: 1 });
	});

	it('reports a missing closing --- at 1:1', () => {
		const split = splitFrontmatter('---\ndocNo: ISMS-M-001\ntitle: 資訊安全管理政策\n\n## 1. 目的\n');
		expect(split.data).toBeUndefined();
		expect(split.errors).toHaveLength(1);
		expect(split.errors[0]).toMatchObject({ line: 1, column: 1 });
		expect(split.errors[0]!.message).toContain('---');
	});

	it('does not take ---- or a --- inside a line as the closing line', () => {
		const split = splitFrontmatter('---\ndocNo: ISMS-M-001\ntitle: a --- b\n----\n');
		expect(split.data).toBeUndefined();
		expect(split.errors).toHaveLength(1);
		expect(split.errors[0]).toMatchObject({ line: 1, column: 1 });
	});

	it('reports a YAML syntax error at its 1-based file line and column', () => {
		const split = splitFrontmatter('---\ndocNo: ISMS-M-001\ntitle: a: b\nversion: "1.0"\n---\nbody\n');
		expect(split.data).toBeUndefined();
		expect(split.errors).toHaveLength(1);
		expect(split.errors[0]).toMatchObject({ line: 3, column: 8 });
		expect(split.errors[0]!.message).toContain('YAML');
		// The body is still located, for callers that go on.
		expect(split.body).toBe('body\n');
		expect(split.bodyLine).toBe(6);
	});

	it('reports a tab used as indentation on its line', () => {
		const split = splitFrontmatter('---\ndocNo: ISMS-M-001\ncontrols:\n\t- A.5.1.1\n---\n');
		expect(split.data).toBeUndefined();
		expect(split.errors).toHaveLength(1);
		expect(split.errors[0]).toMatchObject({ line: 4, column: 1 });
	});

	it('reports an unterminated quote on the line it opens', () => {
		const split = splitFrontmatter('---\ndocNo: ISMS-M-001\ntitle: "資訊安全\nversion: "1.0"\n---\n');
		expect(split.data).toBeUndefined();
		expect(split.errors.length).toBeGreaterThan(0);
		expect(split.errors[0]!.line).toBe(3);
	});

	it('reports a duplicate key at the second occurrence', () => {
		const split = splitFrontmatter('---\ndocNo: ISMS-M-001\ntitle: 甲\nversion: "1.0"\n\ntitle: 乙\n---\n');
		expect(split.data).toBeUndefined();
		expect(split.errors).toHaveLength(1);
		expect(split.errors[0]).toMatchObject({ line: 6, column: 1 });
		expect(split.errors[0]!.message).toMatch(/重複/);
	});

	// AUTHORING.md: every violation "names the file, the field, the value"; the duplicate-key message
	// (src/lib/frontmatter.ts:111) says only 欄位重複出現 without naming which field.
	it('names the duplicated field in the message', () => {
		const split = splitFrontmatter('---\ndocNo: ISMS-M-001\ntitle: 甲\nversion: "1.0"\n\ntitle: 乙\n---\n');
		expect(split.errors[0]!.message).toContain('title');
	});

	it.each([
		['a list', '---\n- docNo\n- title\n---\n'],
		['a scalar', '---\n資訊安全管理政策\n---\n'],
		['empty', '---\n---\n'],
	])('rejects frontmatter that is %s, not a mapping, at line 2', (_label, source) => {
		const split = splitFrontmatter(source);
		expect(split.data).toBeUndefined();
		expect(split.errors).toHaveLength(1);
		expect(split.errors[0]).toMatchObject({ line: 2, column: 1 });
	});
});
