/**
 * One publish (or rollback) at a time per target: `<target>/.publish.lock`, created with O_EXCL and
 * holding who took it. A second publish waits for it (up to `waitMs`, then refuses with the holder's
 * details); a lock left by a process of this machine that no longer runs is removed and reported.
 * The lock file is beside `current`, outside what the web server serves.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PublishError } from '../../lib/publish/releases.ts';
import { isCode, messageOf } from './fs.ts';

export const LOCK_FILE = '.publish.lock';
/** Default wait for another publish of the same target to finish. */
export const DEFAULT_WAIT_MS = 300_000;
/** A lock file still empty this long after it was created was left by a process that died while creating it. */
const EMPTY_LOCK_STALE_MS = 30_000;
const POLL_MS = 100;
/** The break lock is held for a few system calls; one this old was left by a process that died holding it. */
const BREAK_STALE_MS = 10_000;

export interface LockHolder {
	pid: number;
	host: string;
	/** ISO time the lock was taken. */
	since: string;
	/** `publish` or `rollback`. */
	command: string;
}

export interface LockOptions {
	/** How long to wait for another holder; 0 refuses at once. */
	waitMs: number;
	pid: number;
	command: string;
	/** Whether a process of this machine still runs; tests replace it. */
	isAlive?: (pid: number) => boolean;
	/** Called once when the lock is held by another and this publish starts waiting. */
	onWait?: (holder: LockHolder | null) => void;
}

export interface Lock {
	/** The holder of a stale lock this one replaced, if any. */
	replaced: LockHolder | null;
	release(): void;
}

export function acquireLock(target: string, options: LockOptions): Lock {
	const path = join(target, LOCK_FILE);
	const isAlive = options.isAlive ?? processIsAlive;
	const me: LockHolder = { pid: options.pid, host: hostname(), since: new Date().toISOString(), command: options.command };
	const isStale = (found: FoundLock) =>
		found.holder ? found.holder.host === me.host && !isAlive(found.holder.pid) : Date.now() - found.mtimeMs > EMPTY_LOCK_STALE_MS;
	const deadline = Date.now() + options.waitMs;
	let replaced: LockHolder | null = null;
	let waiting = false;
	for (;;) {
		const ino = tryCreate(path, me);
		if (ino !== null) return { replaced, release: () => releaseLock(path, ino) };
		const found = readLock(path);
		if (found === null) continue; // released meanwhile: try again at once
		if (isStale(found)) {
			const removed = removeStale(path, isStale);
			if (removed === 'busy') sleep(POLL_MS);
			else if (removed) replaced = removed.holder ?? { pid: 0, host: '?', since: new Date(removed.mtimeMs).toISOString(), command: '?' };
			continue;
		}
		const remaining = deadline - Date.now();
		if (remaining <= 0) throw new PublishError(busyMessage(target, path, found.holder, options.waitMs));
		if (!waiting) options.onWait?.(found.holder);
		waiting = true;
		sleep(Math.min(POLL_MS, remaining));
	}
}

/** Creates the lock file with our details; its inode, or null when another holds it. */
function tryCreate(path: string, me: LockHolder): number | null {
	let fd: number;
	try {
		fd = openSync(path, 'wx');
	} catch (error) {
		if (isCode(error, 'EEXIST')) return null;
		throw new PublishError(`無法建立發布鎖定檔 ${path}：${messageOf(error)}`, { cause: error });
	}
	try {
		writeSync(fd, `${JSON.stringify(me)}\n`);
		closeSync(fd);
	} catch (error) {
		closeSync(fd);
		unlinkSync(path);
		throw new PublishError(`無法寫入發布鎖定檔 ${path}：${messageOf(error)}`, { cause: error });
	}
	return statSync(path).ino;
}

interface FoundLock {
	holder: LockHolder | null;
	mtimeMs: number;
}

function readLock(path: string): FoundLock | null {
	try {
		const { mtimeMs } = statSync(path);
		let holder: LockHolder | null = null;
		try {
			const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
			if (Number.isInteger(value.pid) && typeof value.host === 'string') holder = value as LockHolder;
		} catch (error) {
			if (isCode(error, 'ENOENT')) return null;
			holder = null;
		}
		return { holder, mtimeMs };
	} catch (error) {
		if (isCode(error, 'ENOENT')) return null;
		throw error;
	}
}

/**
 * Removes a stale lock file. Breakers take turns through a second, short-lived lock file (`.break`): while
 * one holds it, the stale lock is read again and removed only if still stale. Nobody else can replace it
 * meanwhile — its owner is gone, no new lock can be created while it exists, and other breakers wait — so
 * two publishes that find the same stale lock never remove each other's new one. A `.break` file older than
 * BREAK_STALE_MS was left by a process that died within those few system calls and is removed.
 */
function removeStale(path: string, isStale: (found: FoundLock) => boolean): FoundLock | false | 'busy' {
	const breakPath = `${path}.break`;
	try {
		closeSync(openSync(breakPath, 'wx'));
	} catch (error) {
		if (!isCode(error, 'EEXIST')) throw error;
		try {
			if (Date.now() - statSync(breakPath).mtimeMs > BREAK_STALE_MS) unlinkSync(breakPath);
		} catch (inner) {
			if (!isCode(inner, 'ENOENT')) throw inner;
		}
		return 'busy';
	}
	try {
		const found = readLock(path);
		if (found === null || !isStale(found)) return false;
		unlinkSync(path);
		return found;
	} finally {
		unlinkSync(breakPath);
	}
}

function releaseLock(path: string, ino: number): void {
	try {
		if (statSync(path).ino === ino) unlinkSync(path);
	} catch (error) {
		if (!isCode(error, 'ENOENT')) throw error;
	}
}

function busyMessage(target: string, path: string, holder: LockHolder | null, waitMs: number): string {
	const who = holder ? `程序 ${holder.pid}（主機 ${holder.host}，${holder.command}，開始於 ${holder.since}）` : '另一個程序';
	return `發布目的地 ${target} 正由${who}發布中，等候 ${Math.round(waitMs / 1000)} 秒仍未結束：不發布，current 未變更。請稍後再試；若確定沒有發布作業在執行，請刪除 ${path} 後重試。`;
}

/** Whether a process of this machine runs (signal 0 checks without sending anything). */
export function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return !isCode(error, 'ESRCH');
	}
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this (synchronous) publish while another holds the lock. */
function sleep(ms: number): void {
	Atomics.wait(sleeper, 0, 0, ms);
}
