import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Each case runs the CLI (and the checker) as a process: seconds each on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { validateFrontmatter } from '../../src/schemas/frontmatter.ts';
import { FIXTURES, paragraphs } from '../fixtures/import/documents.ts';
import { oleFile } from '../node/import/_files.ts';
import { ROOT, runScript } from './run.ts';

const BASE = `test/.tmp/import-cli-${process.pid}`;
afterAll(() => rmSync(join(ROOT, BASE), { recursive: true, force: true }));
let runs = 0;
/** A fresh documents folder (relative to the project root) for one import. */
function freshDir(): string {
	const dir = `${BASE}/${++runs}`;
	mkdirSync(join(ROOT, dir), { recursive: true });
	return dir;
}
const importInto = (dir: string, args: string[]) => runScript('import', args, { PORTAL_DOCUMENTS_DIR: dir, PORTAL_TODAY: '2025-01-15' });
const files = (dir: string): string[] =>
	existsSync(join(ROOT, dir)) ? readdirSync(join(ROOT, dir), { recursive: true }).map(String).sort() : [];

/** The text a reader sees in the MDX: escapes, Markdown markers and spaces removed. */
function visible(mdx: string): string {
	return mdx
		.replace(/<[^>]+>/g, '')
		.replace(/\\(.)/g, '$1')
		.replace(/^\s*(- |#+ |\| |> )/gm, '')
		.replace(/[|*]/g, '')
		.replace(/\s+/g, '');
}
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.each(FIXTURES.flatMap((doc) => (['docx', 'odt'] as const).map((format) => [`${doc.name}.${format}`, doc] as const)))(
	'npm run import -- %s',
	(file, doc) => {
		const dir = freshDir();
		const target = `${dir}/${doc.expected.docNo}/${doc.expected.version}.mdx`;
		let result: ReturnType<typeof importInto>;
		let text = '';
		beforeAll(() => {
			result = importInto(dir, [`test/fixtures/import/${file}`]);
			text = existsSync(join(ROOT, target)) ? readFileSync(join(ROOT, target), 'utf8') : '';
		});

		it('imports in one command into a page that passes npm run check', () => {
			expect(result.stderr).toBe('');
			expect(result.status).toBe(0);
			expect(result.stdout).toContain(`已匯入 ${target}`);
			expect(result.stdout).toContain('檢查結果（npm run check）：此檔沒有問題。');
			const check = runScript('check', [], { PORTAL_DOCUMENTS_DIR: dir, PORTAL_TODAY: '2025-01-15' });
			expect(check.stdout).toContain('共 0 個錯誤、0 個警告');
			expect(check.status).toBe(0);
		});

		it('reads the cover into frontmatter, ROC dates converted, and says to check the tier and review date', () => {
			const split = splitFrontmatter(text);
			const checked = validateFrontmatter(split.data!);
			expect(checked.ok).toBe(true);
			const { docNo, title, version, effective, tier, approvedBy, reviewedBy, owner } = split.data as Record<string, unknown>;
			expect({ docNo, title, version, effective, tier, approvedBy, reviewedBy, owner, classification: split.data!.classification }).toEqual(
				doc.expected,
			);
			expect(result.stdout).toContain(`文件類別（tier）依文件名稱推定為 ${doc.expected.tier}`);
			expect(result.stdout).toContain('找不到最近評估檢討日期（lastReviewed）');
		});

		it('keeps every paragraph of the source text, in order', () => {
			const body = visible(splitFrontmatter(text).body);
			let from = 0;
			for (const paragraph of paragraphs(doc)) {
				const at = body.indexOf(squeeze(paragraph), from);
				expect(at, paragraph).toBeGreaterThanOrEqual(0);
				if (!doc.body.some((n) => 'table' in n && n.table.flat().some((c) => (typeof c === 'string' ? c : c.text) === paragraph)))
					from = at;
			}
		});

		it('carries the numbered clauses as the reader saw them, at the start of their heading or list item', () => {
			const lines = splitFrontmatter(text)
				.body.split('\n')
				.map((line) => line.replace(/\\(.)/g, '$1').replace(/^\s*(- |#+ )/, ''));
			let from = 0;
			for (const [label, start] of doc.clauses) {
				const index = lines.findIndex((line, i) => i >= from && squeeze(line).startsWith(squeeze(label + start)));
				expect(index, `${label}${start}`).toBeGreaterThanOrEqual(from);
				from = index + 1;
			}
		});

		it('shows the merged-cell table and the image, copied into the version’s asset folder', () => {
			expect(text).toMatch(/<td rowspan="\d">|<th scope="col(group)?" (colspan|rowspan)="\d"/);
			const image = doc.body.find((n) => 'image' in n) as { image: string };
			expect(text).toContain(`![${image.image}](./assets/${doc.expected.version}/figure-1.png)`);
			const png = readFileSync(join(ROOT, dir, doc.expected.docNo, 'assets', doc.expected.version, 'figure-1.png'));
			expect(png.subarray(1, 4).toString()).toBe('PNG');
		});
	},
);

describe('npm run import refusals: one line, exit 1, nothing written', () => {
	const refused = (dir: string, args: string[], rule: string, message: string) => {
		const result = importInto(dir, args);
		expect(result.status).toBe(1);
		expect(result.stdout).toBe('');
		const [line, after] = result.stderr.split('\n');
		expect(line).toMatch(new RegExp(`^[^ ]+:1:1  error  ${rule}  `));
		expect(line).toContain(message);
		expect(after).toBe('未寫入任何檔案。');
		expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
	};

	it('an unreadable file', () => {
		const dir = freshDir();
		refused(dir, [`${dir}/none.docx`], 'import/unreadable', '找不到檔案');
		writeFileSync(join(ROOT, dir, 'notes.odt'), '純文字');
		refused(dir, [`${dir}/notes.odt`], 'import/unreadable', 'notes.odt 不是 Word（.docx）或 ODF（.odt）文件，或檔案已損毀');
		expect(files(dir)).toEqual(['notes.odt']);
	});

	it('an encrypted file', () => {
		const dir = freshDir();
		writeFileSync(join(ROOT, dir, 'secret.docx'), oleFile(['EncryptionInfo', 'EncryptedPackage']));
		refused(dir, [`${dir}/secret.docx`], 'import/encrypted', 'secret.docx 有密碼保護（已加密），無法轉換');
		expect(files(dir)).toEqual(['secret.docx']);
	});

	it('a file without a title', async () => {
		const dir = freshDir();
		const zip = await JSZip.loadAsync(readFileSync(join(ROOT, 'test/fixtures/import/freeway-security-policy.docx')));
		zip.file('word/document.xml', (await zip.file('word/document.xml')!.async('string')).replace('文件名稱', '備註'));
		zip.remove('docProps/core.xml');
		writeFileSync(join(ROOT, dir, 'untitled.docx'), await zip.generateAsync({ type: 'nodebuffer' }));
		refused(
			dir,
			[`${dir}/untitled.docx`],
			'import/no-title',
			'在 untitled.docx 中找不到文件名稱：封面表格或頁首沒有「文件名稱」，文件屬性也沒有標題；請在封面加上「文件名稱」欄，或以 --title 指定',
		);
		expect(files(dir)).toEqual(['untitled.docx']);
	});

	it('an existing target: refused, then replaced with --force while untouched, refused once edited', () => {
		const dir = freshDir();
		const source = 'test/fixtures/import/hualien-security-directions.odt';
		expect(importInto(dir, [source]).status).toBe(0);
		const target = join(ROOT, dir, 'ISMS-S-203', '1.0.mdx');
		const first = readFileSync(target, 'utf8');
		refused(
			dir,
			[source],
			'import/target-exists',
			`${dir}/ISMS-S-203/1.0.mdx 已存在，未覆蓋；若要以新的匯入取代先前的匯入，請加上 --force`,
		);
		expect(readFileSync(target, 'utf8')).toBe(first);
		const forced = importInto(dir, [source, '--force', '--effective', '民國98年12月11日']);
		expect(forced.status).toBe(0);
		expect(readFileSync(target, 'utf8')).toContain('effective: 2009-12-11');
		writeFileSync(target, readFileSync(target, 'utf8').replace('本府辦公各樓層', '本府各樓層'));
		const edited = readFileSync(target, 'utf8');
		refused(dir, [source, '--force'], 'import/target-exists', '在匯入後已被修改，--force 不會覆蓋手動修改');
		expect(readFileSync(target, 'utf8')).toBe(edited);
	});

	it('flags take precedence over the cover and an invalid document number is refused', () => {
		const dir = freshDir();
		const result = importInto(dir, [
			'test/fixtures/import/keelung-cbps-maintenance-plan.docx',
			'--docno',
			'ISMS-P-301',
			'--version',
			'1.1',
			'--tier',
			'2',
			'--last-reviewed',
			'113.12.01',
		]);
		expect(result.status).toBe(0);
		const text = readFileSync(join(ROOT, dir, 'ISMS-P-301', '1.1.mdx'), 'utf8');
		expect(text).toMatch(/docNo: ISMS-P-301\n[^]*version: "1\.1"\ntier: 2\n[^]*lastReviewed: 2024-12-01\n/);
		expect(existsSync(join(ROOT, dir, 'ISMS-P-301', 'assets', '1.1', 'figure-1.png'))).toBe(true);
		refused(
			dir,
			['test/fixtures/import/keelung-cbps-maintenance-plan.docx', '--docno', 'P-9'],
			'import/invalid-docno',
			'文件編號「P-9」不符合入口網的格式',
		);
	});
});
