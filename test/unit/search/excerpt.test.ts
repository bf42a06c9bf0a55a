import { describe, expect, it } from 'vitest';
import { buildExcerpt, escapeHtml } from '../../../src/lib/search/excerpt.ts';

describe('buildExcerpt', () => {
	it('builds the excerpt from the real text, escaped, every match marked, never cut in two', () => {
		const text = `${'前'.repeat(50)}<b>管理 審查</b>之輸入及管理審查之輸出${'後'.repeat(100)}`;
		const excerpt = buildExcerpt(text, ['管理審查']);
		expect(excerpt).toContain('&lt;b&gt;<mark>管理 審查</mark>&lt;/b&gt;之輸入及<mark>管理審查</mark>之輸出');
		expect(excerpt.startsWith('…')).toBe(true);
		expect(excerpt.endsWith('…')).toBe(true);
		expect(excerpt).not.toContain('<b>');
		expect(buildExcerpt('A 管理審查 B', ['管理審查'], undefined, 2, 3)).toBe('A <mark>管理審查</mark>…');
	});

	it('leaves no markup of the page in the result: only <mark> is HTML', () => {
		const text = "\"><img src=x onerror=alert(1)> 通行碼 & 'x'";
		const html = buildExcerpt(text, ['通行碼', 'img']);
		expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/);
		expect(html).toContain('<mark>通行碼</mark>');
		expect(escapeHtml(`<a href="x">'</a>&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&lt;/a&gt;&amp;');
	});
});
