import { diffArrays } from 'diff';

/** A stretch of two aligned sequences: items equal by the comparator, or what one side removed and the other added. */
export type AlignedRun<T> = { kind: 'same'; pairs: [before: T, after: T][] } | { kind: 'replaced'; removed: T[]; added: T[] };

/**
 * Aligns two sequences by `equal` (jsdiff's array diff) into runs: equal items pair up; between
 * them, what the older side removed faces what the newer side added, for the caller to pair by its
 * own rule (clauses by number or words, table cells in order). The one walk over the diff's changes.
 */
export function alignRuns<T>(before: readonly T[], after: readonly T[], equal: (a: T, b: T) => boolean): AlignedRun<T>[] {
	const runs: AlignedRun<T>[] = [];
	const changes = diffArrays([...before], [...after], { comparator: equal });
	let oldIndex = 0;
	let newIndex = 0;
	for (let i = 0; i < changes.length; i++) {
		const change = changes[i]!;
		const count = change.value.length;
		if (!change.added && !change.removed) {
			runs.push({ kind: 'same', pairs: Array.from({ length: count }, (_, k) => [before[oldIndex + k]!, after[newIndex + k]!]) });
			oldIndex += count;
			newIndex += count;
			continue;
		}
		const next = changes[i + 1];
		const removed = change.removed ? before.slice(oldIndex, oldIndex + count) : [];
		const addedCount = change.added ? count : next?.added ? next.value.length : 0;
		if (change.removed && next?.added) i++;
		const added = after.slice(newIndex, newIndex + addedCount);
		runs.push({ kind: 'replaced', removed, added });
		oldIndex += removed.length;
		newIndex += added.length;
	}
	return runs;
}
