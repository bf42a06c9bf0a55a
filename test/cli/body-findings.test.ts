import { describe, expect, it } from 'vitest';
import { crashSigns, problemLines } from '../hostile-cases.ts';
import { BODY_FINDINGS, DIR, M001 } from '../body-findings.ts';
import { runScript } from './run.ts';

describe('npm run check on a body with every kind of finding beside broken references', { timeout: 60_000 }, () => {
	const result = runScript('check', [], { PORTAL_DOCUMENTS_DIR: DIR, PORTAL_TODAY: '2025-01-15' });
	const lines = problemLines(result.stdout);

	it('reports all of them in one run, each at its line and column, and exits 1 without a stack trace', () => {
		expect(lines.map((line) => line.split(/ {2}/).slice(0, 3))).toEqual(
			BODY_FINDINGS.map(([file, at, severity, rule]) => [
				at ? `${file}:${at}` : expect.stringMatching(new RegExp(`^${file}:\\d+:\\d+$`, 'u')),
				severity,
				rule,
			]),
		);
		expect(result.stdout).toMatch(/共 10 個錯誤、4 個警告（檢查 2 份文件、2 個版次，\d+ ms）/u);
		expect(crashSigns(result.stdout + result.stderr)).toEqual([]);
		expect(result.status).toBe(1);
	});

	it('names the document meant by each near miss, the standard of A.19.1.1, the invalid file, both clauses, the import', () => {
		const message = (at: string) => lines.find((line) => line.startsWith(`${M001}:${at} `))!.split(/ {2}/)[3];
		expect(message('19:9')).toContain('是否指 ISMS-P-001〈資訊資產管理程序書〉？');
		expect(message('21:9')).toBe(
			'「ISMS–P-001」不是正確的文件編號寫法（破折號或減號（應為半形連字號「-」）），不會連結也不會檢查；應寫作 ISMS-P-001。是否指 ISMS-P-001〈資訊資產管理程序書〉？',
		);
		expect(message('25:14')).toContain('ISO/IEC 27001:2013 附錄 A 沒有控制措施 A.19.1.1');
		expect(message('26:9')).toBe(
			`「ISMS-P-002」：文件 ISMS-P-002 的檔案本身有錯誤，無法讀取（${DIR}/ISMS-P-002/1.0.mdx）；請先修正該檔案（見該檔案的錯誤訊息），這個引用才能檢查`,
		);
		expect(message('28:21')).toContain('可能指 2 處：「壹、三、」、「參、」');
		expect(message('15:1')).toMatch(/^內文不得使用 import 陳述式/u);
		expect(message('30:1')).not.toMatch(/匯入|import/u);
		expect(message('32:1')).toContain('圖片「./assets/1.0/flow.png」不存在');
	});
});
