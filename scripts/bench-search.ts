/**
 * npm run bench:search [-- --dist <dir>] [-- --verbose]
 *
 * Search benchmark on the real documents (content/documents): builds the portal into
 * test/.tmp/bench-search/dist (or uses an existing build with --dist; the build is as of PORTAL_TODAY,
 * default 2026-11-25), loads that build's own pagefind/pagefind.js and /search/data.json in Node (served
 * from 127.0.0.1, page language zh-TW as in the browser) and runs the portal's search engine
 * (src/lib/search/engine.ts, exactly what the search UI runs, default filters: versions in force):
 *   - tasks (test/fixtures/search/tasks.yaml): questions as staff ask them, with the pages that answer
 *     them: success@3 (an answer among the first three) and MRR;
 *   - exact terms: ISMS terms taken from the documents; ground truth: the pages the default search may
 *     show whose indexed text contains the term. Recall (over all results) and R-precision (of the first
 *     |truth| results, how many contain the term: exact matches must still come first);
 *   - document numbers (ISMS-P-005 / isms-p-005 / P-005 of every document in force): the permalink first;
 *   - random Han substrings of the pages (recall);
 *   - Pagefind as Starlight ships it, on the same tasks and terms, for comparison.
 * Targets: success@3 ≥ 97 %, MRR ≥ 0.9, recall ≥ 99.5 %, R-precision ≥ 99 %, number top-1 100 %,
 * median query ≤ 50 ms; exits 1 if one is missed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { readSearchData } from '../src/lib/search/data.ts';
import { searchEngine } from '../src/lib/search/engine.ts';
import { searchFilters, STATUS_LABELS } from '../src/lib/search/filters.ts';
import { loadPagefind, readIndexedPages, type IndexedPage } from '../test/pagefind/pagefind-node.ts';
import { TERMS } from './bench/search-terms.ts';

const { values } = parseArgs({
	options: {
		dist: { type: 'string' },
		verbose: { type: 'boolean', default: false },
		samples: { type: 'string', default: '200' },
	},
});

const TARGETS = { success3: 97, mrr: 0.9, recall: 99.5, rPrecision: 99, top1: 100, medianMs: 50 };
const TASKS_FILE = 'test/fixtures/search/tasks.yaml';

const root = process.cwd();
let dist = values.dist ? resolve(values.dist) : join(root, 'test/.tmp/bench-search/dist');
if (!values.dist) {
	const cache = join(root, 'test/.tmp/bench-search/cache');
	rmSync(dist, { recursive: true, force: true });
	mkdirSync(dist, { recursive: true });
	process.stdout.write(`building the portal into ${dist} …\n`);
	const build = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
		cwd: root,
		encoding: 'utf8',
		// A fixed date keeps the figures reproducible (PORTAL_TODAY=… to build as of another day).
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PORTAL_CACHE_DIR: cache, PORTAL_TODAY: process.env.PORTAL_TODAY ?? '2026-11-25' },
	});
	if (build.status !== 0) {
		process.stderr.write(`build failed:\n${build.stdout.slice(-3000)}\n${build.stderr}`);
		process.exit(1);
	}
	// The search index is the second step of `npm run build`.
	const index = spawnSync(process.execPath, [join(root, 'scripts/index-search.ts'), dist], { cwd: root, encoding: 'utf8' });
	if (index.status !== 0) {
		process.stderr.write(`search index failed:\n${index.stdout.slice(-3000)}\n${index.stderr}`);
		process.exit(1);
	}
}
dist = resolve(dist);
if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) {
	process.stderr.write(`${dist}/pagefind/pagefind.js not found\n`);
	process.exit(1);
}

const norm = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
const pages = readIndexedPages(dist);
const visible = pages.filter((p) => !p.filters.status?.length || p.filters.status.includes(STATUS_LABELS.current));
const texts = new Map(visible.map((p) => [p.url, norm(p.content)]));
const truthOf = (query: string) => new Set(visible.filter((p) => texts.get(p.url)!.includes(norm(query))).map((p) => p.url));

// Every published document in force, by its permalink's metadata.
const documents = visible
	.filter(
		(p): p is IndexedPage & { meta: { docNo: string } } =>
			Boolean(p.meta.docNo) && p.filters.status?.includes(STATUS_LABELS.current) === true,
	)
	.map((p) => ({ docNo: p.meta.docNo, url: p.url }))
	.sort((a, b) => a.docNo.localeCompare(b.docNo));
const numberQueries = documents.flatMap(({ docNo, url }) => [
	{ query: docNo, url },
	{ query: docNo.toLowerCase(), url },
	{ query: docNo.replace(/^[^-]+-/, ''), url },
]);

// The task set: every answer must be a page of this index.
interface Task {
	q: string;
	answers: string[];
	why?: string;
}
const tasks = (parse(readFileSync(join(root, TASKS_FILE), 'utf8')) as { tasks: Task[] }).tasks;
const urlOf = (answer: string): string | undefined => {
	if (answer.startsWith('/')) return pages.some((p) => p.url === answer) ? answer : undefined;
	const [docNo, version] = answer.split('@');
	const page = pages.find(
		(p) => p.meta.docNo === docNo && (version ? p.meta.version === version : p.filters.status?.includes(STATUS_LABELS.current)),
	);
	return page?.url;
};
const unknown = tasks.flatMap((task) => task.answers.filter((answer) => !urlOf(answer)).map((answer) => `${task.q}: ${answer}`));
if (unknown.length) {
	process.stderr.write(`${TASKS_FILE}: answers not in the index: ${unknown.join('; ')}\n`);
	process.exit(1);
}
const absent = TERMS.filter((term) => truthOf(term).size === 0);
if (absent.length) {
	process.stderr.write(`terms not in the current documents (fix the list): ${absent.join(' ')}\n`);
	process.exit(1);
}

const pagefind = await loadPagefind(dist);
const data = readSearchData(JSON.parse(readFileSync(join(dist, 'search', 'data.json'), 'utf8')));
const engine = searchEngine(pagefind, data);
const defaults = searchFilters();
const ms: number[] = [];
const portal = async (query: string) => {
	const started = performance.now();
	const result = await engine.search(query);
	ms.push(performance.now() - started);
	return [...new Set(result.hits.map((hit) => hit.pageUrl))];
};
const shipped = async (query: string) => [
	...new Set(
		await Promise.all(((await pagefind.search(query, { filters: defaults }))?.results ?? []).map(async (r) => (await r.data()).url)),
	),
];

const problems: string[] = [];
const lines: string[] = [];

// Tasks.
const taskScore = { portal: { success: 0, rr: 0 }, shipped: { success: 0, rr: 0 } };
for (const task of tasks) {
	const wanted = new Set(task.answers.map((answer) => urlOf(answer)!));
	for (const way of ['portal', 'shipped'] as const) {
		const urls = way === 'portal' ? await portal(task.q) : await shipped(task.q);
		const rank = urls.findIndex((url) => wanted.has(url)) + 1;
		if (rank >= 1 && rank <= 3) taskScore[way].success++;
		if (rank >= 1) taskScore[way].rr += 1 / rank;
		if (way === 'portal' && rank !== 1)
			problems.push(
				`task 「${task.q}」: first answer at ${rank || '—'} (${task.answers.join(' ')}); top 3: ${urls.slice(0, 3).join(' ') || '(none)'}`,
			);
		if (values.verbose && way === 'portal') process.stdout.write(`  ${task.q}: rank ${rank || '—'}\n`);
	}
}

// Exact terms and document numbers.
interface Exact {
	found: number;
	relevant: number;
	rFound: number;
	rRelevant: number;
	top1: number;
	queries: number;
}
const blank = (): Exact => ({ found: 0, relevant: 0, rFound: 0, rRelevant: 0, top1: 0, queries: 0 });
const exact = { terms: { portal: blank(), shipped: blank() }, numbers: { portal: blank(), shipped: blank() } };
async function measure(set: 'terms' | 'numbers', query: string, permalink?: string) {
	const truth = truthOf(query);
	for (const way of ['portal', 'shipped'] as const) {
		const urls = way === 'portal' ? await portal(query) : await shipped(query);
		const score = exact[set][way];
		const found = urls.filter((u) => truth.has(u)).length;
		const first = urls.slice(0, truth.size).filter((u) => truth.has(u)).length;
		score.found += found;
		score.relevant += truth.size;
		score.rFound += first;
		score.rRelevant += truth.size;
		score.queries++;
		if (permalink && urls[0] === permalink) score.top1++;
		// A number's own page is named, not matched by text (its header is not indexed): numbers count top-1.
		if (way === 'portal' && (permalink ? urls[0] !== permalink : found < truth.size || first < truth.size)) {
			const missed = [...truth].filter((u) => !urls.includes(u));
			const early = urls.slice(0, truth.size).filter((u) => !truth.has(u));
			problems.push(
				`term 「${query}」: missed ${missed.join(' ') || '-'}; among the first ${truth.size} without it: ${early.join(' ') || '-'}${permalink && urls[0] !== permalink ? `; first ${urls[0] ?? '(none)'}, expected ${permalink}` : ''}`,
			);
		}
	}
}
for (const term of TERMS) await measure('terms', term);
for (const { query, url } of numberQueries) await measure('numbers', query, url);

// Stress: random 2–5-character Han substrings of the pages (deterministic), portal only.
let seed = 20261125;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const samples = new Set<string>();
const han = /^\p{Script=Han}+$/u;
for (let guard = 0; samples.size < Number(values.samples) && guard < 100_000; guard++) {
	const page = visible[Math.floor(random() * visible.length)]!;
	const length = 2 + Math.floor(random() * 4);
	const at = Math.floor(random() * page.content.length);
	const text = page.content.slice(at, at + length);
	if (text.length === length && han.test(text)) samples.add(text);
}
const stress = { found: 0, relevant: 0, rFound: 0 };
const stressMisses: string[] = [];
for (const text of samples) {
	const truth = truthOf(text);
	const urls = await portal(text);
	const found = urls.filter((u) => truth.has(u)).length;
	stress.found += found;
	stress.relevant += truth.size;
	stress.rFound += urls.slice(0, truth.size).filter((u) => truth.has(u)).length;
	if (found < truth.size) stressMisses.push(`${text} ${found}/${truth.size}`);
}
await pagefind.close();

const pct = (a: number, b: number) => (b ? (100 * a) / b : Number.NaN);
const fmt = (n: number) => (Number.isNaN(n) ? '—' : `${n.toFixed(2)} %`);
const sorted = [...ms].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
const figures = {
	success3: pct(taskScore.portal.success, tasks.length),
	mrr: taskScore.portal.rr / tasks.length,
	recall: pct(exact.terms.portal.found, exact.terms.portal.relevant),
	rPrecision: pct(exact.terms.portal.rFound, exact.terms.portal.rRelevant),
	top1: pct(exact.numbers.portal.top1, exact.numbers.portal.queries),
};
lines.push(
	`index: ${pages.length} pages, ${visible.length} shown by default; ${documents.length} documents in force; ${data.synonyms.length} synonym groups`,
);
lines.push(
	`queries: ${tasks.length} tasks (${TASKS_FILE}), ${TERMS.length} exact terms, ${numberQueries.length} document numbers, ${samples.size} random substrings`,
);
lines.push('');
lines.push('                         tasks: success@3      MRR | terms: recall  R-precision | numbers: top-1');
for (const way of ['portal', 'shipped'] as const) {
	const t = taskScore[way];
	const e = exact.terms[way];
	const n = exact.numbers[way];
	const label = way === 'portal' ? 'portal (src/lib/search)' : 'Pagefind as shipped';
	lines.push(
		`${label.padEnd(23)} ${fmt(pct(t.success, tasks.length)).padStart(18)} ${(t.rr / tasks.length).toFixed(3).padStart(8)} | ${fmt(pct(e.found, e.relevant)).padStart(13)} ${fmt(pct(e.rFound, e.rRelevant)).padStart(12)} | ${fmt(pct(n.top1, n.queries)).padStart(14)}`,
	);
}
lines.push('');
lines.push(
	`random substrings (portal): recall ${fmt(pct(stress.found, stress.relevant))}, R-precision ${fmt(pct(stress.rFound, stress.relevant))}`,
);
if (stressMisses.length)
	lines.push(`  missed (substring starts inside one of the indexer's words): ${stressMisses.slice(0, 10).join('; ')}`);
lines.push(`time per query (portal, ${ms.length} queries): median ${median.toFixed(1)} ms, 90th percentile ${p90.toFixed(1)} ms`);
const checks = [
	[`success@3 ${fmt(figures.success3)} (≥ ${TARGETS.success3} %)`, figures.success3 >= TARGETS.success3],
	[`MRR ${figures.mrr.toFixed(3)} (≥ ${TARGETS.mrr})`, figures.mrr >= TARGETS.mrr],
	[`exact-term recall ${fmt(figures.recall)} (≥ ${TARGETS.recall} %)`, figures.recall >= TARGETS.recall],
	[`R-precision ${fmt(figures.rPrecision)} (≥ ${TARGETS.rPrecision} %)`, figures.rPrecision >= TARGETS.rPrecision],
	[`number top-1 ${fmt(figures.top1)} (${TARGETS.top1} %)`, figures.top1 >= TARGETS.top1],
	[`median ${median.toFixed(1)} ms (≤ ${TARGETS.medianMs} ms)`, median <= TARGETS.medianMs],
] as const;
const ok = checks.every(([, pass]) => pass);
lines.push('');
lines.push(`portal: ${checks.map(([text, pass]) => `${text} ${pass ? 'OK' : 'MISSED'}`).join('; ')}`);
lines.push(ok ? 'all targets met' : 'BELOW TARGET');
if (problems.length) lines.push('', 'not perfect:', ...problems.map((p) => `  ${p}`));
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(ok ? 0 : 1);
