/**
 * npm run bench:search [-- --dist <dir>] [-- --verbose]
 *
 * Search quality benchmark on the real documents (content/documents): builds the portal into
 * test/.tmp/bench-search/dist (or uses an existing build with --dist), loads that build's own
 * pagefind/pagefind.js in Node (served from 127.0.0.1, page language zh-TW as in the browser), and runs
 * a list of ISMS terms and every published document's number in three spellings (ISMS-P-005,
 * isms-p-005, P-005) three ways (the build is as of PORTAL_TODAY, default 2026-11-25):
 *   - as typed: Pagefind as Starlight ships it;
 *   - phrase: the query in quotes (Pagefind's exact search);
 *   - portal: src/lib/search-query.ts, exactly as the search UI runs it (default filters: versions in force).
 * Ground truth: the pages of the index that the default search may show (no status, or 現行版) whose
 * indexed text contains the query (ignoring case, width and spaces). Prints recall and precision
 * (summed over queries) and, for the document numbers, how often the document's permalink is first.
 * Targets (portal): recall ≥ 99.5 %, precision ≥ 99 %, document-number top-1 100 %; exits 1 if missed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runSearch, searchFilters, STATUS_LABELS, type PagefindLike } from '../src/lib/search-query.ts';
import { loadPagefind, readIndexedPages, type IndexedPage } from './pagefind-node.ts';

const { values } = parseArgs({
	options: {
		dist: { type: 'string' },
		verbose: { type: 'boolean', default: false },
		samples: { type: 'string', default: '200' },
	},
});

/** Terms staff look for, taken from the documents' own text; some cross the indexer's word boundaries. */
const TERMS = [
	'管理審查', '風險評鑑', '矯正措施', '存取控制', '營運持續', '教育訓練', '可攜式', '委外廠商', '資通安全長',
	'內部稽核', '資產清冊', '通行碼', '密碼', '備份', '機房', '事件通報', '資通安全事件', '弱點掃描', '日誌',
	'變更管理', '供應商', '個人資料', '權限', '帳號', '加密', '金鑰', '防火牆', '惡意程式', '資訊資產',
	'適用性聲明書', '文件管制', '紀錄保存', '資訊安全目標', '量測指標', '持續改善', '不符合事項', '預防措施',
	'認知宣導', '離職', '電子郵件', '測試環境', '營運衝擊分析', '演練', '緊急應變', '智慧財產權', '稽核', '審查',
	'核定', '組織全景', '溝通', '個資', '儲存媒體', '存取權限', '最小權限', '職務區隔', '還原測試', '漏洞',
	'資訊安全事故', '社交工程', '報廢', '保密協議', '門禁', '不斷電', '機密等級', '程序書', '資通安全處理小組',
	'委員會', '身分證', '符合事項', '處理小組', '安全長',
];

const TARGETS = { recall: 99.5, precision: 99, top1: 100 };

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
	.filter((p): p is IndexedPage & { meta: { docNo: string } } => Boolean(p.meta.docNo) && p.filters.status?.includes(STATUS_LABELS.current) === true)
	.map((p) => ({ docNo: p.meta.docNo, url: p.url }))
	.sort((a, b) => a.docNo.localeCompare(b.docNo));
const numberQueries = documents.flatMap(({ docNo, url }) => [
	{ query: docNo, url },
	{ query: docNo.toLowerCase(), url },
	{ query: docNo.replace(/^[^-]+-/, ''), url },
]);

const pagefind = await loadPagefind(dist);
const defaults = searchFilters();
const urlsOf = async (pf: PagefindLike, query: string) =>
	Promise.all(((await pf.search(query, { filters: defaults }))?.results ?? []).map(async (r) => (await r.data()).url));

type Way = 'typed' | 'phrase' | 'portal';
const WAYS: Way[] = ['typed', 'phrase', 'portal'];
const run: Record<Way, (query: string) => Promise<string[]>> = {
	typed: (query) => urlsOf(pagefind, query),
	phrase: (query) => urlsOf(pagefind, `"${query}"`),
	portal: async (query) => (await runSearch(pagefind, query)).hits.map((hit) => hit.pageUrl),
};

interface Score {
	found: number;
	returned: number;
	relevant: number;
	top1: number;
	queries: number;
	ms: number[];
}
const blank = (): Score => ({ found: 0, returned: 0, relevant: 0, top1: 0, queries: 0, ms: [] });
const scores = { terms: Object.fromEntries(WAYS.map((w) => [w, blank()])), numbers: Object.fromEntries(WAYS.map((w) => [w, blank()])) } as Record<
	'terms' | 'numbers',
	Record<Way, Score>
>;
const problems: string[] = [];

async function measure(set: 'terms' | 'numbers', query: string, permalink?: string) {
	const truth = truthOf(query);
	for (const way of WAYS) {
		const started = performance.now();
		const urls = [...new Set(await run[way](query))];
		const score = scores[set][way];
		score.ms.push(performance.now() - started);
		const found = urls.filter((u) => truth.has(u)).length;
		score.found += found;
		score.returned += urls.length;
		score.relevant += truth.size;
		score.queries++;
		if (permalink && urls[0] === permalink) score.top1++;
		if (way === 'portal' && (found < truth.size || found < urls.length || (permalink && urls[0] !== permalink))) {
			const missed = [...truth].filter((u) => !urls.includes(u));
			const extra = urls.filter((u) => !truth.has(u));
			problems.push(`「${query}」 missed ${missed.join(' ') || '-'}; not containing it ${extra.join(' ') || '-'}${permalink && urls[0] !== permalink ? `; first ${urls[0] ?? '(none)'}, expected ${permalink}` : ''}`);
		}
		if (values.verbose && way === 'portal') process.stdout.write(`  ${query}: ${found}/${urls.length} of ${truth.size}\n`);
	}
}

const absent = TERMS.filter((term) => truthOf(term).size === 0);
if (absent.length) {
	process.stderr.write(`terms not in the current documents (fix the list): ${absent.join(' ')}\n`);
	process.exit(1);
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
const stress = { found: 0, relevant: 0, returned: 0, correct: 0 };
const stressMisses: string[] = [];
for (const text of samples) {
	const truth = truthOf(text);
	const urls = (await runSearch(pagefind, text)).hits.map((hit) => hit.pageUrl);
	const found = urls.filter((u) => truth.has(u)).length;
	stress.found += found;
	stress.correct += found;
	stress.returned += urls.length;
	stress.relevant += truth.size;
	if (found < truth.size) stressMisses.push(`${text} ${found}/${truth.size}`);
}
await pagefind.close();

const pct = (a: number, b: number) => (b ? (100 * a) / b : Number.NaN);
const fmt = (n: number) => (Number.isNaN(n) ? '—' : `${n.toFixed(2)} %`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const lines: string[] = [];
lines.push(`index: ${pages.length} pages, ${visible.length} shown by default; ${documents.length} documents in force`);
lines.push(`queries: ${TERMS.length} terms, ${numberQueries.length} document numbers (${documents.length} × ISMS-P-005 / isms-p-005 / P-005)`);
lines.push('');
lines.push('                        terms: recall  precision | numbers: recall  precision    top-1 | median ms/query');
const label: Record<Way, string> = { typed: 'as typed (Starlight)', phrase: 'phrase ("…")       ', portal: 'portal (search-query)' };
for (const way of WAYS) {
	const t = scores.terms[way];
	const n = scores.numbers[way];
	lines.push(
		`${label[way].padEnd(21)}  ${fmt(pct(t.found, t.relevant)).padStart(11)} ${fmt(pct(t.found, t.returned)).padStart(10)} | ${fmt(pct(n.found, n.relevant)).padStart(15)} ${fmt(pct(n.found, n.returned)).padStart(10)} ${fmt(pct(n.top1, n.queries)).padStart(8)} | ${median([...t.ms, ...n.ms]).toFixed(0).padStart(6)}`,
	);
}
lines.push('');
lines.push(
	`stress (portal): ${samples.size} random 2–5-character Han substrings of the pages: recall ${fmt(pct(stress.found, stress.relevant))}, precision ${fmt(pct(stress.correct, stress.returned))}`,
);
if (stressMisses.length) lines.push(`  missed (substring starts inside one of the indexer's words): ${stressMisses.slice(0, 10).join('; ')}`);
const portal = { t: scores.terms.portal, n: scores.numbers.portal };
const all = { found: portal.t.found + portal.n.found, relevant: portal.t.relevant + portal.n.relevant, returned: portal.t.returned + portal.n.returned };
const recall = pct(all.found, all.relevant);
const precision = all.returned ? pct(all.found, all.returned) : 0;
const top1 = pct(portal.n.top1, portal.n.queries);
const ok = recall >= TARGETS.recall && precision >= TARGETS.precision && top1 >= TARGETS.top1;
lines.push('');
lines.push(
	`portal, all ${portal.t.queries + portal.n.queries} queries: recall ${fmt(recall)} (target ≥ ${TARGETS.recall} %), precision ${fmt(precision)} (≥ ${TARGETS.precision} %), document-number top-1 ${fmt(top1)} (${TARGETS.top1} %) ${ok ? 'OK' : 'BELOW TARGET'}`,
);
if (problems.length) lines.push('', 'portal queries not perfect:', ...problems.map((p) => `  ${p}`));
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(ok ? 0 : 1);
