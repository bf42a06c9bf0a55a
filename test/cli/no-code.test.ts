import { describe, expect, it } from 'vitest';
import { runScript } from './run.ts';

/** test/fixtures/corpus-code: one document per way a body could run code or load from elsewhere. */
const CASES: [doc: string, position: string, rule: string, says: string][] = [
	['ISMS-C-001', '10:1', 'mdx/esm', '內文不得使用 import 陳述式'],
	['ISMS-C-002', '10:1', 'mdx/esm', '內文不得使用 export 陳述式'],
	['ISMS-C-003', '12:1', 'mdx/html', '文件內文不允許 <script>（會執行程式碼）'],
	['ISMS-C-004', '12:11', 'mdx/html', '<img> 的 onerror 屬性是事件處理程式'],
	['ISMS-C-005', '12:9', 'mdx/url', '連結網址「javascript:alert(document.cookie)」不允許'],
	['ISMS-C-006', '12:1', 'mdx/html', '文件內文不允許 <style>'],
	['ISMS-C-006', '12:8', 'mdx/expression', '會被當成程式運算式執行'],
	['ISMS-C-007', '12:7', 'mdx/html', '<span> 的 style 屬性不允許'],
	['ISMS-C-008', '12:1', 'mdx/html', '文件內文不允許 <iframe>'],
	['ISMS-C-009', '12:1', 'mdx/url', '圖片路徑「../../../../../../../../../../../../etc/hostname?raw」不允許'],
	['ISMS-C-010', '12:1', 'mdx/component', '元件 <Note> 不是入口網提供的元件'],
	['ISMS-C-011', '12:7', 'mdx/url', '連結網址「java\\u0009script:alert(1)」不允許'],
	['ISMS-C-012', '12:1', 'mdx/syntax', '文件內文不支援 HTML 註解'],
	['ISMS-C-013', '12:7', 'mdx/expression', '<span> 的 title={process.env.HOME} 會被當成程式運算式執行'],
	['ISMS-C-014', '12:1', 'mdx/html', '文件內文不允許 <base>'],
	['ISMS-C-015', '14:1', 'mdx/url', '連結網址「data:text/html;base64,'],
	// Above the publication ceiling and a draft: not published, still checked.
	['ISMS-C-016', '10:1', 'mdx/esm', '內文不得使用 export 陳述式'],
	['ISMS-C-017', '13:1', 'mdx/html', '文件內文不允許 <object>'],
];

describe('npm run check on bodies that would run code', () => {
	it('reports each at its line and column, in Traditional Chinese, and exits 1', () => {
		const result = runScript('check', [], { PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-code', PORTAL_TODAY: '2025-01-15' });
		expect(result.status).toBe(1);
		const lines = result.stdout.split('\n').filter((line) => line.startsWith('test/fixtures/corpus-code/'));
		expect(lines.map((line) => line.split(/ {2}/).slice(0, 3))).toEqual(
			CASES.map(([doc, position, rule]) => [`test/fixtures/corpus-code/${doc}/1.0.mdx:${position}`, 'error', rule]),
		);
		lines.forEach((line, i) => expect(line).toContain(CASES[i]![3]));
		expect(result.stdout).toContain(`共 ${CASES.length} 個錯誤、0 個警告`);
		expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
	});
});
