import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES, crashSigns, PASSING, prepareCase, problemLines, ROOT } from '../hostile-cases.ts';
import { runScript } from './run.ts';

/** `npm run check` as another user than root, for whom file permissions mean something. */
function checkUnprivileged(env: Record<string, string>) {
	const asRoot = process.getuid?.() === 0;
	const result = spawnSync(process.execPath, [resolve(ROOT, 'scripts/check.ts')], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, ...env },
		timeout: 60_000,
		...(asRoot ? { uid: 65534, gid: 65534 } : {}),
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The adversarial corpus (test/fixtures/hostile/README.md). Each case used to crash with a stack
// trace, pass with garbled text, or be skipped without a word.
describe('npm run check on each hostile file', { timeout: 60_000 }, () => {
	it.each(CASES.map((c) => [c.name, c] as const))('%s: one problem line naming the file, exit 1, no stack trace', (_, c) => {
		const env = prepareCase(c);
		const result = c.unprivileged ? checkUnprivileged(env) : runScript('check', [], env);
		const output = result.stdout + result.stderr;
		const lines = problemLines(output);
		expect(lines, output).toHaveLength(1);
		const [where, severity, rule, message] = lines[0]!.split(/ {2}/);
		expect(where).toBe(c.file.startsWith('(') ? c.file : `${c.file}:${c.at ?? where!.slice(c.file.length + 1)}`);
		expect(where!.startsWith(c.file)).toBe(true);
		expect([severity, rule]).toEqual(['error', c.rule]);
		expect(message).toContain(c.message);
		expect(crashSigns(output)).toEqual([]);
		expect(result.status).toBe(1);
	});

	it.each(PASSING)('%s: ignored names pass without a word', (name) => {
		const result = runScript('check', [], prepareCase({ name }));
		expect(problemLines(result.stdout + result.stderr)).toEqual([]);
		expect(result.stdout).toContain('共 0 個錯誤、0 個警告（檢查 1 份文件、1 個版次');
		expect(result.status).toBe(0);
	});
});

describe('the last-resort guard', { timeout: 60_000 }, () => {
	// A fault nobody foresaw, provoked on purpose: an exception inside the checker's work on a file.
	it('prints one line with 請回報 and exit 1 for an unexpected exception; the stack only with PORTAL_DEBUG=1', () => {
		const script = `import { guardCli } from ${JSON.stringify(resolve(ROOT, 'scripts/cli-guard.ts'))};
import { withFile } from ${JSON.stringify(resolve(ROOT, 'src/lib/failure.ts'))};
guardCli('檢查文件');
await Promise.resolve();
withFile('content/documents/ISMS-M-001/1.0.mdx', () => { throw new TypeError('boom'); });`;
		const run = (debug: string) =>
			spawnSync(process.execPath, ['--input-type=module', '-e', script], {
				cwd: ROOT,
				encoding: 'utf8',
				env: { ...process.env, PORTAL_DEBUG: debug },
			});
		const plain = run('');
		expect(plain.status).toBe(1);
		expect(plain.stdout + plain.stderr).toBe(
			'content/documents/ISMS-M-001/1.0.mdx:1:1  error  internal/error  檢查文件時處理此檔案發生未預期的錯誤（TypeError：boom）；這是入口網本身的問題，請將此訊息回報給入口網維護人員（設定 PORTAL_DEBUG=1 再執行可看到詳細資訊）\n',
		);
		const debug = run('1');
		expect(debug.status).toBe(1);
		expect(debug.stderr).toMatch(/TypeError: boom\n\s+at /);
	});
});
