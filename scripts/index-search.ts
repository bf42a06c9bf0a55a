/**
 * The second step of `npm run build`: the Pagefind search index of the built site, run after the
 * Astro build has exited so that the two never hold memory at the same time. Only a build that
 * passed every check left its pending record; the index step makes it final.
 * Usage: node scripts/index-search.ts [outDir]   (default dist)
 */
import { existsSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { BUILD_MARKER, PENDING_MARKER } from '../src/lib/build-record.ts';

const dir = resolve(process.argv[2] ?? 'dist');
const pending = join(dir, PENDING_MARKER);
if (!existsSync(pending)) {
	process.stderr.write(`${dir} 沒有通過檢查的建置紀錄（${PENDING_MARKER}）：請先執行 astro build 並修正所有錯誤\n`);
	process.exit(1);
}
const started = performance.now();
process.stdout.write('搜尋索引建立中（Building search index with Pagefind）…\n');
const fail = (errors: string[]): never => {
	process.stderr.write(`建立搜尋索引失敗：\n${errors.join('\n')}\n`);
	process.exit(1);
};
try {
	const created = await pagefind.createIndex();
	if (!created.index) fail(created.errors);
	// Diff pages and the 404 page are never search results: they are not even read.
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => {
		const path = file.split(sep).join('/');
		return path.endsWith('.html') && path !== '404.html' && !/(^|\/)diff\//.test(path);
	});
	// Pages without a search body (the /v<current>/ copy of a permalink, diff pages) are not handed over;
	// the rest go to Pagefind all at once, which indexes them in parallel.
	const pagesToIndex = files
		.map((file) => ({ sourcePath: file.split(sep).join('/'), content: readFileSync(join(dir, file), 'utf8') }))
		.filter((page) => page.content.includes('data-pagefind-body'));
	const results = await Promise.all(pagesToIndex.map((page) => created.index!.addHTMLFile(page)));
	const errors = results.flatMap((result) => result.errors);
	if (errors.length > 0) fail(errors);
	const pages = pagesToIndex.length;
	const written = await created.index!.writeFiles({ outputPath: join(dir, 'pagefind') });
	if (written.errors.length > 0) fail(written.errors);
	renameSync(pending, join(dir, BUILD_MARKER));
	process.stdout.write(`搜尋索引：讀取 ${pages} 頁，${Math.round(performance.now() - started)} ms\n`);
} finally {
	await pagefind.close();
}
