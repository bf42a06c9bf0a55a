/**
 * npm run new-version -- <DOCNO> <VERSION> [--effective YYYY-MM-DD]
 * Copies the version in force to content/documents/<DOCNO>/<VERSION>.mdx with the new version,
 * effective date (today by default) and an empty `changes` (修訂說明) to fill in.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { guardCli } from './cli-guard.ts';
import { loadCorpus } from '../src/node/corpus.ts';
import { portalToday } from '../src/lib/documents/dates.ts';
import { planNewVersion } from '../src/lib/documents/new-version.ts';
import { formatProblem, hasErrors } from '../src/lib/problems.ts';

guardCli('建立新版次');

const root = process.cwd();
const usage = '用法：npm run new-version -- <文件編號> <新版次> [--effective YYYY-MM-DD]\n例如：npm run new-version -- ISMS-P-005 1.1';

function fail(message: string): never {
	process.stderr.write(`${message}\n`);
	process.exit(1);
}

let parsed;
try {
	parsed = parseArgs({ allowPositionals: true, options: { effective: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
	fail(`${(error as Error).message}\n${usage}`);
}
if (parsed.values.help) {
	process.stdout.write(`${usage}\n`);
	process.exit(0);
}
const [docNo, version] = parsed.positionals;
if (!docNo || !version || parsed.positionals.length > 2) fail(usage);

let today: string;
try {
	today = portalToday(process.env.PORTAL_TODAY);
} catch (error) {
	fail((error as Error).message);
}
const documentsDir = process.env.PORTAL_DOCUMENTS_DIR || 'content/documents';
const corpus = loadCorpus({ root, documentsDir });
if (hasErrors(corpus.problems)) {
	fail(`請先修正下列問題再建立新版次：\n${corpus.problems.map(formatProblem).join('\n')}`);
}
const plan = planNewVersion(
	{ docNo: docNo.toUpperCase(), version, effective: parsed.values.effective ?? today, today, documentsDir },
	corpus.versions,
	(file) => readFileSync(join(root, file), 'utf8'),
	(path) => existsSync(join(root, path)),
);
if (!plan.ok) fail(plan.message);
writeFileSync(join(root, plan.path), plan.content, { flag: 'wx' });
process.stdout.write(
	`已建立 ${plan.path}（複製自第 ${plan.source.version} 版）。\n請填寫 changes（修訂說明）並修改內文；未填修訂說明前建置會失敗。\n`,
);
