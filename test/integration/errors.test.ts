import { describe, expect, it } from 'vitest';
import { guarded, PortalBuildError, problemsError, quietDirectives, reportProblems, siteSettings } from '../../src/integration/errors.ts';
import { FileFailure } from '../../src/lib/failure.ts';

describe('errors: a build stops with one list of problems, the way Astro expects', () => {
	it('is an Error without a stack (Astro prints a stack only when there is one), whose message is the whole report', () => {
		const error = new PortalBuildError(['a.mdx:1:1  error  x/y  訊息'], '共 1 個錯誤、0 個警告');
		expect(error).toBeInstanceOf(Error);
		expect(error.stack).toBe('');
		expect(error.message).toBe('a.mdx:1:1  error  x/y  訊息\n\n共 1 個錯誤、0 個警告；建置中止，未輸出任何頁面。');
		expect(error.lines).toEqual(['a.mdx:1:1  error  x/y  訊息']);
	});

	it('lists problems sorted, one line each, with the count', () => {
		const error = problemsError([
			{ file: 'b.mdx', line: 2, column: 1, severity: 'warning', rule: 'r/w', message: '警告' },
			{ file: 'a.mdx', line: 9, column: 3, severity: 'error', rule: 'r/e', message: '錯誤' },
		]);
		expect(error.lines).toEqual(['a.mdx:9:3  error  r/e  錯誤', 'b.mdx:2:1  warning  r/w  警告']);
		expect(error.message).toContain('共 1 個錯誤、1 個警告；建置中止，未輸出任何頁面。');
	});

	it('turns an unforeseen exception into one line naming the file (請回報), the stack only with PORTAL_DEBUG=1', () => {
		const boom = () =>
			guarded(
				'建置',
				() => {
					throw new FileFailure('content/documents/ISMS-M-001/1.0.mdx', new TypeError('boom'));
				},
				{},
			);
		expect(boom).toThrow(PortalBuildError);
		try {
			boom();
		} catch (error) {
			const lines = (error as PortalBuildError).lines;
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(
				/^content\/documents\/ISMS-M-001\/1\.0\.mdx:1:1 {2}error {2}internal\/error {2}建置時處理此檔案發生未預期的錯誤（TypeError：boom）；.*請將此訊息回報/,
			);
			expect((error as Error).stack).toBe('');
		}
		try {
			guarded(
				'建置',
				() => {
					throw new Error('deep');
				},
				{ PORTAL_DEBUG: '1' },
			);
		} catch (error) {
			expect((error as PortalBuildError).lines[1]).toMatch(/^Error: deep\n\s+at /);
		}
		// A problem list passes through as it is.
		const listed = new PortalBuildError(['x'], 'y');
		expect(() =>
			guarded(
				'建置',
				() => {
					throw listed;
				},
				{},
			),
		).toThrow(listed);
		expect(guarded('建置', () => 42, {})).toBe(42);
	});

	it('refuses a bad PORTAL_SITE_URL with one line naming the variable', () => {
		expect(() => siteSettings({ PORTAL_SITE_URL: 'isms.example' })).toThrow(
			/^\(環境變數\) {2}error {2}config\/env {2}PORTAL_SITE_URL 應為網站的完整網址/,
		);
		expect(siteSettings({ PORTAL_SITE_URL: 'https://isms.example.gov.tw', PORTAL_BASE_PATH: '/portal/' })).toEqual({
			site: 'https://isms.example.gov.tw',
			base: '/portal/',
		});
	});
});

describe('reportProblems: how each command reports an analysis', () => {
	const problems = [
		{ file: 'b.mdx', line: 2, column: 1, severity: 'warning' as const, rule: 'r/w', message: '警告' },
		{ file: 'a.mdx', line: 9, column: 3, severity: 'error' as const, rule: 'r/e', message: '錯誤' },
	];
	const logger = () => {
		const lines: string[] = [];
		return { lines, error: (line: string) => lines.push(`error: ${line}`), warn: (line: string) => lines.push(`warn: ${line}`) };
	};

	it("a build with errors throws the one list; a passing build prints nothing (warnings are npm run check's)", () => {
		const log = logger();
		expect(() => reportProblems(problems, 'build', log)).toThrow(PortalBuildError);
		reportProblems([problems[0]!], 'build', log);
		expect(log.lines).toEqual([]);
	});

	it('astro dev logs each problem sorted, errors as errors and warnings as warnings, and goes on', () => {
		const log = logger();
		reportProblems(problems, 'dev', log);
		expect(log.lines).toEqual(['error: a.mdx:9:3  error  r/e  錯誤', 'warn: b.mdx:2:1  warning  r/w  警告']);
	});
});

describe('quietDirectives: the build log filter', () => {
	it('drops the bundler warning about the directive Astro adds to MDX modules, and passes everything else on', () => {
		const passed: unknown[] = [];
		const handler = (_level: string, log: unknown) => passed.push(log);
		quietDirectives(
			'warn',
			{ code: 'MODULE_LEVEL_DIRECTIVE', message: 'Module level directives cause errors when bundled, "astro:head-inject" in …' },
			handler,
		);
		const other = { code: 'MODULE_LEVEL_DIRECTIVE', message: 'Module level directives cause errors when bundled, "use client" in …' };
		const unrelated = { code: 'CIRCULAR_DEPENDENCY', message: 'astro:head-inject' };
		quietDirectives('warn', other, handler);
		quietDirectives('warn', unrelated, handler);
		expect(passed).toEqual([other, unrelated]);
	});
});
