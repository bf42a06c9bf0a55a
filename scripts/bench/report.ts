/** The builds' table at one size: each figure as median (min–max) per side, and portal/plain. */
import { PHASES, type BuildSummary, type Kind } from './build.ts';
import type { SizeResult } from './size.ts';
import { formatTable, mib, ratio, seconds, withSpread, type Spread } from './stats.ts';

type Row = [label: string, cell: (s: BuildSummary) => string, compare?: (portal: BuildSummary, plain: BuildSummary) => string];

const ofMedians = (f: (s: BuildSummary) => Spread | number) => (portal: BuildSummary, plain: BuildSummary) => {
	const value = (s: BuildSummary) => {
		const v = f(s);
		return typeof v === 'number' ? v : v.median;
	};
	return ratio(value(portal) / value(plain));
};

export function buildTable(size: SizeResult, kinds: Kind[], runs: number): string {
	const { portal, plain } = size.summary;
	const rows: Row[] = [
		['wall time', (s) => withSpread(s.wallMs, seconds), ofMedians((s) => s.wallMs)],
		['CPU time, user+sys', (s) => withSpread(s.cpuMs, seconds), ofMedians((s) => s.cpuMs)],
		['peak RSS, process-tree sum', (s) => withSpread(s.treePeakRssBytes, mib), ofMedians((s) => s.treePeakRssBytes)],
		['peak RSS, largest process', (s) => withSpread(s.maxProcessRssBytes, mib)],
		['processes in tree (max)', (s) => String(s.maxProcesses)],
		['HTML pages', (s) => String(s.pages.html), ofMedians((s) => s.pages.html)],
		['  version pages (one per MDX)', (s) => String(s.pages.version)],
		['  permalink pages', (s) => String(s.pages.permalink)],
		['  other pages', (s) => String(s.pages.other)],
		['output size', (s) => mib(s.outputBytes), ofMedians((s) => s.outputBytes)],
		['output files', (s) => String(s.outputFiles)],
		[
			'wall time per HTML page',
			(s) => `${(s.wallMs.median / s.pages.html).toFixed(1)} ms`,
			ofMedians((s) => s.wallMs.median / s.pages.html),
		],
	];
	for (const [phase] of PHASES) {
		rows.push([
			`phase: ${phase}`,
			(s) => (s.phases[phase] ? `${withSpread(s.phases[phase].wallMs, seconds)}, CPU ${seconds(s.phases[phase].cpuMs.median)}` : '–'),
			(p, q) => (p.phases[phase] && q.phases[phase] ? `CPU ${ratio(p.phases[phase].cpuMs.median / q.phases[phase].cpuMs.median)}` : ''),
		]);
	}
	const groups = [...new Set(kinds.flatMap((kind) => Object.keys(size.summary[kind]!.renderMs)))];
	for (const group of groups) {
		rows.push([`  Σ page render: ${group}`, (s) => (s.renderMs[group] ? seconds(s.renderMs[group].median) : '–')]);
	}
	const both = portal && plain;
	const header = ['', ...kinds.map((k) => (k === 'portal' ? 'portal' : 'plain Starlight')), ...(both ? ['portal/plain'] : [])];
	const table = [
		header,
		...rows.map(([label, cell, compare]) => [
			label,
			...kinds.map((k) => cell(size.summary[k]!)),
			...(both ? [compare ? compare(portal, plain) : ''] : []),
		]),
	];
	return `Builds at ${size.documents} documents (${size.versions} versions), ${runs} interleaved run(s) each: median (min–max)\n${formatTable(table)}\n`;
}
