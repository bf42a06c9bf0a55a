import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importState, markImported, writeImport, type WriteRequest } from '../../../src/node/import/write.ts';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

function setup(): { root: string; request: (extra?: Partial<WriteRequest>) => WriteRequest } {
	const root = mkdtempSync(join(tmpdir(), 'import-write-'));
	roots.push(root);
	writeFileSync(join(root, 'figure.png'), 'png-bytes');
	return {
		root,
		request: (extra = {}) => ({
			root,
			file: 'docs/ISMS-P-101/1.0.mdx',
			assetDir: 'docs/ISMS-P-101/assets/1.0',
			content: '---\ntitle: 計畫\n---\n\n本文。\n',
			images: [{ from: join(root, 'figure.png'), name: 'figure-1.png' }],
			force: false,
			fileName: '計畫.docx',
			...extra,
		}),
	};
}
const refusal = (run: () => void) => {
	try {
		run();
	} catch (error) {
		return error as Error & { rule: string };
	}
	throw new Error('expected a refusal');
};

describe('markImported and importState', () => {
	it('marks the frontmatter with the source and a check code that edits break', () => {
		const marked = markImported('---\ntitle: 計畫\n---\n\n本文。\n', '計畫.docx');
		expect(marked).toMatch(/^---\n# 由 npm run import 匯入自「計畫\.docx」，核對碼 [0-9a-f]{16}\ntitle: 計畫\n/);
		expect(importState(marked)).toBe('intact');
		expect(importState(marked.replace('本文', '改過的本文'))).toBe('edited');
		expect(importState('---\ntitle: 計畫\n---\n')).toBe('unmarked');
	});
});

describe('writeImport', () => {
	it('writes the version file and its images', () => {
		const { root, request } = setup();
		writeImport(request());
		expect(importState(readFileSync(join(root, 'docs/ISMS-P-101/1.0.mdx'), 'utf8'))).toBe('intact');
		expect(readFileSync(join(root, 'docs/ISMS-P-101/assets/1.0/figure-1.png'), 'utf8')).toBe('png-bytes');
		expect(readdirSync(join(root, 'docs/ISMS-P-101')).sort()).toEqual(['1.0.mdx', 'assets']);
	});

	it('refuses an existing file without --force, and with --force replaces only an untouched import', () => {
		const { root, request } = setup();
		const target = join(root, 'docs/ISMS-P-101/1.0.mdx');
		writeImport(request());
		const first = readFileSync(target, 'utf8');
		expect(refusal(() => writeImport(request({ content: '---\ntitle: 新\n---\n' })))).toMatchObject({
			rule: 'import/target-exists',
			message: 'docs/ISMS-P-101/1.0.mdx 已存在，未覆蓋；若要以新的匯入取代先前的匯入，請加上 --force',
		});
		expect(readFileSync(target, 'utf8')).toBe(first);
		writeImport(request({ content: '---\ntitle: 新\n---\n', images: [], force: true }));
		expect(readFileSync(target, 'utf8')).toContain('title: 新');
		expect(existsSync(join(root, 'docs/ISMS-P-101/assets/1.0'))).toBe(false);

		writeFileSync(target, readFileSync(target, 'utf8').replace('新', '手改'));
		expect(refusal(() => writeImport(request({ force: true }))).message).toBe(
			'docs/ISMS-P-101/1.0.mdx 在匯入後已被修改，--force 不會覆蓋手動修改；請先移走該檔再重新匯入',
		);
		writeFileSync(target, '---\ntitle: 手寫\n---\n');
		expect(refusal(() => writeImport(request({ force: true }))).message).toContain('不是由匯入產生的檔案，--force 也不會覆蓋');
		expect(readFileSync(target, 'utf8')).toBe('---\ntitle: 手寫\n---\n');
	});

	it('writes nothing when a step fails, and puts a replaced import back', () => {
		const { root, request } = setup();
		const broken = request({ images: [{ from: join(root, 'missing.png'), name: 'figure-1.png' }] });
		expect(refusal(() => writeImport(broken)).rule).toBe('import/write-failed');
		expect(readdirSync(root)).toEqual(['figure.png']);

		writeImport(request());
		const before = readFileSync(join(root, 'docs/ISMS-P-101/1.0.mdx'), 'utf8');
		expect(refusal(() => writeImport({ ...broken, force: true })).rule).toBe('import/write-failed');
		expect(readFileSync(join(root, 'docs/ISMS-P-101/1.0.mdx'), 'utf8')).toBe(before);
		expect(readdirSync(join(root, 'docs/ISMS-P-101')).sort()).toEqual(['1.0.mdx', 'assets']);
		expect(readFileSync(join(root, 'docs/ISMS-P-101/assets/1.0/figure-1.png'), 'utf8')).toBe('png-bytes');
	});
});
