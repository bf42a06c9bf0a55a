import { describe, it, expect } from 'vitest';
import { countBySeverity, formatProblem, hasErrors, sortProblems, summarizeProblems, type Problem } from '../../src/lib/problems.ts';

const problem = (
	file: string,
	line: number,
	column: number,
	rule = 'frontmatter/invalid-value',
	severity: Problem['severity'] = 'error',
): Problem => ({
	file,
	line,
	column,
	severity,
	rule,
	message: '訊息',
});

describe('formatProblem', () => {
	it('prints path:line:col, severity, rule and message separated by two spaces', () => {
		expect(
			formatProblem({
				file: 'content/documents/ISMS-M-001/1.0.mdx',
				line: 6,
				column: 17,
				severity: 'error',
				rule: 'frontmatter/invalid-value',
				message: 'classification（機密等級）的值「secret」無效',
			}),
		).toBe('content/documents/ISMS-M-001/1.0.mdx:6:17  error  frontmatter/invalid-value  classification（機密等級）的值「secret」無效');
	});

	it('prints warnings the same way', () => {
		expect(formatProblem(problem('a.mdx', 1, 1, 'ref/unknown', 'warning'))).toBe('a.mdx:1:1  warning  ref/unknown  訊息');
	});
});

describe('sortProblems', () => {
	it('orders by file, then line, then column, then rule', () => {
		const input = [
			problem('b.mdx', 1, 1),
			problem('a.mdx', 10, 1),
			problem('a.mdx', 2, 5, 'z/rule'),
			problem('a.mdx', 2, 5, 'a/rule'),
			problem('a.mdx', 2, 1),
			problem('a.mdx', 9, 30),
		];
		expect(sortProblems(input).map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual([
			'a.mdx:2:1 frontmatter/invalid-value',
			'a.mdx:2:5 a/rule',
			'a.mdx:2:5 z/rule',
			'a.mdx:9:30 frontmatter/invalid-value',
			'a.mdx:10:1 frontmatter/invalid-value',
			'b.mdx:1:1 frontmatter/invalid-value',
		]);
	});

	it('compares line and column as numbers', () => {
		const sorted = sortProblems([problem('a.mdx', 10, 1), problem('a.mdx', 9, 1), problem('a.mdx', 9, 10), problem('a.mdx', 9, 2)]);
		expect(sorted.map((p) => [p.line, p.column])).toEqual([
			[9, 1],
			[9, 2],
			[9, 10],
			[10, 1],
		]);
	});

	it('returns a new array and leaves the input alone', () => {
		const input = [problem('b.mdx', 1, 1), problem('a.mdx', 1, 1)];
		const sorted = sortProblems(input);
		expect(sorted).not.toBe(input);
		expect(input.map((p) => p.file)).toEqual(['b.mdx', 'a.mdx']);
	});
});

describe('counting and summary', () => {
	const problems = [problem('a', 1, 1), problem('b', 1, 1), problem('c', 1, 1, 'x', 'warning')];

	it('counts by severity', () => {
		expect(countBySeverity(problems)).toEqual({ error: 2, warning: 1 });
		expect(countBySeverity([])).toEqual({ error: 0, warning: 0 });
	});

	it('summarises in Traditional Chinese', () => {
		expect(summarizeProblems(problems)).toBe('共 2 個錯誤、1 個警告');
		expect(summarizeProblems([])).toBe('共 0 個錯誤、0 個警告');
	});

	it('hasErrors is true only when an error is present', () => {
		expect(hasErrors(problems)).toBe(true);
		expect(hasErrors([problem('c', 1, 1, 'x', 'warning')])).toBe(false);
		expect(hasErrors([])).toBe(false);
	});
});
