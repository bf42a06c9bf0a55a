/**
 * Runs a built site's real Pagefind bundle (`<dist>/pagefind/pagefind.js`) in Node, the way the browser
 * runs it: the site's files are served from a throw-away static server on 127.0.0.1 (Pagefind fetches its
 * index with `fetch`, which in Node does not read file: URLs), and Pagefind is told the page language that
 * a browser would read from `<html lang>` (it segments queries by that language). Used by
 * `npm run bench:search` and by test/build/search.test.ts (a test and benchmark helper, not site code).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { INDEX_PARTS_FILE, readIndexParts } from '../../src/lib/search/index-parts.ts';

/** The part of Pagefind's JS API that the portal uses (pagefind.js has no bundled types). */
export interface PagefindFragment {
	url: string;
	content: string;
	excerpt: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
	sub_results: { title: string; url: string; excerpt: string }[];
}
export interface PagefindResult {
	id: string;
	score: number;
	words: number[];
	data(): Promise<PagefindFragment>;
}
export interface PagefindResponse {
	results: PagefindResult[];
	unfilteredResultCount: number;
	filters: Record<string, Record<string, number>>;
	totalFilters: Record<string, Record<string, number>>;
}
export interface PagefindApi {
	search(term: string | null, options?: { filters?: unknown }): Promise<PagefindResponse>;
	filters(): Promise<Record<string, Record<string, number>>>;
	options(options: Record<string, unknown>): Promise<void>;
	mergeIndex?(url: string, options: Record<string, unknown>): Promise<void>;
}

/** The extra bundles of a site whose index is in parts (src/lib/search/index-parts.ts), `pagefind-2/` … */
export function indexPartsOf(distDir: string): string[] {
	const file = join(distDir, INDEX_PARTS_FILE);
	return existsSync(file) ? readIndexParts(JSON.parse(readFileSync(file, 'utf8'))) : [];
}

export interface NodePagefind extends PagefindApi {
	/** http://127.0.0.1:<port>, serving the dist folder. */
	origin: string;
	close(): Promise<void>;
}

const TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.json': 'application/json',
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
};

/** Serves `root` read-only on 127.0.0.1 (an ephemeral port); nothing outside `root` is reachable. */
export async function serveDirectory(root: string): Promise<{ origin: string; close(): Promise<void> }> {
	const base = resolve(root);
	const server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
		let file = resolve(base, `.${path}`);
		if (file !== base && !file.startsWith(base + sep)) {
			response.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) {
			response.writeHead(404).end();
			return;
		}
		response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
		response.end(readFileSync(file));
	});
	// Node closes an idle keep-alive connection after 5 s; a client reusing it at that moment gets
	// "fetch failed" (a chunk Pagefind then never loads). Connections stay open while the tests run.
	server.keepAliveTimeout = 10 * 60_000;
	server.headersTimeout = 10 * 60_000 + 1000;
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((done) => {
				server.close(() => done());
				server.closeAllConnections();
			}),
	};
}

/**
 * Loads `<distDir>/pagefind/pagefind.js` and returns a search instance over that site's index.
 * `lang` is what the browser would find in `<html lang>` on the portal's pages.
 */
export async function loadPagefind(distDir: string, lang = 'zh-TW'): Promise<NodePagefind> {
	const bundle = join(resolve(distDir), 'pagefind', 'pagefind.js');
	if (!existsSync(bundle)) throw new Error(`${bundle} not found: build the site first`);
	const server = await serveDirectory(distDir);
	const module = (await import(pathToFileURL(bundle).href)) as { createInstance(options: Record<string, unknown>): PagefindApi };
	// pagefind.js reads the page language from `document.querySelector('html').getAttribute('lang')` when
	// an instance is created; a stand-in document is present for that call only.
	const global = globalThis as { document?: unknown };
	const previous = global.document;
	global.document = {
		currentScript: null,
		querySelector: (selector: string) => (selector === 'html' ? { getAttribute: (name: string) => (name === 'lang' ? lang : null) } : null),
	};
	let instance: PagefindApi;
	try {
		instance = module.createInstance({ basePath: `${server.origin}/pagefind/`, baseUrl: '/' });
		// A large site's index is in parts: merged as the browser merges them (src/client/search-engine.ts), each
		// part searched in the page language (in Node, Pagefind does not read it for a merged part).
		for (const part of indexPartsOf(distDir))
			await instance.mergeIndex!(`${server.origin}/${part}`, { baseUrl: '/', language: lang.toLowerCase() });
	} finally {
		if (previous === undefined) delete global.document;
		else global.document = previous;
	}
	return {
		origin: server.origin,
		search: (term, options) => instance.search(term, options),
		filters: () => instance.filters(),
		options: (options) => instance.options(options),
		close: async () => {
			await (instance as PagefindApi & { destroy?(): Promise<void> }).destroy?.();
			await server.close();
		},
	};
}

/** One page of the built index: its URL, indexed text (word marks removed), meta and filters. */
export interface IndexedPage {
	url: string;
	content: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

/** Every page in `<distDir>/pagefind/fragment/` (and its other parts'), decompressed (gzip, then the `pagefind_dcd` signature). */
export function readIndexedPages(distDir: string): IndexedPage[] {
	const dirs = ['pagefind/', ...indexPartsOf(distDir)].map((bundle) => join(distDir, bundle, 'fragment'));
	return dirs
		.filter((dir) => existsSync(dir))
		.flatMap((dir) => readdirSync(dir).map((file) => join(dir, file)))
		.filter((file) => file.endsWith('.pf_fragment'))
		.map((path) => {
			const raw = gunzipSync(readFileSync(path)).toString('utf8');
			const data = JSON.parse(raw.slice(raw.indexOf('{'))) as Partial<IndexedPage> & { url: string; content: string };
			return { url: data.url, content: data.content.replace(/\u200b/g, ''), meta: data.meta ?? {}, filters: data.filters ?? {} };
		})
		.sort((a, b) => a.url.localeCompare(b.url));
}
