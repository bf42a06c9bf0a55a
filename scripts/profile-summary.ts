/**
 * node scripts/profile-summary.ts <file.cpuprofile> [--top 25]
 *
 * Self time of a V8 CPU profile (`node --cpu-prof …`) by package: node_modules/<package> (scoped
 * names kept whole), the portal's own src/ folders, Node's internals, the garbage collector, idle.
 * How README's "Benchmarks" figures per package were made:
 *   node --cpu-prof --cpu-prof-dir=test/.tmp/prof node_modules/astro/bin/astro.mjs build
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
	id: number;
	callFrame: { url: string; functionName: string };
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
if (positionals.length !== 1) {
	process.stderr.write('usage: node scripts/profile-summary.ts <file.cpuprofile> [--top N]\n');
	process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;
const groupOf = new Map<number, string>();
for (const node of profile.nodes) groupOf.set(node.id, group(node.callFrame.url, node.callFrame.functionName));

const totals = new Map<string, number>();
let all = 0;
profile.samples.forEach((id, index) => {
	const micros = profile.timeDeltas[index] ?? 0;
	all += micros;
	const name = groupOf.get(id) ?? '(unknown)';
	totals.set(name, (totals.get(name) ?? 0) + micros);
});
const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
process.stdout.write(`${(all / 1e6).toFixed(1)} s sampled\n`);
for (const [name, micros] of rows)
	process.stdout.write(`${(micros / 1e6).toFixed(2).padStart(7)} s  ${((100 * micros) / all).toFixed(1).padStart(5)} %  ${name}\n`);

function group(url: string, functionName: string): string {
	if (!url) return functionName.startsWith('(') ? functionName : '(native)';
	if (url.startsWith('node:')) return 'node (internals)';
	const modules = url.lastIndexOf('/node_modules/');
	if (modules !== -1) {
		const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
		return first?.startsWith('@') ? `${first}/${second}` : (first ?? url);
	}
	// The site bundle Vite built (pages, components, the portal's modules as bundled): rendering.
	if (/\/(\.prerender|chunks|pages)\//.test(url) || /\/dist\//.test(url)) return 'site bundle (page rendering)';
	const src = /\/src\/([^/]+)(\/[^/]+)?/.exec(url);
	if (src) return `portal src/${src[1]}${src[2] && !src[2].includes('.') ? src[2] : ''}`;
	return url.replace(/^file:\/\//, '');
}
