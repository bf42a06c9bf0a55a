import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { buildFixture } from './build.ts';

describe('the site build runs the same cross-reference checks', () => {
	const result = buildFixture('corpus-refs');

	it('fails on the broken-reference corpus with the same findings as npm run check, and no pages', () => {
		expect(result.status).toBe(1);
		const lines = result.stderr.split('\n').filter((line) => /\s{2}error\s{2}/.test(line));
		expect(lines.map((line) => line.split(/ {2}/).slice(0, 3).join(' '))).toEqual([
			'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx:10:5 error frontmatter/unknown-control',
			'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx:16:14 error ref/unknown-document',
			'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx:17:11 error ref/title-mismatch',
			'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx:18:25 error ref/unknown-clause',
			'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx:19:16 error ref/unknown-clause',
			'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx:20:16 error ref/unknown-control',
			'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx:21:12 error ref/withdrawn-document',
			'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx:22:13 error ref/not-in-force',
			'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx:23:13 error ref/not-in-force',
			'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx:24:14 error ref/broken-link',
		]);
		expect(result.files().filter((file) => file.endsWith('.html'))).toEqual([]);
	});
});

describe('rendered references and backlinks', () => {
	const site = buildFixture('corpus-basic');
	const policy = () => parse(site.read('documents/isms-m-001/index.html'));

	it('the build succeeds', () => {
		expect(site.status, site.stderr).toBe(0);
	});

	it('link a cited document to its permalink, the 「」 outside the link', () => {
		const link = policy().querySelector('a.ref--document[href="/documents/isms-p-005/"]');
		expect(link?.text).toBe('ISMS-P-005 資訊安全目標管理程序書');
		expect(link?.parentNode?.text).toContain('應依據「ISMS-P-005 資訊安全目標管理程序書」之相關規定辦理');
	});

	it('link clauses of the same document to their anchor and of another document to its permalink anchor', () => {
		const root = policy();
		expect(root.querySelector('a.ref--clause[href="#sec-6-4-2-9"]')?.text).toBe('第 6.4.2.9 節');
		expect(root.querySelector('#sec-6-4-2-9')).not.toBeNull();
		expect(root.querySelector('a.ref--clause[href="/documents/isms-p-005/#sec-1-1"]')?.text).toBe('第 1.1 節');
		expect(parse(site.read('documents/isms-p-005/index.html')).querySelector('#sec-1-1')).not.toBeNull();
	});

	it('render a document above the ceiling as its bare number, without its title or a link', () => {
		const clause = policy().querySelector('#sec-6-4-2-1')!;
		expect(clause.text).toContain('機房文件依「ISMS-R-001」辦理');
		expect(clause.querySelector('a')).toBeNull();
	});

	it('list the citing documents under 被引用於, one line each, with their clauses folded and counted', () => {
		const backlinks = parse(site.read('documents/isms-p-005/index.html')).querySelector('.backlinks')!;
		const lines = backlinks.querySelectorAll('.backlinks__list > li');
		expect(lines.map((li) => [li.getAttribute('data-doc-no'), li.getAttribute('data-count')])).toEqual([['ISMS-M-001', '2']]);
		expect(lines[0]!.querySelector(':scope > a')?.getAttribute('href')).toBe('/documents/isms-m-001/');
		expect(lines[0]!.querySelector(':scope > a')?.text.replace(/\s+/g, ' ').trim()).toBe('ISMS-M-001 資訊安全管理政策');
		expect(lines[0]!.querySelectorAll('details a').map((a) => [a.getAttribute('href'), a.text.trim()])).toEqual([
			['/documents/isms-m-001/#sec-4', '第 4 節'],
			['/documents/isms-m-001/#sec-6-4-2-9', '第 6.4.2.9 節'],
		]);
		expect(backlinks.querySelector('[data-backlinks-summary]')?.text).toBe('共 1 份文件、2 處引用。');
		expect(policy().querySelector('.backlinks')?.text).toContain('目前沒有其他現行文件引用本文件');
	});
});
