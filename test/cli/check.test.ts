import { describe, expect, it } from 'vitest';
import { runScript } from './run.ts';

const REFS = { PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-refs', PORTAL_TODAY: '2025-01-15' };
const FILE = 'test/fixtures/corpus-refs/ISMS-M-001/1.0.mdx';
/** One finding per break in the fixture, at the line and column where it is written. */
const EXPECTED = [
	['10:5', 'frontmatter/unknown-control'],
	['16:14', 'ref/unknown-document'],
	['17:11', 'ref/title-mismatch'],
	['18:25', 'ref/unknown-clause'],
	['19:16', 'ref/unknown-clause'],
	['20:16', 'ref/unknown-control'],
	['21:12', 'ref/withdrawn-document'],
	['22:13', 'ref/not-in-force'],
	['23:13', 'ref/not-in-force'],
	['24:14', 'ref/broken-link'],
];

// Each test starts a Node process: generous timeouts for a busy shared machine.
describe('npm run check', { timeout: 60_000 }, () => {
	it('reports one finding per broken reference like a linter and exits 1', () => {
		const result = runScript('check', [], REFS);
		expect(result.status).toBe(1);
		const lines = result.stdout.split('\n').filter((line) => line.startsWith(FILE));
		expect(lines.map((line) => line.split(/ {2}/))).toEqual(
			EXPECTED.map(([position, rule]) => [`${FILE}:${position}`, 'error', rule, expect.any(String)]),
		);
		expect(lines[2]).toContain('引用的名稱「資訊安全目標管考程序書」與 ISMS-P-005 的文件名稱「資訊安全目標管理程序書」不符');
		expect(lines[6]).toContain('已於民國113年6月1日廢止');
		expect(result.stdout).toMatch(/共 10 個錯誤、0 個警告（檢查 5 份文件、6 個版次，\d+ ms）/);
	});

	it('emits GitHub Actions annotations with --format github', () => {
		const result = runScript('check', ['--format', 'github'], REFS);
		expect(result.status).toBe(1);
		const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
		expect(annotations).toHaveLength(10);
		expect(annotations[1]).toMatch(/^::error file=test\/fixtures\/corpus-refs\/ISMS-M-001\/1\.0\.mdx,line=16,col=14,title=ref\/unknown-document::「ISMS-P-999」：找不到文件 ISMS-P-999/);
	});

	it('emits JSON for tools with --format json', () => {
		const result = runScript('check', ['--format', 'json'], REFS);
		const report = JSON.parse(result.stdout) as { problems: { rule: string; line: number }[]; summary: { error: number; warning: number } };
		expect(report.summary).toMatchObject({ error: 10, warning: 0, documents: 5, versions: 6 });
		expect(report.problems.map((p) => p.rule)).toEqual(EXPECTED.map(([, rule]) => rule));
	});

	it('passes a clean corpus with exit 0', () => {
		const result = runScript('check', [], { PORTAL_DOCUMENTS_DIR: 'test/fixtures/corpus-basic', PORTAL_TODAY: '2025-01-15' });
		expect(result.stdout).toContain('共 0 個錯誤、0 個警告');
		expect(result.status).toBe(0);
	});

	it('rejects an unknown format with a clear message', () => {
		const result = runScript('check', ['--format', 'xml'], REFS);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('--format 應為 text、github、json，收到「xml」');
	});
});
