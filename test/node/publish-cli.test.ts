import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, bytesOf, cli, currentLink, newTarget, RECORD, snapshot } from './_publish.ts';

describe('npm run publish (CLI)', () => {
	it.each([
		[[], '請以 --target 指定發布目錄。'],
		[['--target', '/nonexistent', '--keep', '0'], '--keep 應為 1 以上的整數，收到「0」。'],
		[['--target', '/nonexistent', '--wait', 'soon'], '--wait 應為 0 以上的整數秒數，收到「soon」。'],
		[['--target', '/nonexistent', '--rollback', '--list'], '--rollback 與 --list 不能同時使用。'],
		[['--target', '/nonexistent', '--to', '20261125T210501Z'], '--to 只能與 --rollback 一起使用。'],
		[['--target', '/nonexistent', '--list', '--keep', '3'], '--keep 只用於發布，不能與 --rollback 或 --list 一起使用。'],
		[['--target', '/nonexistent', '--rollback', '--audience', 'public'], '--audience 只用於發布，不能與 --rollback 或 --list 一起使用。'],
		[['--verify-audience', 'public', '--target', '/nonexistent'], '--verify-audience 只檢查建置紀錄，不能與 --target 一起使用。'],
		[['--target', '/nonexistent', '--bogus'], "Unknown option '--bogus'"],
	])('exits 2 on bad usage: %j', (args, message) => {
		const result = cli(args);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain(message);
		expect(result.stderr).toContain('用法：npm run publish -- --target <目錄>');
		expect(result.stdout).toBe('');
	});

	it('refuses an unknown audience with exit 1 and the choices', () => {
		const result = cli(['--target', newTarget(), '--source', build('一'), '--audience', 'everyone']);
		expect([result.status, result.stderr]).toEqual([
			1,
			'--audience 應為 public、internal、restricted、confidential（或 公開、內部使用、限閱、機密），收到「everyone」。\n',
		]);
	});

	it('publishes, lists and refuses with exit codes 0 and 1, without stack traces', () => {
		const source = build('一');
		const target = newTarget();
		const published = cli(['--target', target, '--source', source]);
		expect(published.stderr).toBe('');
		expect(published.status).toBe(0);
		const match =
			/^已發布 releases\/(\d{8}T\d{6}Z)：5 個檔案（(\d+) B），建置於 2026-11-25T20:51:50\.994Z（發布上限 內部使用（internal））。\ncurrent → releases\/\1\n此發布目的地的讀者範圍已設定為 內部使用（internal）（記錄於 \.portal-target\.json）。\n$/.exec(
				published.stdout,
			);
		expect(match, published.stdout).not.toBeNull();
		expect(Number(match![2])).toBe(bytesOf(source));
		expect(currentLink(target)).toBe(`releases/${match![1]}`);
		expect(snapshot(join(target, 'current'))).toEqual(snapshot(source));

		const listed = cli(['--target', target, '--list']);
		expect([listed.status, listed.stdout]).toEqual([
			0,
			`讀者範圍：內部使用（internal）\n* ${match![1]}  建置於 ${RECORD.builtAt}（發布上限 內部使用（internal））  ← current\n`,
		]);

		const refused = cli(['--target', target, '--source', build('未完成', null)]);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(
			/^\S+ 沒有建置紀錄 \.portal-build\.json：建置未完成或未通過檢查，不發布。請執行 npm run build 並修正所有錯誤。\n$/,
		);

		const oldest = cli(['--target', target, '--rollback']);
		expect([oldest.status, oldest.stderr]).toEqual([1, `current 已是最舊的版本 ${match![1]}，沒有更早的版本可回復。\n`]);
		expect(currentLink(target)).toBe(`releases/${match![1]}`);
	});

	it('reads the build from PORTAL_OUT_DIR when --source is not given (as npm run build writes it)', () => {
		const source = build('環境變數');
		const target = newTarget();
		const result = cli(['--target', target], { env: { ...process.env, PORTAL_OUT_DIR: source } });
		expect([result.status, result.stderr]).toEqual([0, '']);
		expect(snapshot(join(target, 'current'))).toEqual(snapshot(source));
	});

	it('lists a target never published to', () => {
		const target = newTarget();
		expect(cli(['--target', target, '--list'])).toEqual({ status: 0, stdout: `${target} 尚未發布任何版本。\n`, stderr: '' });
	});
});
