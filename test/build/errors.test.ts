import { describe, expect, it } from 'vitest';
import { buildFixture } from './build.ts';

describe('a build over documents with frontmatter errors', () => {
	const result = buildFixture('corpus-invalid');
	const lines = result.stderr.split('\n').filter((line) => /\s{2}error\s{2}/.test(line));

	it('fails with a non-zero exit, and writes no pages', () => {
		expect(result.status).toBe(1);
		expect(result.files().filter((file) => file.endsWith('.html'))).toEqual([]);
	});

	it('prints one clear line per problem naming the file, line:column, field and value, and no stack trace', () => {
		expect(lines).toHaveLength(5);
		expect(lines[0]).toMatch(
			/^test\/fixtures\/corpus-invalid\/ISMS-M-001\/1\.0\.mdx:6:17 {2}error {2}frontmatter\/invalid-value {2}classification（機密等級）的值「secret」無效；應為 public、internal、restricted、confidential，或 公開、內部使用、限閱、機密$/,
		);
		expect(lines[1]).toMatch(
			/^test\/fixtures\/corpus-invalid\/ISMS-P-002\/1\.0\.mdx:\d+:\d+ {2}error {2}frontmatter\/missing-field {2}缺少必填欄位 title（文件名稱）/,
		);
		expect(lines[2]).toMatch(
			/^test\/fixtures\/corpus-invalid\/ISMS-P-003\/1\.0\.mdx:2:8 {2}error {2}layout\/docno-mismatch {2}.*「ISMS-P-030」.*「ISMS-P-003」/,
		);
		expect(lines[3]).toMatch(
			/^test\/fixtures\/corpus-invalid\/ISMS-P-004\/1\.0\.mdx:8:1 {2}error {2}frontmatter\/unknown-field {2}未知的欄位「reviewer」/,
		);
		// Invalid MDX in a body is caught before Astro compiles it: where, and what to write instead.
		expect(lines[4]).toMatch(
			/^test\/fixtures\/corpus-invalid\/ISMS-P-006\/1\.0\.mdx:12:11 {2}error {2}mdx\/syntax {2}MDX 語法錯誤：.*請改用全形〈〉｛｝/,
		);
		expect(result.stderr).toContain('共 5 個錯誤、0 個警告');
		expect(result.stderr + result.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
	});
});
