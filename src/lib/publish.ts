/**
 * `npm run publish`: copies a passed build (`dist/` with its build record) to an intranet web server's
 * folder as a new release and switches the `current` symlink to it atomically.
 *
 *   <target>/releases/20261125T210501Z/     one folder per release, newest name = newest release
 *   <target>/releases/20261125T210501Z-2/   a second release in the same second
 *   <target>/current -> releases/…          what the web server serves (a relative symlink)
 *
 * The copy goes to `releases/<name>.partial/`, is fsynced and renamed to `releases/<name>/` only when
 * complete; `current` is switched by renaming a new symlink over it (rename(2) is atomic on POSIX), so the
 * web server sees either the old or the new release, never a half-copied one or no `current` at all.
 * Pure node:fs; the copy, rename and symlink calls go through `PublishFs` so tests can inject failures.
 */
import {
	closeSync,
	copyFileSync,
	existsSync,
	fsyncSync,
	lstatSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	realpathSync,
	renameSync,
	rmSync,
	statSync,
	symlinkSync,
	type Stats,
} from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { BUILD_MARKER, type BuildRecord } from './build-record.ts';

export const RELEASES_DIR = 'releases';
export const CURRENT_LINK = 'current';
export const PARTIAL_SUFFIX = '.partial';
export const DEFAULT_KEEP = 5;

/** `20261125T210501Z`, or `20261125T210501Z-2` for the second release in the same second. */
const RELEASE_NAME = /^(\d{8}T\d{6}Z)(?:-([1-9]\d*))?$/;

/** A refusal or an interrupted publish, with a message for the operator (the CLI prints it without a stack). */
export class PublishError extends Error {
	override name = 'PublishError';
}

/** The file-system calls that change the target; tests replace them to inject failures or watch the switch. */
export interface PublishFs {
	copyFile(from: string, to: string): void;
	rename(from: string, to: string): void;
	symlink(target: string, path: string): void;
	/** Flushes a file or folder to disk. */
	fsync(path: string): void;
}

const NODE_FS: PublishFs = {
	copyFile: (from, to) => copyFileSync(from, to),
	rename: (from, to) => renameSync(from, to),
	symlink: (target, path) => symlinkSync(target, path),
	fsync: (path) => fsyncPath(path),
};

interface Hooks {
	/** Replacements for some file-system calls (tests). */
	fs?: Partial<PublishFs>;
	/** Names the temporary symlink `current.tmp-<pid>`; default process.pid. */
	pid?: number;
}

export interface PublishOptions extends Hooks {
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
	/** The release `current` pointed to before, if any. */
	previous: string | null;
	/** What `current` points to now: `releases/<release>`. */
	current: string;
	/** Folders removed from `releases/`: old releases beyond `keep` and `.partial` leftovers. */
	pruned: string[];
	/** Folders that could not be removed (the publish itself succeeded). */
	pruneFailures: { name: string; message: string }[];
}

export interface RollbackOptions extends Hooks {
	target: string;
	/** The release to switch to; default the one just older than `current`. */
	to?: string;
}

export interface RollbackResult {
	/** The release `current` pointed to before. */
	from: string | null;
	/** The release `current` points to now. */
	release: string;
	files: number;
	/** What `current` points to now: `releases/<release>`. */
	current: string;
}

export interface ReleaseInfo {
	name: string;
	path: string;
	current: boolean;
	/** The build record inside the release, or null if unreadable. */
	record: BuildRecord | null;
}

// ---------------------------------------------------------------- release names

/** `2026-11-25T21:05:01.123Z` → `20261125T210501Z` (UTC). */
export function formatReleaseStamp(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export function parseReleaseName(name: string): { stamp: string; seq: number } | null {
	const match = RELEASE_NAME.exec(name);
	if (!match) return null;
	return { stamp: match[1]!, seq: match[2] ? Number(match[2]) : 1 };
}

export function isReleaseName(name: string): boolean {
	return parseReleaseName(name) !== null;
}

/** Oldest first: by timestamp, then by the same-second counter (`-2` before `-10`). */
export function compareReleaseNames(a: string, b: string): number {
	const pa = parseReleaseName(a);
	const pb = parseReleaseName(b);
	if (!pa || !pb) throw new Error(`not a release name: ${pa ? b : a}`);
	return pa.stamp < pb.stamp ? -1 : pa.stamp > pb.stamp ? 1 : pa.seq - pb.seq;
}

/**
 * The name of a new release: the clock's timestamp, or — when a release (or `.partial` leftover) with that
 * timestamp or a later one exists — the newest existing timestamp with the next counter, so names stay
 * unique and newest-name order stays publish order even within one second or when the clock goes back.
 */
export function nextReleaseName(existing: readonly string[], now: Date): string {
	const stamp = formatReleaseStamp(now);
	const names = existing.map((name) => stripPartial(name)).filter(isReleaseName);
	const newest = names.sort(compareReleaseNames).at(-1);
	if (newest === undefined) return stamp;
	const parsed = parseReleaseName(newest)!;
	return stamp > parsed.stamp ? stamp : `${parsed.stamp}-${parsed.seq + 1}`;
}

function stripPartial(name: string): string {
	return name.endsWith(PARTIAL_SUFFIX) ? name.slice(0, -PARTIAL_SUFFIX.length) : name;
}

/**
 * Which folders of `releases/` to remove: every `.partial` leftover, and the complete releases beyond the
 * newest `keep` — never `current`. `names` in any order; the result oldest first, partials last.
 */
export function releasesToPrune(names: readonly string[], current: string | null, keep: number): string[] {
	const complete = names.filter(isReleaseName).sort(compareReleaseNames).reverse();
	const old = complete.slice(keep).filter((name) => name !== current).reverse();
	const partials = names.filter((name) => name.endsWith(PARTIAL_SUFFIX) && isReleaseName(stripPartial(name))).sort();
	return [...old, ...partials];
}

// ---------------------------------------------------------------- reading the target

type CurrentState =
	| { kind: 'missing' }
	/** A symlink; `release` is the release name when it points to `releases/<name>`. */
	| { kind: 'link'; link: string; release: string | null }
	| { kind: 'other' };

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

function releaseEntries(target: string): string[] {
	const dir = join(target, RELEASES_DIR);
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name);
}

/** Complete releases, newest first. */
function completeReleases(target: string): string[] {
	return releaseEntries(target).filter(isReleaseName).sort(compareReleaseNames).reverse();
}

/** The releases in `<target>/releases/`, newest first, `.partial` leftovers and other folders left out. */
export function listReleases(target: string): ReleaseInfo[] {
	const current = readCurrent(target);
	const currentName = current.kind === 'link' ? current.release : null;
	return completeReleases(target).map((name) => {
		const path = resolve(target, RELEASES_DIR, name);
		return { name, path, current: name === currentName, record: tryReadRecord(path) };
	});
}

function tryReadRecord(dir: string): BuildRecord | null {
	try {
		const record = JSON.parse(readFileSync(join(dir, BUILD_MARKER), 'utf8')) as unknown;
		return isOkRecord(record) ? record : null;
	} catch {
		return null;
	}
}

// ---------------------------------------------------------------- checks before publishing

/** The build record of `source`, or a refusal when the folder is not a complete, passed build. */
export function readBuildRecord(source: string): { record: BuildRecord; text: string } {
	if (!existsSync(source) || !statSync(source).isDirectory()) {
		throw new PublishError(`找不到建置輸出資料夾 ${source}；請先執行 npm run build。`);
	}
	const markerPath = join(source, BUILD_MARKER);
	if (!existsSync(markerPath)) {
		throw new PublishError(
			`${source} 沒有建置紀錄 ${BUILD_MARKER}：建置未完成或未通過檢查，不發布。請執行 npm run build 並修正所有錯誤。`,
		);
	}
	const text = readFileSync(markerPath, 'utf8');
	let record: unknown;
	try {
		record = JSON.parse(text);
	} catch {
		throw new PublishError(`${markerPath} 不是有效的 JSON，不發布。請重新執行 npm run build。`);
	}
	if (!isOkRecord(record)) {
		const status = isObject(record) ? JSON.stringify(record.status) : '（無）';
		throw new PublishError(`${markerPath} 的 status 為 ${status}，不是 "ok"：建置未通過檢查，不發布。`);
	}
	return { record, text };
}

function isOkRecord(value: unknown): value is BuildRecord {
	return isObject(value) && value.status === 'ok';
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeep(keep: number): void {
	if (!Number.isInteger(keep) || keep < 1) throw new PublishError(`keep 應為 1 以上的整數，收到 ${keep}。`);
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

function checkCurrentIsLink(target: string): CurrentState {
	const state = readCurrent(target);
	if (state.kind === 'other') {
		throw new PublishError(
			`${join(target, CURRENT_LINK)} 存在但不是符號連結，無法原子切換；請先將它移走（例如改名為 current.old）。`,
		);
	}
	return state;
}

// ---------------------------------------------------------------- copy, sync, switch

/** Copies `from` into the new folder `to` (files, folders, symlinks as symlinks); returns what it copied. */
export function copyTree(from: string, to: string, fs: PublishFs): { files: number; bytes: number } {
	mkdirSync(to);
	let files = 0;
	let bytes = 0;
	for (const entry of readdirSync(from, { withFileTypes: true })) {
		const src = join(from, entry.name);
		const dest = join(to, entry.name);
		if (entry.isDirectory()) {
			const sub = copyTree(src, dest, fs);
			files += sub.files;
			bytes += sub.bytes;
		} else if (entry.isFile()) {
			fs.copyFile(src, dest);
			files += 1;
			bytes += statSync(src).size;
		} else if (entry.isSymbolicLink()) {
			fs.symlink(readlinkSync(src), dest);
		} else {
			throw new PublishError(`${src} 不是一般檔案或資料夾，無法發布。`);
		}
	}
	return { files, bytes };
}

/** fsyncs every file and folder under `dir` (and `dir` itself), so a rename after it never exposes lost data. */
export function syncTree(dir: string, fs: PublishFs): void {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) syncTree(path, fs);
		else if (entry.isFile()) fs.fsync(path);
	}
	fs.fsync(dir);
}

/**
 * fsync(2) of a file or folder. Folders can be fsynced on Linux and macOS; where they cannot (Windows:
 * EISDIR, EPERM), that step is skipped — the renames stay atomic, only their durability after a power cut is weaker.
 */
function fsyncPath(path: string): void {
	let fd: number;
	try {
		fd = openSync(path, 'r');
	} catch (error) {
		if (isCode(error, 'EISDIR') || isCode(error, 'EPERM')) return;
		throw error;
	}
	try {
		fsyncSync(fd);
	} catch (error) {
		if (!isCode(error, 'EINVAL') && !isCode(error, 'EPERM') && !isCode(error, 'EISDIR')) throw error;
	} finally {
		closeSync(fd);
	}
}

/**
 * Points `<target>/current` at `releases/<release>` atomically: a new relative symlink
 * `current.tmp-<pid>` renamed over `current`. On failure the temporary link is removed and `current` is unchanged.
 */
export function switchCurrent(target: string, release: string, fs: PublishFs, pid: number): string {
	const link = `${RELEASES_DIR}/${release}`;
	const temporary = join(target, `${CURRENT_LINK}.tmp-${pid}`);
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

function pruneReleases(target: string, keep: number, current: string | null): Pick<PublishResult, 'pruned' | 'pruneFailures'> {
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

// ---------------------------------------------------------------- the commands

export function publish(options: PublishOptions): PublishResult {
	const { source, target, keep = DEFAULT_KEEP, now = () => new Date(), pid = process.pid } = options;
	const fs: PublishFs = { ...NODE_FS, ...options.fs };
	checkKeep(keep);
	const { record, text } = readBuildRecord(source);
	checkPaths(source, target);
	const before = checkCurrentIsLink(target);
	const previous = before.kind === 'link' ? before.release : null;

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
			`發布中斷：${messageOf(error)}\ncurrent 未變更；未完成的 ${RELEASES_DIR}/${release}${PARTIAL_SUFFIX} 會在下次發布時清除。`,
			{ cause: error },
		);
	}
	const current = switchCurrent(target, release, fs, pid);
	return {
		release,
		path: resolve(final),
		...copied,
		record,
		previous,
		current,
		...pruneReleases(target, keep, release),
	};
}

/** A build that started during the copy removes or rewrites the record: the copy is then not one build. */
function checkUnchanged(source: string, text: string, copy: string): void {
	const now = existsSync(join(source, BUILD_MARKER)) ? readFileSync(join(source, BUILD_MARKER), 'utf8') : null;
	const copied = existsSync(join(copy, BUILD_MARKER)) ? readFileSync(join(copy, BUILD_MARKER), 'utf8') : null;
	if (now !== text || copied !== text) {
		throw new PublishError(`建置輸出 ${source} 在複製期間被變更（是否有建置正在執行？）`);
	}
}

export function rollback(options: RollbackOptions): RollbackResult {
	const { target, to, pid = process.pid } = options;
	const fs: PublishFs = { ...NODE_FS, ...options.fs };
	const state = checkCurrentIsLink(target);
	const from = state.kind === 'link' ? state.release : null;
	const releases = completeReleases(target);
	const release = to === undefined ? previousRelease(releases, from) : namedRelease(releases, from, to);
	const current = switchCurrent(target, release, fs, pid);
	return { from, release, files: countFiles(join(target, RELEASES_DIR, release)), current };
}

function previousRelease(releases: readonly string[], current: string | null): string {
	if (releases.length === 0) throw new PublishError('尚未發布任何版本，無法回復。');
	if (current === null) {
		throw new PublishError(`current 未指向 ${RELEASES_DIR}/ 中的版本，無法判斷上一版；請用 --to 指定版本。`);
	}
	const index = releases.indexOf(current);
	if (index === -1) throw new PublishError(`current 指向的版本 ${current} 已不存在；請用 --to 指定版本。`);
	const previous = releases[index + 1];
	if (previous === undefined) throw new PublishError(`current 已是最舊的版本 ${current}，沒有更早的版本可回復。`);
	return previous;
}

function namedRelease(releases: readonly string[], current: string | null, to: string): string {
	if (!isReleaseName(to)) {
		throw new PublishError(`「${to}」不是版本名稱；版本名稱如 20261125T210501Z（見 --list）。`);
	}
	if (!releases.includes(to)) throw new PublishError(`找不到版本 ${to}（見 --list）。`);
	if (to === current) throw new PublishError(`current 已指向 ${to}。`);
	return to;
}

function countFiles(dir: string): number {
	let files = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory()) files += countFiles(join(dir, entry.name));
		else if (entry.isFile()) files += 1;
	}
	return files;
}

function isCode(error: unknown, code: string): boolean {
	return isObject(error) && error.code === code;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
