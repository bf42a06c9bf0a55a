/**
 * `npm run publish`: installs a passed build (`dist/` with its build record) in an intranet web server's
 * folder as a new release and switches the `current` symlink to it atomically; rolls back to an older one.
 *
 * The copy goes to `releases/<name>.partial/`, is fsynced and renamed to `releases/<name>/` only when
 * complete; `current` is switched by renaming a new symlink over it (rename(2) is atomic on POSIX), so the
 * web server sees either the old or the new release, never a half-copied one or no `current` at all.
 * Before anything is written: the target must be an ordinary, writable folder (location.ts) and set up for
 * the build's audience (src/lib/publish/audience.ts). Every change happens under the target's lock (lock.ts), which
 * first removes what a failed publish left behind. Switching `current` and the lock are shared with the
 * rollback (current.ts, rollback.ts).
 */
import { existsSync, mkdirSync, realpathSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import {
	checkBuildForAudience,
	checkSiteUrl,
	resolveTargetSetup,
	type RequestedSetup,
	type TargetSetup,
} from '../../lib/publish/audience.ts';
import { BUILD_MARKER, type BuildRecord } from '../../lib/publish/build-record.ts';
import type { Classification } from '../../lib/documents/classification.ts';
import {
	CURRENT_LINK,
	DEFAULT_KEEP,
	nextReleaseName,
	PARTIAL_SUFFIX,
	PublishError,
	RELEASES_DIR,
	releasesToPrune,
} from '../../lib/publish/releases.ts';
import { switchCurrent, takeLock, type Hooks } from './current.ts';
import { copyTree, messageOf, NODE_FS, syncTree, type PublishFs } from './fs.ts';
import { checkTargetLocation } from './location.ts';
import type { LockHolder } from './lock.ts';
import { checkUnchanged, readBuildRecord } from './source.ts';
import { checkCurrentIsLink, cleanLeftovers, readTargetSetup, releaseEntries, writeTargetSetup } from './target.ts';

export interface PublishOptions extends Hooks, RequestedSetup {
	/** The build output folder (`dist`). */
	source: string;
	/** The web server's folder (holds `releases/` and `current`). */
	target: string;
	/** How many releases to keep (the newest; `current` is never removed). Default 5. */
	keep?: number;
	/** The clock that names the release; default the system clock. */
	now?: () => Date;
}

export interface PublishResult {
	/** Name of the new release (`20261125T210501Z`). */
	release: string;
	/** Absolute path of the new release folder. */
	path: string;
	files: number;
	bytes: number;
	/** The build record copied with it. */
	record: BuildRecord;
	/** The target's audience, and whether this publish recorded it (the target's first publish). */
	setup: TargetSetup;
	setupRecorded: boolean;
	/** The release `current` pointed to before, if any. */
	previous: string | null;
	/** What `current` points to now: `releases/<release>`. */
	current: string;
	/** Leftovers of an earlier failed publish removed first (paths relative to the target). */
	cleaned: string[];
	/** The holder of a stale lock (a publish that died) that was removed. */
	staleLock: LockHolder | null;
	/** Old releases removed from `releases/` beyond `keep`. */
	pruned: string[];
	/** Folders that could not be removed (the publish itself succeeded). */
	pruneFailures: { name: string; message: string }[];
}

export function publish(options: PublishOptions): PublishResult {
	const { source, keep = DEFAULT_KEEP, now = () => new Date(), pid = process.pid } = options;
	const fs: PublishFs = { ...NODE_FS, ...options.fs };
	if (!Number.isInteger(keep) || keep < 1) throw new PublishError(`keep 應為 1 以上的整數，收到 ${keep}。`);
	const { record, text } = readBuildRecord(source);
	const { target, exists } = checkTargetLocation(options.target);
	checkPaths(source, target);
	const requested: RequestedSetup = { audience: options.audience, drafts: options.drafts };
	// Refused before anything is created; checked again under the lock (the setup may have been recorded meanwhile).
	checkAudience(record, exists ? readTargetSetup(target) : null, requested, target);
	checkCurrentIsLink(target);

	mkdirSync(target, { recursive: true });
	const lock = takeLock(target, 'publish', options);
	try {
		const { setup, isNew } = checkAudience(record, readTargetSetup(target), requested, target);
		const previousState = checkCurrentIsLink(target);
		const previous = previousState.kind === 'link' ? previousState.release : null;
		const cleaned = cleanLeftovers(target);
		if (isNew) writeTargetSetup(target, setup, now(), pid);

		const releases = join(target, RELEASES_DIR);
		mkdirSync(releases, { recursive: true });
		const release = nextReleaseName(releaseEntries(target), now());
		const partial = join(releases, `${release}${PARTIAL_SUFFIX}`);
		const final = join(releases, release);
		let copied: { files: number; bytes: number };
		try {
			copied = copyTree(source, partial, fs);
			checkUnchanged(source, text, partial);
			syncTree(partial, fs);
			fs.rename(partial, final);
			fs.fsync(releases);
		} catch (error) {
			throw new PublishError(
				`發布中斷：${messageOf(error)}\ncurrent 未變更；未完成的 ${RELEASES_DIR}/${release}${PARTIAL_SUFFIX} 會在下次發布開始時清除。`,
				{ cause: error },
			);
		}
		const current = switchCurrent(target, release, fs, pid);
		const pruning = pruneReleases(target, keep, release);
		checkServed(target, release);
		return {
			release,
			path: resolve(final),
			...copied,
			record,
			setup,
			setupRecorded: isNew,
			previous,
			current,
			cleaned,
			staleLock: lock.replaced,
			...pruning,
		};
	} finally {
		lock.release();
	}
}

function checkAudience(record: BuildRecord, recorded: TargetSetup | null, requested: RequestedSetup, target: string) {
	const resolved = resolveTargetSetup(recorded, requested, target);
	checkBuildForAudience(record, resolved.setup, `發布目的地 ${target} `, resolved.isNew);
	checkSiteUrl(record);
	return resolved;
}

/**
 * `npm run publish -- --verify-audience <level>`: refuses a build the audience may not see, without
 * publishing it (CI deploy steps to hosts that `npm run publish` does not install to, such as GitHub Pages).
 */
export function verifyAudience(source: string, audience: Classification): BuildRecord {
	const { record } = readBuildRecord(source);
	checkBuildForAudience(record, { audience, drafts: false }, '目標網站');
	checkSiteUrl(record);
	return record;
}

function checkPaths(source: string, target: string): void {
	const realSource = realpathSync(source);
	const realTarget = existsSync(target) ? realpathSync(target) : resolve(target);
	if (isInside(realTarget, realSource)) {
		throw new PublishError(`發布目的地 ${target} 位於建置輸出 ${source} 之內，不發布。`);
	}
}

function isInside(path: string, dir: string): boolean {
	const rel = relative(dir, path);
	return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function pruneReleases(target: string, keep: number, current: string): Pick<PublishResult, 'pruned' | 'pruneFailures'> {
	const pruned: string[] = [];
	const pruneFailures: PublishResult['pruneFailures'] = [];
	for (const name of releasesToPrune(releaseEntries(target), current, keep)) {
		try {
			rmSync(join(target, RELEASES_DIR, name), { recursive: true, force: true });
			pruned.push(name);
		} catch (error) {
			pruneFailures.push({ name, message: messageOf(error) });
		}
	}
	return { pruned, pruneFailures };
}

/** Success is reported only when `current` serves the complete release just installed. */
function checkServed(target: string, release: string): void {
	const state = checkCurrentIsLink(target);
	if (state.kind !== 'link' || state.release !== release || !existsSync(join(target, CURRENT_LINK, BUILD_MARKER))) {
		throw new PublishError(`發布後檢查失敗：current 未指向完整的 ${RELEASES_DIR}/${release}。請以 --list 檢查發布目的地。`);
	}
}
