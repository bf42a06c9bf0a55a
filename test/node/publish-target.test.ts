/**
 * Issue 12 defects 11 and 12: a failed publish must not block the next one, and a target that cannot hold
 * a web site (a kernel file system, no write access, not a folder) fails at once with a clear message.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publish, type PublishFs } from '../../src/node/publish/index.ts';
import {
	at,
	build,
	bytesOf,
	cli,
	CLOCK,
	currentLink,
	newTarget,
	publishAt,
	refusal,
	releasesIn,
	ROOT,
	snapshot,
	T1,
	T2,
	T3,
	tempDir,
} from './_publish.ts';

/** copyFile on a disk that holds `budget()` bytes of releases under `target`: ENOSPC beyond it. */
function smallDisk(target: string, budget: () => number): Partial<PublishFs> {
	return {
		copyFile: (from, to) => {
			if (bytesOf(join(target, 'releases')) + statSync(from).size > budget()) {
				throw Object.assign(new Error(`ENOSPC: no space left on device, copyfile '${from}' -> '${to}'`), { code: 'ENOSPC' });
			}
			copyFileSync(from, to);
		},
	};
}

describe('after a failed publish', () => {
	it('a full disk: the next publish removes the leftover first and succeeds in the space it freed', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		const used = bytesOf(join(target, 'releases'));
		const second = build('二');
		const size = bytesOf(second);
		expect(refusal(() => publish({ source: second, target, now: at(CLOCK[T2]!), fs: smallDisk(target, () => used + size - 1) }))).toMatch(
			/^發布中斷：ENOSPC: no space left on device, copyfile .*\ncurrent 未變更；未完成的 releases\/20261125T211000Z\.partial 會在下次發布開始時清除。$/,
		);
		expect(releasesIn(target)).toEqual([T1, `${T2}.partial`]);
		expect(bytesOf(join(target, 'releases'))).toBeGreaterThan(used);

		// Space for exactly one more release: enough only once the leftover is gone.
		const third = build('三');
		const result = publish({ source: third, target, now: at(CLOCK[T3]!), fs: smallDisk(target, () => used + bytesOf(third)) });
		expect(result.cleaned).toEqual([`releases/${T2}.partial`]);
		expect(releasesIn(target)).toEqual([T1, T3]);
		expect(snapshot(join(target, 'current'))).toEqual(snapshot(third));
	});

	it('the CLI says what it cleaned up', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		mkdirSync(join(target, 'releases', `${T2}.partial`, 'documents'), { recursive: true });
		const result = cli(['--target', target, '--source', build('二')]);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`已清除先前中斷的發布留下的：releases/${T2}.partial\n`);
	});
});

describe('a target that cannot hold a web site', () => {
	it.each(['/proc/isms-portal', '/proc/self/isms-portal', '/sys/isms-portal', '/dev/isms-portal', '/dev/shm/isms-portal'])(
		'%s is refused within seconds, nothing written',
		(target) => {
			const started = Date.now();
			const result = cli(['--target', target, '--source', build('一')], { timeout: 60_000 });
			expect(Date.now() - started).toBeLessThan(15_000);
			expect(result.status).toBe(1);
			expect(result.stderr).toMatch(
				new RegExp(
					`^發布目的地 ${target} 位於 /(proc|sys|dev) 特殊檔案系統（/(proc|sys|dev)），不是網頁伺服器的資料夾：不發布。請以 --target 指定一般資料夾，例如 /srv/isms-portal。\\n$`,
				),
			);
			expect(existsSync(target)).toBe(false);
		},
	);

	it('refuses a rollback on /proc as fast', () => {
		const result = cli(['--target', '/proc/isms-portal', '--rollback'], { timeout: 60_000 });
		expect([result.status, result.stderr.startsWith('發布目的地 /proc/isms-portal 位於 /proc 特殊檔案系統')]).toEqual([1, true]);
	});

	it('refuses a target that is a file, or below a file', () => {
		const file = join(tempDir(), 'site.txt');
		writeFileSync(file, '');
		expect(refusal(() => publish({ source: build('一'), target: file }))).toBe(
			`發布目的地 ${file} 已存在但不是資料夾：不發布。請以 --target 指定資料夾。`,
		);
		expect(refusal(() => publish({ source: build('一'), target: join(file, 'portal') }))).toBe(
			`發布目的地 ${join(file, 'portal')} 的上層路徑中有不是資料夾的檔案：不發布。請以 --target 指定資料夾。`,
		);
	});

	describe('without write access', () => {
		// As root (CI), the CLI runs as `nobody`, for whom a root-owned folder is read-only; otherwise the folder is made read-only.
		const asRoot = process.getuid?.() === 0;
		const nobody = { uid: 65534, gid: 65534 };
		const canRunAsNobody =
			!asRoot ||
			spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(ROOT, 'scripts/publish.ts'))})`], nobody)
				.status === 0;

		function readOnlyFolder(): string {
			const dir = tempDir();
			chmodSync(dir, asRoot ? 0o755 : 0o555);
			return dir;
		}
		const run = (args: string[]) => cli(args, { timeout: 60_000, ...(asRoot ? nobody : {}) });
		function readableBuild(): string {
			const source = build('一');
			chmodSync(source, 0o755);
			return source;
		}

		it.skipIf(!canRunAsNobody)('refuses an existing folder it cannot write to, within seconds', () => {
			const target = readOnlyFolder();
			const started = Date.now();
			const result = run(['--target', target, '--source', readableBuild()]);
			expect(Date.now() - started).toBeLessThan(15_000);
			expect([result.status, result.stderr]).toEqual([
				1,
				`沒有寫入發布目的地 ${target} 的權限：不發布。請以有權寫入網頁伺服器資料夾的帳號執行，或請系統管理者開放寫入權限。\n`,
			]);
		});

		it.skipIf(!canRunAsNobody)('refuses a new folder in a parent it cannot write to', () => {
			const parent = readOnlyFolder();
			const target = join(parent, 'isms-portal');
			const result = run(['--target', target, '--source', readableBuild()]);
			expect([result.status, result.stderr]).toEqual([
				1,
				`沒有寫入發布目的地 ${parent}（將在其中建立 ${target}）的權限：不發布。請以有權寫入網頁伺服器資料夾的帳號執行，或請系統管理者開放寫入權限。\n`,
			]);
			expect(existsSync(target)).toBe(false);
		});
	});

	it('publishes into an ordinary folder that exists already (created by the administrator)', () => {
		const target = tempDir();
		publish({ source: build('一'), target, now: at(CLOCK[T1]!) });
		expect(currentLink(target)).toBe(`releases/${T1}`);
		expect(readFileSync(join(target, 'current', 'index.html'), 'utf8')).toBe('<h1>資安文件入口網 一</h1>');
	});
});
