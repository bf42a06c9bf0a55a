/**
 * npm run import -- <file.docx|file.odt> [--docno …] [--version …] [--effective …] [--title …]
 *                   [--tier 1-4] [--last-reviewed …] [--force]
 * Converts a Word or ODF document into content/documents/<DOCNO>/<VERSION>.mdx (and its images in
 * content/documents/<DOCNO>/assets/<VERSION>/), then prints what the checker still finds in it.
 */
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/lib/problems.ts';
import { importDocument } from '../src/node/import/index.ts';
import { portalSetup } from './portal-config.ts';

const usage = [
	'用法：npm run import -- <檔案.docx 或 檔案.odt> [--docno 文件編號] [--version 版次] [--effective 生效日期]',
	'                      [--title 文件名稱] [--tier 1-4] [--last-reviewed 日期] [--force]',
	'例如：npm run import -- 資通安全維護計畫.docx --docno ISMS-M-002 --effective 113-10-18',
].join('\n');

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: {
			docno: { type: 'string' },
			version: { type: 'string' },
			effective: { type: 'string' },
			title: { type: 'string' },
			tier: { type: 'string' },
			'last-reviewed': { type: 'string' },
			force: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h' },
		},
	});
} catch (error) {
	process.stderr.write(`${(error as Error).message}\n${usage}\n`);
	process.exit(2);
}
if (parsed.values.help) {
	process.stdout.write(`${usage}\n`);
	process.exit(0);
}
if (parsed.positionals.length !== 1) {
	process.stderr.write(`${usage}\n`);
	process.exit(2);
}

const root = process.cwd();
const { config, settings } = await portalSetup(root);
const { values } = parsed;
const result = await importDocument({
	root,
	input: parsed.positionals[0]!,
	force: values.force ?? false,
	config,
	settings,
	flags: {
		...(values.docno !== undefined ? { docNo: values.docno } : {}),
		...(values.version !== undefined ? { version: values.version } : {}),
		...(values.effective !== undefined ? { effective: values.effective } : {}),
		...(values.title !== undefined ? { title: values.title } : {}),
		...(values.tier !== undefined ? { tier: values.tier } : {}),
		...(values['last-reviewed'] !== undefined ? { lastReviewed: values['last-reviewed'] } : {}),
	},
});
if (!result.ok) {
	process.stderr.write(`${formatProblem(result.problem)}\n未寫入任何檔案。\n`);
	process.exit(1);
}
const lines = [
	`已匯入 ${result.file}${result.images.length > 0 ? `（圖片 ${result.images.length} 張，放在 ${result.images[0]!.replace(/\/[^/]+$/, '/')}）` : ''}。`,
];
if (result.notes.length > 0) lines.push('', '請確認或補填：', ...result.notes.map((note) => `- ${note}`));
if (result.problems.length > 0)
	lines.push('', `檢查結果（npm run check）尚有 ${result.problems.length} 個問題待修正：`, ...result.problems.map(formatProblem));
else lines.push('', '檢查結果（npm run check）：此檔沒有問題。');
lines.push('', '請對照原檔逐段確認內文、條次、表格與圖片，再提交。');
process.stdout.write(`${lines.join('\n')}\n`);
