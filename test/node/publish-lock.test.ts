/**
 * Issue 12 defect 10: concurrent publishes of one target. A lock makes them take turns (waiting a bounded
 * time, then refusing); a lock left by a dead process is removed; success is only reported when `current`
 * serves the complete new release.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publish } from '../../src/node/publish/index.ts';
import {
	at,
	build,
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
	TARGET_ENTRIES,
	type CliResult,
} from './_publish.ts';

const LOCK = '.publish.lock';

function writeLock(target: string, holder: { pid: number; host?: string }): string {
	const path = join(target, LOCK);
	writeFileSync(
		path,
		JSON.stringify({ pid: holder.pid, host: holder.host ?? hostname(), since: '2026-11-25T21:00:00.000Z', command: 'publish' }),
	);
	return path;
}

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
	return Number(child.stdout);
}

/** `npm run publish -- …` as a real process; `onStderr` sees its error output as it comes. */
function run(args: string[], onStderr: (text: string) => void = () => {}): Promise<CliResult> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, ['scripts/publish.ts', ...args], { cwd: ROOT });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
			onStderr(stderr);
		});
		child.on('error', fail);
		child.on('close', (status) => done({ status, stdout, stderr }));
	});
}

describe('concurrent publishes', () => {
	it(
		'six real processes with --keep 1 take turns: each reports success only with current on its complete release',
		{ timeout: 180_000 },
		async () => {
			const target = newTarget();
			publishAt(target, T1, '起始');
			// A lock left by a publish that was killed: all six find it at once and must not break each other's.
			writeLock(target, { pid: deadPid() });
			const sources = Array.from({ length: 6 }, (_, index) => build(`同時${index}`, undefined, 100));
			const violations: string[] = [];
			let running = true;
			const watch = (async () => {
				while (running) {
					// What the web server sees at any moment: current, a symlink to a complete release.
					if (!lstatSync(join(target, 'current')).isSymbolicLink() || !existsSync(join(target, 'current', '.portal-build.json'))) {
						violations.push(`current → ${currentLink(target)} is not a complete release`);
					}
					await new Promise((resolve) => setTimeout(resolve, 2));
				}
			})();
			const results = await Promise.all(sources.map((source) => run(['--target', target, '--source', source, '--keep', '1'])));
			running = false;
			await watch;

			expect(
				results.map((result) => [result.status, result.stderr.replace(/^發布目的地 .*使用中，等候其結束（最多 300 秒）…\n/gm, '')]),
			).toEqual(Array(6).fill([0, '']));
			expect(violations).toEqual([]);
			const released = results.map((result) => /^已發布 releases\/(\S+)：/.exec(result.stdout)![1]!);
			expect(new Set(released).size).toBe(6);
			// The newest release is the only one kept, current serves it, and it is a byte-for-byte copy of its build.
			const newest = [...released].sort().at(-1)!;
			expect(releasesIn(target)).toEqual([newest]);
			expect(currentLink(target)).toBe(`releases/${newest}`);
			expect(snapshot(join(target, 'current'))).toEqual(snapshot(sources[released.indexOf(newest)]!));
			expect(readdirSync(target).sort()).toEqual(TARGET_ENTRIES);
			expect(results.filter((result) => result.stdout.includes('留下的發布鎖定'))).toHaveLength(1);
		},
	);

	it('waits for a publish in progress, says so, and goes on when it ends', { timeout: 60_000 }, async () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		const lock = writeLock(target, { pid: process.pid });
		const source = build('二');
		const result = await run(['--target', target, '--source', source], (stderr) => {
			if (stderr.includes('等候其結束')) rmSync(lock, { force: true });
		});
		expect(result.stderr).toBe(
			`發布目的地 ${target} 正由程序 ${process.pid}（主機 ${hostname()}，開始於 2026-11-25T21:00:00.000Z）使用中，等候其結束（最多 300 秒）…\n`,
		);
		expect(result.status).toBe(0);
		expect(snapshot(join(target, 'current'))).toEqual(snapshot(source));
	});

	it('refuses after --wait seconds when the other publish does not end, changing nothing', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		const lock = writeLock(target, { pid: process.pid });
		const before = snapshot(target);
		const started = Date.now();
		const result = cli(['--target', target, '--source', build('二'), '--wait', '1']);
		expect(Date.now() - started).toBeLessThan(30_000);
		expect(result.status).toBe(1);
		expect(result.stderr.split('\n').at(-2)).toBe(
			`發布目的地 ${target} 正由程序 ${process.pid}（主機 ${hostname()}，publish，開始於 2026-11-25T21:00:00.000Z）發布中，等候 1 秒仍未結束：不發布，current 未變更。請稍後再試；若確定沒有發布作業在執行，請刪除 ${lock} 後重試。`,
		);
		expect(snapshot(target)).toEqual(before);
		expect(cli(['--target', target, '--rollback', '--wait', '0']).stderr).toContain('等候 0 秒仍未結束');
	});
});

describe('stale locks', () => {
	it('removes the lock of a process of this machine that no longer runs, and says so', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		const pid = deadPid();
		writeLock(target, { pid });
		const result = publishAt(target, T2, '二');
		expect(result.staleLock).toMatchObject({ pid, host: hostname() });
		expect(currentLink(target)).toBe(`releases/${T2}`);
		expect(existsSync(join(target, LOCK))).toBe(false);
	});

	it('never removes the lock of another machine (a shared folder): it waits, then refuses', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		writeLock(target, { pid: 12345, host: 'web-02.intranet' });
		expect(refusal(() => publishAt(target, T2, '二', { waitMs: 0, isAlive: () => false }))).toContain(
			'正由程序 12345（主機 web-02.intranet，publish，',
		);
	});

	it('removes a lock file left empty long ago (a process killed while taking it) and a stale break lock', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		const long = new Date(Date.now() - 120_000);
		for (const name of [LOCK, `${LOCK}.break`]) {
			writeFileSync(join(target, name), '');
			utimesSync(join(target, name), long, long);
		}
		expect(publish({ source: build('二'), target, now: at(CLOCK[T2]!), waitMs: 0 }).release).toBe(T2);
		expect(readdirSync(target).sort()).toEqual(TARGET_ENTRIES);
	});
});
