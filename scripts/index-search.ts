/**
 * The second step of `npm run build`: the Pagefind search index of the built site, run after the
 * Astro build has exited so that the two never hold memory at the same time. Only a build that
 * passed every check left its pending record; the index step makes it final.
 * Usage: node scripts/index-search.ts [outDir]   (default dist)
 */
import { existsSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { guardCli } from './cli-guard.ts';
import { BUILD_MARKER, PENDING_MARKER, type BuildRecord } from '../src/lib/build-record.ts';
import { globOfFiles } from '../src/lib/search/index-attributes.ts';

guardCli('建立搜尋索引');

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
	const record = JSON.parse(readFileSync(pending, 'utf8')) as BuildRecord;
	const created = await pagefind.createIndex();
	if (!created.index) fail(created.errors);
	// Pagefind reads the pages itself, in parallel; it indexes those with a search body (document pages,
	// help) and ignores the rest. Left out: the 404 page and the copies of pages already indexed.
	const skipped = new Set(['404.html', ...record.duplicatePages]);
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((file) => file.split(sep).join('/'))
		.filter((file) => file.endsWith('.html') && !skipped.has(file));
	let pages = 0;
	if (files.length > 0) {
		const added = await created.index!.addDirectory({ path: dir, glob: globOfFiles(files) });
		if (added.errors.length > 0) fail(added.errors);
		pages = added.page_count;
	}
	const written = await created.index!.writeFiles({ outputPath: join(dir, 'pagefind') });
	if (written.errors.length > 0) fail(written.errors);
	renameSync(pending, join(dir, BUILD_MARKER));
	process.stdout.write(`搜尋索引：讀取 ${pages} 頁，${Math.round(performance.now() - started)} ms\n`);
} finally {
	await pagefind.close();
}
