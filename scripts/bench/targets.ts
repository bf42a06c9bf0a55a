/**
 * Issue 19's targets and the verdict on each: PASS, FAIL, or not measured (its size or its side was not run).
 * Build wall time ≤ 1.0× plain Starlight at 400 and at 1,600 documents (medians of interleaved runs); peak RSS
 * (process-tree sum) ≤ 2 GB at 1,600 documents; `npm run check` ≤ 1 s at 1,000 documents; preview
 * edit-to-visible ≤ 1 s at 400 documents. A target measured at another size than stated is judged there too,
 * and says so.
 */
import { CHECK_TARGET_MS, type CheckBench } from './check.ts';
import type { Target } from './options.ts';
import { PREVIEW_TARGET_MS, type PreviewBench } from './preview.ts';
import type { SizeResult } from './size.ts';
import { mib, ratio, seconds, seconds2, spread, withSpread } from './stats.ts';

export const WALL_RATIO = 1.0;
export const RSS_BYTES = 2 * 1024 ** 3;
/** The sizes each target is stated at. */
export const STATED: Record<Target, number[]> = { wall: [400, 1600], rss: [1600], check: [1000], preview: [400] };

export interface Verdict {
	target: Target;
	documents: number;
	status: 'PASS' | 'FAIL' | 'not measured';
	text: string;
}

export interface Measured {
	sizes: SizeResult[];
	check?: CheckBench;
	preview?: PreviewBench;
}

const n = (documents: number) => documents.toLocaleString('en');
const judged = (target: Target, documents: number, pass: boolean, text: string): Verdict => ({
	target,
	documents,
	status: pass ? 'PASS' : 'FAIL',
	text: `${text}${STATED[target].includes(documents) ? '' : ` (stated at ${STATED[target].map(n).join(' and ')})`}`,
});

export function verdicts(targets: Target[], measured: Measured): Verdict[] {
	const out: Verdict[] = [];
	for (const target of targets) {
		const found: Verdict[] = [];
		if (target === 'wall' || target === 'rss') {
			for (const size of measured.sizes) {
				const { portal, plain } = size.summary;
				const at = `at ${n(size.documents)} documents`;
				if (target === 'wall' && portal && plain) {
					const value = portal.wallMs.median / plain.wallMs.median;
					const pairs = portal.wallMs.runs.map((wall, i) => wall / plain.wallMs.runs[i]!).filter(Number.isFinite);
					found.push(
						judged(
							target,
							size.documents,
							value <= WALL_RATIO,
							`build wall time ≤ ${WALL_RATIO.toFixed(1)}× plain Starlight ${at}: ${ratio(value)} (portal ${withSpread(portal.wallMs, seconds)} vs plain ${withSpread(plain.wallMs, seconds)}${pairs.length > 1 ? `; per-run ratios ${withSpread(spread(pairs), ratio)}` : ''})`,
						),
					);
				}
				if (target === 'rss' && portal) {
					found.push(
						judged(
							target,
							size.documents,
							portal.treePeakRssBytes.median <= RSS_BYTES,
							`peak RSS (process-tree sum) ≤ 2 GB ${at}: ${withSpread(portal.treePeakRssBytes, mib)} (largest process ${withSpread(portal.maxProcessRssBytes, mib)})`,
						),
					);
				}
			}
		}
		if (target === 'check' && measured.check) {
			const c = measured.check;
			found.push(
				judged(
					target,
					c.documents,
					c.wallMs.median <= CHECK_TARGET_MS,
					`npm run check ≤ 1 s at ${n(c.documents)} documents (${n(c.versions)} versions) after editing one file: ${withSpread(c.wallMs, seconds2)} (analysis ${withSpread(c.analysisMs, seconds2)}); nothing changed ${withSpread(c.unchangedMs, seconds2)}; cold, no cache ${withSpread(c.coldMs, seconds2)}`,
				),
			);
		}
		if (target === 'preview' && measured.preview) {
			const p = measured.preview;
			found.push(
				judged(
					target,
					p.documents,
					p.editToVisibleMs.median <= PREVIEW_TARGET_MS && p.findingMs.median <= PREVIEW_TARGET_MS && !p.restarted,
					`preview edit-to-visible ≤ 1 s at ${n(p.documents)} documents: ${withSpread(p.editToVisibleMs, seconds2)} over ${p.editToVisibleMs.runs.length} saves, a broken reference's finding in the terminal ${withSpread(p.findingMs, seconds2)}${p.restarted ? ', the server RESTARTED' : ''} (ready ${seconds(p.readyMs)}, first page ${seconds(p.firstPageMs)})`,
				),
			);
		}
		out.push(...found);
		for (const documents of STATED[target]) {
			if (found.some((v) => v.documents === documents)) continue;
			out.push({ target, documents, status: 'not measured', text: `${target} at ${n(documents)} documents: not run` });
		}
	}
	return out;
}

/** The verdict lines, then one line overall. */
export function formatVerdicts(list: Verdict[]): string {
	const lines = list.map((v) => `${v.status === 'not measured' ? 'n/a ' : v.status}  ${v.text}`);
	const failed = list.filter((v) => v.status === 'FAIL').length;
	const open = list.filter((v) => v.status === 'not measured').length;
	const overall =
		failed > 0
			? `${failed} of ${list.length} target lines FAIL`
			: open > 0
				? `no target failed; ${open} of ${list.length} not measured in this run`
				: `all ${list.length} target lines PASS`;
	return `${lines.join('\n')}\n${overall}\n`;
}
