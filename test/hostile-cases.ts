/**
 * The adversarial corpus (test/fixtures/hostile/README.md): every hostile input, what the portal
 * must say about it, and how to lay it out. Committed cases are folders under test/fixtures/hostile/;
 * symbolic links, named pipes, unreadable and multi-megabyte files are made at test time under
 * test/.tmp/hostile/. Shared by `npm run check` (test/cli/hostile.test.ts) and real builds
 * (test/build/hostile.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = 'test/fixtures/hostile';
const TMP = 'test/.tmp/hostile';
const DOC = 'ISMS-M-001/1.0.mdx';

export interface HostileCase {
	name: string;
	/** The problem line's file, relative to the root (`documents/…` inside the case folder). */
	file: string;
	rule: string;
	/** Text the message must contain. */
	message: string;
	/** `line:column` when the position matters. */
	at?: string;
	env?: Record<string, string>;
	/** Needs a user without root's power to read anything. */
	unprivileged?: boolean;
}

/** 草稿.mdx as a Big5 system saves the name. */
const BIG5_NAME = [0xaf, 0xf3, 0xbd, 0x5a, 0x2e, 0x6d, 0x64, 0x78];
const FRONTMATTER =
	'---\ndocNo: ISMS-M-001\ntitle: 資訊安全管理政策\nversion: "1.0"\ntier: 1\nclassification: internal\neffective: 2020-10-16\n---\n';
const VALID = `${FRONTMATTER}\n## 1. 目的\n\n為落實本局資訊安全管理，特訂定本政策。\n`;

const committed = (name: string, rule: string, message: string, at?: string, file = `documents/${DOC}`): HostileCase => ({
	name,
	file: `${FIXTURES}/${name}/${file}`,
	rule,
	message,
	...(at ? { at } : {}),
});
const generated = (
	name: string,
	rule: string,
	message: string,
	file = `documents/${DOC}`,
	extra: Partial<HostileCase> = {},
): HostileCase => ({
	name,
	file: `${TMP}/${name}/${file}`,
	rule,
	message,
	...extra,
});

export const CASES: HostileCase[] = [
	// 13: a YAML alias bomb (frontmatter and SoA data), and its kin.
	committed('alias-bomb', 'frontmatter/syntax', '展開過多（超過 100 個）', '3:8'),
	committed('soa-alias-bomb', 'soa/syntax', '展開過多（超過 100 個）', '6:8', 'soa.yaml'),
	committed('unresolved-alias', 'frontmatter/syntax', '別名 *title 找不到對應的 &title 錨點', '3:8'),
	committed('yaml-deep', 'frontmatter/syntax', '巢狀層次過深'),
	// 14: links are refused, never followed.
	generated('symlink-file', 'layout/symlink', '符號連結'),
	generated('symlink-dangling', 'layout/symlink', '符號連結'),
	generated('symlink-folder-outside', 'layout/symlink', '符號連結', 'documents/ISMS-M-001'),
	generated('symlink-soa', 'layout/symlink', '符號連結', 'soa.yaml'),
	generated('fifo', 'file/unreadable', '具名管道'),
	generated('unreadable', 'file/unreadable', '沒有讀取權限', `documents/${DOC}`, { unprivileged: true }),
	generated('folder-as-file', 'layout/stray-file', '子資料夾'),
	generated('newline-name', 'layout/stray-file', '名稱含有換行或其他控制字元', 'documents/ISMS-M-001/1.1\\u000a.mdx'),
	generated(
		'big5-file-name',
		'layout/stray-file',
		'名稱不是 UTF-8 編碼（可能是 Big5 檔名）',
		`documents/ISMS-M-001/${Buffer.from(BIG5_NAME).toString('utf8')}`,
	),
	generated('file-as-documents-folder', 'layout/missing-folder', '由環境變數 PORTAL_DOCUMENTS_DIR 指定）不是資料夾', 'documents'),
	// 15: nesting and size.
	committed('nested-lists-3000', 'limit/nesting', '超過 20 層的上限', '10:41'),
	committed('nested-lists-1000', 'limit/nesting', '超過 20 層的上限', '10:41'),
	committed('nested-quotes-5000', 'limit/nesting', '超過 20 層的上限', '10:21'),
	committed('nested-jsx', 'limit/nesting', '超過 20 層的上限', '10:121'),
	committed('nested-strong', 'limit/nesting', '超過 20 層的上限', '10:41'),
	generated('nested-lists-indented', 'limit/nesting', '超過 20 層的上限'),
	committed('emphasis-flood', 'limit/inline-marks', '超過 500 個的上限', '10:1'),
	committed('entity-flood', 'limit/inline-marks', '超過 500 個的上限', '10:1'),
	generated('too-large', 'limit/file-size', '超過上限 524,288 位元組'),
	generated('too-many-lines', 'limit/lines', '超過 20,000 行的上限'),
	// 16: encodings.
	committed('big5', 'file/encoding', '檔案不是 UTF-8 編碼（可能是 Big5）；第 3 行第 8 字起', '3:8'),
	committed('soa-big5', 'file/encoding', '檔案不是 UTF-8 編碼（可能是 Big5）', '3:13', 'soa.yaml'),
	committed('utf16', 'file/encoding', '檔案不是 UTF-8 編碼（UTF-16）；此檔為 UTF-16 LE', '1:1'),
	committed('utf16-no-bom', 'file/encoding', '檔案不是 UTF-8 編碼（UTF-16）；此檔為 UTF-16 BE', '1:1'),
	// 17: accepted silently before.
	committed('nul-byte', 'file/control-character', 'U+0000（NUL，空字元）', '12:6'),
	committed('empty-body', 'mdx/empty-body', '內文是空的', '9:1'),
	generated(
		'long-title',
		'frontmatter/invalid-value',
		'（共 200,000 字）」無效；應為 非空白的單行文字（不可換行），最多 200 字',
		`documents/${DOC}`,
	),
	committed('underscore-file', 'layout/reserved-name', '「_draft.mdx」不會被當成文件', '1:1', 'documents/ISMS-M-001/_draft.mdx'),
	committed('underscore-folder', 'layout/reserved-name', '「_templates」不會被當成文件', '1:1', 'documents/_templates'),
	generated('soa-file-missing', 'config/env', '環境變數 PORTAL_SOA_FILE 指定的適用性聲明書檔案', 'no-such-soa.yaml'),
	generated('documents-dir-missing', 'layout/missing-folder', '找不到文件資料夾', 'no-such-folder'),
	{
		name: 'include-drafts-typo',
		file: '(環境變數)',
		rule: 'config/env',
		message: 'PORTAL_INCLUDE_DRAFTS 應為 1、true、yes、on（開啟）或 0、false、no、off（關閉），收到「enable」',
		env: { PORTAL_INCLUDE_DRAFTS: 'enable' },
	},
	{
		name: 'today-garbage',
		file: '(環境變數)',
		rule: 'config/env',
		message: 'PORTAL_TODAY 應為 YYYY-MM-DD 格式的實際日期，收到「tomorrow」',
		env: { PORTAL_TODAY: 'tomorrow' },
	},
	{
		name: 'ceiling-garbage',
		file: '(環境變數)',
		rule: 'config/env',
		message: 'PORTAL_MAX_CLASSIFICATION 應為',
		env: { PORTAL_MAX_CLASSIFICATION: 'secret' },
	},
];

/** Cases that must pass: ignored names. */
export const PASSING = ['dot-files'];

/**
 * Lays out a case (generated ones under test/.tmp/hostile/<name>/) and returns the environment
 * that points the portal at it: its documents (else corpus-basic) and its SoA data (else the basic one).
 */
export function prepareCase(c: Pick<HostileCase, 'name' | 'env'>): Record<string, string> {
	const committedDir = `${FIXTURES}/${c.name}`;
	const dir = existsSync(join(ROOT, committedDir)) ? committedDir : `${TMP}/${c.name}`;
	if (dir.startsWith(TMP)) generate(c.name, join(ROOT, dir));
	const env: Record<string, string> = {
		PORTAL_TODAY: '2025-01-15',
		PORTAL_DOCUMENTS_DIR: existsSync(join(ROOT, dir, 'documents')) ? `${dir}/documents` : 'test/fixtures/corpus-basic',
		PORTAL_SOA_FILE:
			existsSync(join(ROOT, dir, 'soa.yaml')) || c.name === 'symlink-soa' ? `${dir}/soa.yaml` : 'test/fixtures/soa/basic.yaml',
	};
	if (c.name === 'soa-file-missing') env.PORTAL_SOA_FILE = `${dir}/no-such-soa.yaml`;
	if (c.name === 'documents-dir-missing') env.PORTAL_DOCUMENTS_DIR = `${dir}/no-such-folder`;
	return { ...env, ...c.env };
}

function generate(name: string, dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	const docs = join(dir, 'documents');
	const doc = join(docs, 'ISMS-M-001');
	mkdirSync(doc, { recursive: true });
	const file = join(doc, '1.0.mdx');
	switch (name) {
		case 'symlink-file':
			symlinkSync('/etc/passwd', file);
			break;
		case 'symlink-dangling':
			symlinkSync(join(dir, 'nowhere.mdx'), file);
			break;
		case 'symlink-folder-outside': {
			// A folder outside the repository, linked in as a document folder.
			rmSync(doc, { recursive: true });
			const outside = join('/tmp', `isms-hostile-outside-${process.pid}`);
			mkdirSync(outside, { recursive: true });
			writeFileSync(join(outside, '1.0.mdx'), VALID);
			symlinkSync(outside, doc);
			break;
		}
		case 'symlink-soa':
			writeFileSync(file, VALID);
			symlinkSync(resolve(ROOT, 'test/fixtures/soa/basic.yaml'), join(dir, 'soa.yaml'));
			break;
		case 'fifo':
			execFileSync('mkfifo', [file]);
			break;
		case 'unreadable':
			writeFileSync(file, VALID);
			chmodSync(file, 0o000);
			break;
		case 'newline-name':
			writeFileSync(file, VALID);
			writeFileSync(join(doc, '1.1\n.mdx'), VALID);
			break;
		case 'big5-file-name':
			writeFileSync(file, VALID);
			writeFileSync(Buffer.concat([Buffer.from(`${doc}/`), Buffer.from(BIG5_NAME)]), VALID);
			break;
		case 'folder-as-file':
			mkdirSync(file);
			break;
		case 'file-as-documents-folder':
			rmSync(docs, { recursive: true });
			writeFileSync(docs, VALID);
			break;
		case 'nested-lists-indented':
			writeFileSync(file, `${FRONTMATTER}\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- 第 ${i + 1} 層`).join('\n')}\n`);
			break;
		case 'too-large':
			writeFileSync(file, `${VALID}\n${'本局資訊安全管理制度應定期檢討。\n\n'.repeat(50_000)}`);
			break;
		case 'too-many-lines':
			writeFileSync(file, `${VALID}${'\n'.repeat(25_000)}`);
			break;
		case 'long-title':
			writeFileSync(file, VALID.replace('title: 資訊安全管理政策', `title: ${'A'.repeat(200_000)}`));
			break;
		case 'dot-files':
			// Editor and system files beside a valid document (kept out of git: .gitignore has .DS_Store, git refuses .git).
			writeFileSync(file, VALID);
			writeFileSync(join(docs, '.DS_Store'), Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
			mkdirSync(join(docs, '.git'));
			writeFileSync(join(docs, '.git', 'HEAD'), 'ref: refs/heads/main\n');
			writeFileSync(join(doc, '.1.0.mdx.swp'), Buffer.from('b0VIM 9.0\0\0\0'));
			symlinkSync('/etc/passwd', join(doc, '.#1.0.mdx'));
			break;
		case 'soa-file-missing':
		case 'documents-dir-missing':
			rmSync(docs, { recursive: true });
			break;
		default:
			writeFileSync(file, VALID);
	}
}

/** The lines of a tool's output that are problems (`file:line:col  error  rule  message`, or a setting's). */
export function problemLines(output: string): string[] {
	return output.split('\n').filter((line) => /^\S.*? {2}(error|warning) {2}\S+ {2}/.test(line) && !EXCERPT_GAP.test(line));
}

/**
 * The corpus-basic fixture is an excerpt of the seed policy (clauses 1, 4, 6, 6.4, 6.4.2, 6.4.2.1,
 * 6.4.2.9): its numbering skips on purpose, which the outline warns about (outline/skipped-clause).
 */
export const EXCERPT_GAP = /^test\/fixtures\/corpus-basic\/\S+ {2}warning {2}outline\/skipped-clause {2}/;

/** Signs of a crash: a stack frame, or an error class printed the way Node prints it. */
export function crashSigns(output: string): string[] {
	return output.split('\n').filter((line) => /^\s+at /.test(line) || /\b[A-Z]\w*Error:/.test(line) || /^Error:/.test(line));
}
