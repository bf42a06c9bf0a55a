/**
 * Reading and tidying a publication target:
 *
 *   <target>/current -> releases/…     what the web server serves (a relative symlink)
 *   <target>/releases/<name>/          the releases (src/lib/publish/releases.ts names them)
 *   <target>/.portal-target.json       the audience the target was set up for (src/lib/publish/audience.ts)
 *   <target>/.publish.lock             held while a publish or rollback runs (lock.ts)
 *
 * Only `current` is served; the other entries sit beside it.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatTargetFile, parseTargetFile, TARGET_FILE, type TargetSetup } from '../../lib/publish/audience.ts';
import { BUILD_MARKER, type BuildRecord } from '../../lib/publish/build-record.ts';
import {
	compareReleaseNames,
	CURRENT_LINK,
	isReleaseName,
	isTemporaryLinkName,
	partialRelease,
	PublishError,
	RELEASES_DIR,
} from '../../lib/publish/releases.ts';
import { isCode, messageOf } from './fs.ts';

export type CurrentState =
	| { kind: 'missing' }
	/** A symlink; `release` is the release name when it points to `releases/<name>`. */
	| { kind: 'link'; link: string; release: string | null }
	| { kind: 'other' };

export interface ReleaseInfo {
	name: string;
	path: string;
	current: boolean;
	/** The build record inside the release, or null if unreadable. */
	record: BuildRecord | null;
}

export function readCurrent(target: string): CurrentState {
	const path = join(target, CURRENT_LINK);
	let stats: Stats;
	try {
		stats = lstatSync(path);
	} catch (error) {
		if (isCode(error, 'ENOENT')) return { kind: 'missing' };
		throw error;
	}
	if (!stats.isSymbolicLink()) return { kind: 'other' };
	const link = readlinkSync(path);
	const match = /^(?:\.\/)?releases\/([^/]+)\/?$/.exec(link);
	const release = match && isReleaseName(match[1]!) ? match[1]! : null;
	return { kind: 'link', link, release };
}

/** `current`, refused when it is a real folder or file (it could not be replaced atomically). */
export function checkCurrentIsLink(target: string): CurrentState {
	const state = readCurrent(target);
	if (state.kind === 'other') {
		throw new PublishError(`${join(target, CURRENT_LINK)} 存在但不是符號連結，無法原子切換；請先將它移走（例如改名為 current.old）。`);
	}
	return state;
}

/** Folder names in `<target>/releases/`. */
export function releaseEntries(target: string): string[] {
	const dir = join(target, RELEASES_DIR);
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name);
}

/** Complete releases, newest first. */
export function completeReleases(target: string): string[] {
	return releaseEntries(target).filter(isReleaseName).sort(compareReleaseNames).reverse();
}

/** The releases in `<target>/releases/`, newest first, `.partial` leftovers and other folders left out. */
export function listReleases(target: string): ReleaseInfo[] {
	const current = readCurrent(target);
	const currentName = current.kind === 'link' ? current.release : null;
	return completeReleases(target).map((name) => {
		const path = resolve(target, RELEASES_DIR, name);
		return { name, path, current: name === currentName, record: readReleaseRecord(path) };
	});
}

/** The build record a release was published with (any status `ok` record, old ones included), or null. */
export function readReleaseRecord(dir: string): BuildRecord | null {
	try {
		const record = JSON.parse(readFileSync(join(dir, BUILD_MARKER), 'utf8')) as unknown;
		return typeof record === 'object' && record !== null && (record as { status?: unknown }).status === 'ok'
			? (record as BuildRecord)
			: null;
	} catch {
		return null;
	}
}

/** The recorded setup of the target, or null when it has none yet (never published with this version). */
export function readTargetSetup(target: string): TargetSetup | null {
	const path = join(target, TARGET_FILE);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return null;
		throw new PublishError(`無法讀取 ${path}：${messageOf(error)}`, { cause: error });
	}
	return parseTargetFile(text, path);
}

/** Records the target's setup (written to a temporary file, then renamed into place). */
export function writeTargetSetup(target: string, setup: TargetSetup, now: Date, pid: number): void {
	const path = join(target, TARGET_FILE);
	const temporary = `${path}.tmp-${pid}`;
	writeFileSync(temporary, formatTargetFile(setup, now.toISOString()));
	renameSync(temporary, path);
}

/**
 * Removes what a failed or killed publish left behind: `releases/*.partial`, temporary `current.tmp-<pid>`
 * symlinks, half-written setup files. Only ever called while holding the lock, when
 * no other publish can be using them. Returns the removed paths, relative to the target.
 */
export function cleanLeftovers(target: string): string[] {
	const removed: string[] = [];
	for (const name of releaseEntries(target)
		.filter((entry) => partialRelease(entry) !== null)
		.sort()) {
		rmSync(join(target, RELEASES_DIR, name), { recursive: true, force: true });
		removed.push(`${RELEASES_DIR}/${name}`);
	}
	const leftover = (name: string) => isTemporaryLinkName(name) || name.startsWith(`${TARGET_FILE}.tmp-`);
	for (const name of readdirSync(target).filter(leftover).sort()) {
		rmSync(join(target, name), { force: true });
		removed.push(name);
	}
	return removed;
}
