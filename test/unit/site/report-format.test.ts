import { describe, it, expect } from 'vitest';
import type { Problem } from '../../../src/lib/problems.ts';
import { formatReport } from '../../../src/lib/site/report-format.ts';

const stats = { documents: 3, versions: 5, ms: 12.6 };
const error: Problem = {
	file: 'content/documents/ISMS-M-001/1.0.mdx',
	line: 16,
	column: 14,
	severity: 'error',
	rule: 'ref/unknown-document',
	message: '「ISMS-P-999」：找不到文件 ISMS-P-999',
};
const warning: Problem = {
	file: 'content/documents/ISMS-P-005/1.0.mdx',
	line: 3,
	column: 1,
	severity: 'warning',
	rule: 'ref/withdrawn-document',
	message: '已廢止',
};

describe('formatReport: text', () => {
	it('prints one line per problem, a blank line, then the summary', () => {
		expect(formatReport([error, warning], 'text', stats)).toBe(
			[
				'content/documents/ISMS-M-001/1.0.mdx:16:14  error  ref/unknown-document  「ISMS-P-999」：找不到文件 ISMS-P-999',
				'content/documents/ISMS-P-005/1.0.mdx:3:1  warning  ref/withdrawn-document  已廢止',
				'',
				'共 1 個錯誤、1 個警告（檢查 3 份文件、5 個版次，13 ms）',
				'',
			].join('\n'),
		);
	});

	it('prints only the summary when there is nothing to report', () => {
		expect(formatReport([], 'text', { documents: 0, versions: 0, ms: 0.4 })).toBe(
			'共 0 個錯誤、0 個警告（檢查 0 份文件、0 個版次，0 ms）\n',
		);
	});
});

describe('formatReport: github', () => {
	it('prints one workflow command per problem, then the summary', () => {
		expect(formatReport([error, warning], 'github', stats)).toBe(
			[
				'::error file=content/documents/ISMS-M-001/1.0.mdx,line=16,col=14,title=ref/unknown-document::「ISMS-P-999」：找不到文件 ISMS-P-999',
				'::warning file=content/documents/ISMS-P-005/1.0.mdx,line=3,col=1,title=ref/withdrawn-document::已廢止',
				'共 1 個錯誤、1 個警告（檢查 3 份文件、5 個版次，13 ms）',
				'',
			].join('\n'),
		);
	});

	it('escapes %, CR and LF in the message, and also : and , in properties', () => {
		const tricky: Problem = {
			file: 'C:/docs/a,b%.mdx',
			line: 1,
			column: 2,
			severity: 'error',
			rule: 'x:y,z%',
			message: '100% 完成: a,b\r\n第二行',
		};
		const [line] = formatReport([tricky], 'github', stats).split('\n');
		expect(line).toBe('::error file=C%3A/docs/a%2Cb%25.mdx,line=1,col=2,title=x%3Ay%2Cz%25::100%25 完成: a,b%0D%0A第二行');
	});
});

describe('formatReport: json', () => {
	it('is parseable JSON holding the problems and the counts', () => {
		const output = formatReport([error, warning, { ...error, line: 17 }], 'json', stats);
		expect(output.endsWith('}\n')).toBe(true);
		expect(JSON.parse(output)).toEqual({
			problems: [error, warning, { ...error, line: 17 }],
			summary: { error: 2, warning: 1, documents: 3, versions: 5, ms: 12.6 },
		});
	});

	it('holds an empty list when there is nothing to report', () => {
		expect(JSON.parse(formatReport([], 'json', stats))).toEqual({
			problems: [],
			summary: { error: 0, warning: 0, documents: 3, versions: 5, ms: 12.6 },
		});
	});
});

describe('formatReport: codequality (GitLab)', () => {
	it('is a JSON array of Code Quality issues: description, check_name, fingerprint, severity, location', () => {
		const issues = JSON.parse(formatReport([error, warning], 'codequality', stats)) as Record<string, unknown>[];
		expect(issues).toEqual([
			{
				description: '「ISMS-P-999」：找不到文件 ISMS-P-999',
				check_name: 'ref/unknown-document',
				fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
				severity: 'major',
				location: { path: 'content/documents/ISMS-M-001/1.0.mdx', lines: { begin: 16 } },
			},
			{
				description: '已廢止',
				check_name: 'ref/withdrawn-document',
				fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
				severity: 'minor',
				location: { path: 'content/documents/ISMS-P-005/1.0.mdx', lines: { begin: 3 } },
			},
		]);
	});

	it('gives each finding its own fingerprint, the same in every run', () => {
		const fingerprints = (problems: Problem[]) =>
			(JSON.parse(formatReport(problems, 'codequality', stats)) as { fingerprint: string }[]).map((issue) => issue.fingerprint);
		const variants = [
			error,
			{ ...error, line: 17 },
			{ ...error, column: 15 },
			{ ...error, message: '另一則' },
			{ ...error, file: 'x.mdx' },
			warning,
		];
		expect(new Set(fingerprints(variants)).size).toBe(variants.length);
		expect(fingerprints([error])).toEqual(fingerprints([error]));
	});

	it('is an empty array when there is nothing to report (no summary line: the file must stay JSON)', () => {
		expect(formatReport([], 'codequality', stats)).toBe('[]\n');
	});
});
