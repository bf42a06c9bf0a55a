/**
 * Pure decisions of `npm run publish` about release folders: their names, their order, which to prune.
 *
 *   <target>/releases/20261125T210501Z/     one folder per release, newest name = newest release
 *   <target>/releases/20261125T210501Z-2/   a second release in the same second
 *   <target>/releases/<name>.partial/       a copy in progress (or the leftover of a failed one)
 */
export const RELEASES_DIR = 'releases';
export const CURRENT_LINK = 'current';
export const PARTIAL_SUFFIX = '.partial';
export const DEFAULT_KEEP = 5;

/** A refusal or an interrupted publish, with a message for the operator (the CLI prints it without a stack). */
export class PublishError extends Error {
	override name = 'PublishError';
}

/** `20261125T210501Z`, or `20261125T210501Z-2` for the second release in the same second. */
const RELEASE_NAME = /^(\d{8}T\d{6}Z)(?:-([1-9]\d*))?$/;

/** `2026-11-25T21:05:01.123Z` → `20261125T210501Z` (UTC). */
export function formatReleaseStamp(date: Date): string {
	return date
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/[-:]/g, '');
}

export function parseReleaseName(name: string): { stamp: string; seq: number } | null {
	const match = RELEASE_NAME.exec(name);
	if (!match) return null;
	return { stamp: match[1]!, seq: match[2] ? Number(match[2]) : 1 };
}

export function isReleaseName(name: string): boolean {
	return parseReleaseName(name) !== null;
}

/** `<release>.partial` for a release name; null for anything else. */
export function partialRelease(name: string): string | null {
	if (!name.endsWith(PARTIAL_SUFFIX)) return null;
	const release = name.slice(0, -PARTIAL_SUFFIX.length);
	return isReleaseName(release) ? release : null;
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
	const names = existing.map((name) => partialRelease(name) ?? name).filter(isReleaseName);
	const newest = names.sort(compareReleaseNames).at(-1);
	if (newest === undefined) return stamp;
	const parsed = parseReleaseName(newest)!;
	return stamp > parsed.stamp ? stamp : `${parsed.stamp}-${parsed.seq + 1}`;
}

/**
 * Which complete releases to remove after a publish: those beyond the newest `keep` — never `current`.
 * `names` in any order (other folders are ignored); the result oldest first. (`.partial` leftovers are
 * removed at the start of the next publish, under its lock, not here.)
 */
export function releasesToPrune(names: readonly string[], current: string | null, keep: number): string[] {
	const complete = names.filter(isReleaseName).sort(compareReleaseNames).reverse();
	return complete
		.slice(keep)
		.filter((name) => name !== current)
		.reverse();
}

/** The temporary symlink a switch renames over `current`: `current.tmp-<pid>`. */
export function temporaryLinkName(pid: number): string {
	return `${CURRENT_LINK}.tmp-${pid}`;
}

export function isTemporaryLinkName(name: string): boolean {
	return /^current\.tmp-\d+$/.test(name);
}
