/**
 * What publishing and rolling back share: the target's lock, and switching `current` to a release
 * atomically (a new symlink renamed over it).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_LINK, PublishError, RELEASES_DIR, temporaryLinkName } from '../../lib/publish/releases.ts';
import { messageOf, type PublishFs } from './fs.ts';
import { acquireLock, DEFAULT_WAIT_MS, type Lock, type LockHolder } from './lock.ts';

/** What tests (and the command line) may replace or observe. */
export interface Hooks {
	/** Replacements for some file-system calls (tests). */
	fs?: Partial<PublishFs>;
	/** Names the temporary symlink `current.tmp-<pid>` and the lock's holder; default process.pid. */
	pid?: number;
	/** How long to wait for another publish of the same target; default 5 minutes, 0 refuses at once. */
	waitMs?: number;
	/** Whether a process of this machine runs (stale locks); tests replace it. */
	isAlive?: (pid: number) => boolean;
	/** Called once if another publish holds the target and this one starts waiting for it. */
	onWait?: (holder: LockHolder | null) => void;
}

/** Takes the target's lock for `command` (publish, rollback), waiting as `options` say. */
export function takeLock(target: string, command: string, options: Hooks): Lock {
	return acquireLock(target, {
		waitMs: options.waitMs ?? DEFAULT_WAIT_MS,
		pid: options.pid ?? process.pid,
		command,
		...(options.isAlive ? { isAlive: options.isAlive } : {}),
		...(options.onWait ? { onWait: options.onWait } : {}),
	});
}

/**
 * Points `<target>/current` at `releases/<release>` atomically: a new relative symlink
 * `current.tmp-<pid>` renamed over `current`. On failure the temporary link is removed and `current` is unchanged.
 */
export function switchCurrent(target: string, release: string, fs: PublishFs, pid: number): string {
	const link = `${RELEASES_DIR}/${release}`;
	const temporary = join(target, temporaryLinkName(pid));
	rmSync(temporary, { force: true });
	fs.symlink(link, temporary);
	try {
		fs.rename(temporary, join(target, CURRENT_LINK));
	} catch (error) {
		rmSync(temporary, { force: true });
		throw new PublishError(`切換 current 失敗（current 未變更）：${messageOf(error)}`, { cause: error });
	}
	fs.fsync(target);
	return link;
}
