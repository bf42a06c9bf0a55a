import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runScript } from './run.ts';

/** A content tree with only the 2013 soa.yaml (and one document), copied under test/.tmp for each case. */
const TMP = 'test/.tmp/cli-soa-migrate';
function tree(name: string): Record<string, string> {
	const dir = `${TMP}/${name}`;
	rmSync(join(ROOT, dir), { recursive: true, force: true });
	mkdirSync(join(ROOT, dir), { recursive: true });
	cpSync(join(ROOT, 'test/fixtures/soa-migrate'), join(ROOT, dir), { recursive: true });
	return {
		PORTAL_SOA_FILE: `${dir}/soa.yaml`,
		PORTAL_SOA_DIR: `${dir}/soa`,
		PORTAL_DOCUMENTS_DIR: `${dir}/documents`,
		PORTAL_TODAY: '2026-11-25',
	};
}
afterAll(() => rmSync(join(ROOT, TMP), { recursive: true, force: true }));

describe('npm run soa:migrate', { timeout: 180_000 }, () => {
	it('writes content/soa/2.0.yaml from the 2013 SoA in force, then npm run check passes and the report lists the open work', () => {
		const env = tree('basic');
		const result = runScript('soa-migrate', ['--to', '2022'], env);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(
			`已寫入 ${env.PORTAL_SOA_DIR}/2.0.yaml：適用性聲明書第 2.0 版（ISO/IEC 27001:2022），由第 1.2 版（ISO/IEC 27001:2013）移轉，民國115年11月25日生效。`,
		);
		expect(result.stdout).toContain('更名 58 項');
		expect(result.stdout).toContain('合併 24 項');
		expect(result.stdout).toContain('新增 11 項');
		const written = readFileSync(join(ROOT, env.PORTAL_SOA_DIR!, '2.0.yaml'), 'utf8');
		expect(written).toContain('catalogue: "2022"');
		expect(readFileSync(join(ROOT, env.PORTAL_SOA_FILE!), 'utf8')).toBe(
			readFileSync(join(ROOT, 'test/fixtures/soa-migrate/soa.yaml'), 'utf8'),
		);

		const check = runScript('check', [], env);
		expect(check.stdout).toMatch(/共 0 個錯誤/);
		expect(check.status).toBe(0);

		const report = runScript('report', [], env);
		expect(report.status).toBe(0);
		expect(report.stdout).toContain('適用性聲明書：ISO/IEC 27001:2022 附錄 A，第 2.0 版');
		expect(report.stdout).toContain('待評估之控制措施（11）');
		expect(report.stdout).toContain('  A.5.7 威脅情資：規劃中');
		expect(report.stdout).toContain('仍使用舊版控制措施編號之文件（1）');
		expect(report.stdout).toContain('  ISMS-P-014 通行碼管理程序書：controls A.9.4.3；本文 A.9.4.3');
	});

	it('--version and --effective name the new version; it refuses to overwrite an existing one and writes nothing', () => {
		const env = tree('twice');
		const first = runScript('soa-migrate', ['--to', '2022', '--version', '2.1', '--effective', '2026-12-31'], env);
		expect(first.status).toBe(0);
		const file = join(ROOT, env.PORTAL_SOA_DIR!, '2.1.yaml');
		expect(readFileSync(file, 'utf8')).toContain('effective: 2026-12-31');
		const before = readFileSync(file, 'utf8');
		const again = runScript('soa-migrate', ['--to', '2022', '--version', '2.1'], env);
		expect(again.status).toBe(1);
		expect(again.stdout).toBe('');
		expect(again.stderr).toBe(
			`${env.PORTAL_SOA_DIR}/2.1.yaml:1:1  error  soa-migrate/exists  ${env.PORTAL_SOA_DIR}/2.1.yaml 已存在；soa:migrate 不覆寫既有檔案。請先檢視該檔，若要重新產生，請移除或改名後再執行，或以 --version 指定其他版次\n未寫入任何檔案。\n`,
		);
		expect(readFileSync(file, 'utf8')).toBe(before);
	});

	it('refuses a version that is not newer, and a SoA already on 2022', () => {
		const env = tree('older');
		const older = runScript('soa-migrate', ['--to', '2022', '--version', '1.1'], env);
		expect(older.status).toBe(1);
		expect(older.stderr).toContain('soa-migrate/version-not-newer  版次 1.1 不大於既有的第 1.2 版');
		expect(existsSync(join(ROOT, env.PORTAL_SOA_DIR!))).toBe(false);
		expect(runScript('soa-migrate', ['--to', '2022'], env).status).toBe(0);
		const again = runScript('soa-migrate', ['--to', '2022', '--version', '3.0'], env);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('soa-migrate/already-2022  生效中的適用性聲明書第 2.0 版已採 ISO/IEC 27001:2022，無需移轉');
	});

	it('explains bad arguments without a stack trace (exit 2)', () => {
		const env = tree('args');
		for (const args of [[], ['--to', '2013'], ['--to', '2022', '--effective', '2026-02-30'], ['--to', '2022', '--bogus']]) {
			const result = runScript('soa-migrate', args, env);
			expect(result.status, args.join(' ')).toBe(2);
			expect(result.stderr).toContain('用法：npm run soa:migrate -- --to 2022');
			expect(result.stderr).not.toMatch(/\n\s+at /);
		}
	});
});
