import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PENDING_MARKER } from '../../src/lib/publish/build-record.ts';
import { runScript } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'index-search-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the search-index step (scripts/index-search.ts)', { timeout: 60_000 }, () => {
	it('refuses a build record that does not list the pages to index: one line, exit 1, no stack trace', () => {
		writeFileSync(join(dir, PENDING_MARKER), JSON.stringify({ duplicatePages: [] }));
		const result = runScript('index-search', [dir]);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('建置紀錄沒有列出要建立索引的頁面（searchPages）');
		expect(result.stderr).not.toMatch(/\n\s+at /u);
	});
});
