import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadControls } from '../../src/node/controls.ts';
import { loadCorpus } from '../../src/node/corpus.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import { readSourceFile } from '../../src/node/source-file.ts';
import { copyControls, DOCS, makeTree, removeTempDirs, versionFile } from '../unit/_helpers.ts';

afterEach(removeTempDirs);

const brief = (root: string) => loadCorpus({ root, documentsDir: DOCS }).problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`);

describe('readSourceFile', () => {
	it('reads a UTF-8 file', () => {
		const root = makeTree({ 'a.yaml': 'x: 甲\n' });
		expect(readSourceFile(root, 'a.yaml')).toEqual({ ok: true, text: 'x: 甲\n' });
	});

	it('says when nothing is there (the caller decides whether that is a fault)', () => {
		expect(readSourceFile(makeTree({}), 'soa.yaml')).toMatchObject({
			ok: false,
			missing: true,
			problem: { file: 'soa.yaml', rule: 'file/missing' },
		});
	});

	it('refuses a symbolic link, never reading what it points to', () => {
		const root = makeTree({ 'real.yaml': 'x: 1\n' });
		symlinkSync('/etc/passwd', join(root, 'soa.yaml'));
		expect(readSourceFile(root, 'soa.yaml')).toMatchObject({
			ok: false,
			missing: false,
			problem: { rule: 'layout/symlink', message: expect.stringContaining('符號連結') },
		});
	});

	it('refuses a folder and a named pipe (reading a pipe would wait forever)', () => {
		const root = makeTree({});
		mkdirSync(join(root, 'soa.yaml'));
		execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
		expect(readSourceFile(root, 'soa.yaml')).toMatchObject({
			ok: false,
			problem: { rule: 'file/unreadable', message: expect.stringContaining('資料夾') },
		});
		expect(readSourceFile(root, 'pipe.yaml')).toMatchObject({
			ok: false,
			problem: { rule: 'file/unreadable', message: expect.stringContaining('具名管道') },
		});
	});

	it(`passes ${LIMITS.fileBytes} bytes and ${LIMITS.lines} lines, refuses one more of either with the limit in the message`, () => {
		const root = makeTree({
			'max-bytes.txt': 'x'.repeat(LIMITS.fileBytes),
			'big.txt': 'x'.repeat(LIMITS.fileBytes + 1),
			'max-lines.txt': '\n'.repeat(LIMITS.lines - 1),
			'long.txt': '\n'.repeat(LIMITS.lines),
		});
		expect(readSourceFile(root, 'max-bytes.txt').ok).toBe(true);
		expect(readSourceFile(root, 'max-lines.txt').ok).toBe(true);
		expect(readSourceFile(root, 'big.txt')).toMatchObject({
			ok: false,
			problem: {
				line: 1,
				column: 1,
				rule: 'limit/file-size',
				message: expect.stringContaining('檔案大小 524,289 位元組，超過上限 524,288 位元組'),
			},
		});
		expect(readSourceFile(root, 'long.txt')).toMatchObject({
			ok: false,
			problem: { line: 20_001, column: 1, rule: 'limit/lines', message: expect.stringContaining('超過 20,000 行的上限') },
		});
	});

	it('refuses a file that is not UTF-8 text', () => {
		const root = makeTree({});
		writeFileSync(join(root, 'soa.yaml'), Buffer.from('version: "1.0"\napprovedBy: 資通安全長\n', 'utf16le'));
		expect(readSourceFile(root, 'soa.yaml')).toMatchObject({
			ok: false,
			problem: { rule: 'file/encoding', message: expect.stringContaining('（UTF-16）') },
		});
	});
});

describe('loadCorpus: links and special files in the documents folder', () => {
	it('refuses a link to a file, a dangling link and a link to a folder outside the project, following none', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0') });
		symlinkSync('/etc/passwd', join(root, DOCS, 'ISMS-P-005', '1.1.mdx'));
		symlinkSync(join(root, 'nowhere.mdx'), join(root, DOCS, 'ISMS-P-005', '1.2.mdx'));
		// A folder link out of the repository: its files used to be read as documents.
		const outside = makeTree({ 'ISMS-P-006/1.0.mdx': versionFile('ISMS-P-006', '1.0') });
		symlinkSync(join(outside, 'ISMS-P-006'), join(root, DOCS, 'ISMS-P-006'));
		const loaded = loadCorpus({ root, documentsDir: DOCS });
		expect(loaded.versions.map((v) => v.id)).toEqual(['ISMS-P-005/1.0']);
		expect(brief(root)).toEqual([
			`${DOCS}/ISMS-P-005/1.1.mdx:1:1 layout/symlink`,
			`${DOCS}/ISMS-P-005/1.2.mdx:1:1 layout/symlink`,
			`${DOCS}/ISMS-P-006:1:1 layout/symlink`,
		]);
	});

	it('refuses a named pipe where a version file should be', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0') });
		execFileSync('mkfifo', [join(root, DOCS, 'ISMS-P-005', '1.1.mdx')]);
		expect(brief(root)).toEqual([`${DOCS}/ISMS-P-005/1.1.mdx:1:1 file/unreadable`]);
	});

	it('reports a file where the documents folder should be, naming the variable that chose it', () => {
		const root = makeTree({ 'docs.txt': 'x' });
		const loaded = loadCorpus({ root, documentsDir: 'docs.txt', documentsDirVariable: 'PORTAL_DOCUMENTS_DIR' });
		expect(loaded.problems).toEqual([
			{
				file: 'docs.txt',
				line: 1,
				column: 1,
				severity: 'error',
				rule: 'layout/missing-folder',
				message: expect.stringContaining('docs.txt（由環境變數 PORTAL_DOCUMENTS_DIR 指定）不是資料夾'),
			},
		]);
		expect(loadCorpus({ root, documentsDir: 'nope', documentsDirVariable: 'PORTAL_DOCUMENTS_DIR' }).problems[0]!.message).toBe(
			'找不到文件資料夾 nope（由環境變數 PORTAL_DOCUMENTS_DIR 指定）',
		);
	});
});

describe('loadControls: the catalogues are read the same way', () => {
	it('refuses a catalogue saved in Big5 and a crosswalk that is a link, one problem each', () => {
		const root = makeTree({});
		copyControls(root);
		const dir = join(root, 'content', 'controls');
		writeFileSync(
			join(dir, 'iso27001-2013.yaml'),
			Buffer.concat([Buffer.from('standard: ISO/IEC 27001:2013\ntitle: '), Buffer.from([0xb8, 0xea, 0xb0, 0x54]), Buffer.from('\n')]),
		);
		rmSync(join(dir, 'crosswalk-2013-2022.yaml'));
		symlinkSync('/etc/passwd', join(dir, 'crosswalk-2013-2022.yaml'));
		const loaded = loadControls(root);
		expect(loaded.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual([
			'content/controls/iso27001-2013.yaml:2:8 file/encoding',
			'content/controls/crosswalk-2013-2022.yaml:1:1 layout/symlink',
		]);
		expect(loaded.problems[0]!.message).toContain('（可能是 Big5）');
	});
});
