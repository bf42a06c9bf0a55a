/**
 * The second step of `npm run build`: the Pagefind search index of the built site, run after the
 * Astro build has exited so that the two never hold memory at the same time; then the audit of
 * every output file for what the build must not publish (src/lib/ceiling/audit.ts). Only a build that
 * passed every check left its pending record; only an audit that finds nothing makes it final.
 * The index is written in parts of at most 1,500 pages (src/lib/search/index-parts.ts), one Pagefind index
 * at a time, so that Pagefind's memory stays under the build's budget however many versions there are.
 * Usage: node scripts/index-search.ts [outDir] [--pages-per-index N]   (default dist, 1500)
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { guardCli } from './cli-guard.ts';
import { formatFinding } from '../src/lib/ceiling/audit.ts';
import { BUILD_MARKER, PENDING_MARKER, type BuildRecord } from '../src/lib/publish/build-record.ts';
import { globOfFiles } from '../src/lib/search/index-attributes.ts';
import { INDEX_PARTS_FILE, indexParts, PAGES_PER_INDEX, partsFileContent } from '../src/lib/search/index-parts.ts';
import { auditOutput, emptyOutput, readAuditList, removeAuditList } from '../src/node/audit.ts';

guardCli('建立搜尋索引');

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'pages-per-index': { type: 'string' } } });
const pagesPerIndex = Number(values['pages-per-index'] ?? PAGES_PER_INDEX);
if (!Number.isInteger(pagesPerIndex) || pagesPerIndex < 1) {
	process.stderr.write(`--pages-per-index 應為正整數（每個索引分冊的頁數），收到「${values['pages-per-index']}」\n`);
	process.exit(1);
}
const dir = resolve(positionals[0] ?? 'dist');
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
	// Pagefind reads the pages itself, in parallel. Only pages with a search body (document pages, help) are
	// given to it: an index none of whose pages has one would take whole pages instead (Pagefind's rule, per
	// index, and the index is written in parts). The build listed them while it audited every page. Left out
	// too: the copies of pages already indexed.
	if (!Array.isArray(record.searchPages))
		fail([`${pending}：建置紀錄沒有列出要建立索引的頁面（searchPages）；請以同一版入口網重新執行 npm run build`]);
	const skipped = new Set(['404.html', ...record.duplicatePages]);
	const files = record.searchPages!.filter((file) => !skipped.has(file));
	let pages = 0;
	const parts = indexParts(files, pagesPerIndex);
	for (const part of parts) {
		// One index at a time, let go before the next: Pagefind's peak is one part's.
		const created = await pagefind.createIndex();
		if (!created.index) fail(created.errors);
		const added = part.files.length > 0 ? await created.index!.addDirectory({ path: dir, glob: globOfFiles(part.files) }) : undefined;
		if (added && added.errors.length > 0) fail(added.errors);
		pages += added?.page_count ?? 0;
		const written = await created.index!.writeFiles({ outputPath: join(dir, part.bundle) });
		if (written.errors.length > 0) fail(written.errors);
		await created.index!.deleteIndex();
	}
	if (parts.length > 1) writeFileSync(join(dir, INDEX_PARTS_FILE), partsFileContent(parts));
	process.stdout.write(`搜尋索引：讀取 ${pages} 頁（${parts.length} 個分冊），${Math.round(performance.now() - started)} ms\n`);
	await auditAndFinish(record);
} finally {
	await pagefind.close();
}

/**
 * Every output file (the pages, the search index, the exports, opened) against the build's canary
 * list. A finding fails the build: one line each, the output emptied, no build record.
 */
async function auditAndFinish(record: BuildRecord): Promise<void> {
	const started = performance.now();
	const where = relative(process.cwd(), dir) || '.';
	const list = record.audit ? readAuditList(record.audit.file, record.audit.id) : undefined;
	const refuse = (lines: string[], summary: string): never => {
		emptyOutput(dir);
		if (record.audit) removeAuditList(record.audit.file);
		process.stderr.write(`${lines.join('\n')}\n${summary}\n`);
		process.exit(1);
	};
	if (!list) {
		refuse(
			[
				`${where}/${PENDING_MARKER}:1:1  error  audit/missing-list  找不到本次建置的輸出稽核清單（應由 astro build 寫在 Astro 快取資料夾中）；請重新執行 npm run build`,
			],
			'輸出稽核無法執行；建置中止，已清空輸出資料夾。',
		);
	}
	const { findings, files } = await auditOutput(dir, list!.canaries);
	if (findings.length > 0) {
		refuse(
			findings.map((finding) => formatFinding(finding, where, list!.ceiling)),
			`輸出稽核：共 ${findings.length} 處含有不得發布的內容；建置中止，已清空輸出資料夾（${where}），未留下建置紀錄。`,
		);
	}
	removeAuditList(record.audit!.file);
	// The final record does not name the list (a path of the build machine) nor the searched pages; renamed into place at once.
	const { audit: _audit, searchPages: _searchPages, ...final } = record;
	writeFileSync(pending, `${JSON.stringify(final, null, 2)}\n`);
	renameSync(pending, join(dir, BUILD_MARKER));
	process.stdout.write(
		`輸出稽核：${files} 個檔案、${list!.canaries.length} 個不得發布的字串，未發現外洩，${Math.round(performance.now() - started)} ms\n`,
	);
}
