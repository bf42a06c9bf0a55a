/**
 * How many document bodies this process has parsed (`parseBody`) and outlined (`buildOutline`): one of
 * each per version per build (issue 14). A build test (test/build/parse-count.test.ts) reads the count
 * after a real build and fails if a second parse of a version comes back. The count lives on
 * `globalThis` so that every copy of these modules (Astro loads the integration through Vite, the pages
 * through another module graph) adds to the one count of the process.
 */
export interface ParseCount {
	parses: number;
	outlines: number;
}

const KEY = Symbol.for('isms-portal.parse-count');

function counts(): ParseCount {
	const holder = globalThis as unknown as Record<symbol, ParseCount | undefined>;
	return (holder[KEY] ??= { parses: 0, outlines: 0 });
}

/** The count so far (a copy). */
export function parseCount(): ParseCount {
	return { ...counts() };
}

export function countParse(kind: keyof ParseCount): void {
	counts()[kind] += 1;
}
