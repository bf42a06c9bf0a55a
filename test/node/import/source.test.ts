import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError, openPackage, readSource } from '../../../src/node/import/source.ts';
import { oleFile } from './_files.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/import');
const dir = mkdtempSync(join(tmpdir(), 'import-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(path: string): Promise<ImportError> {
	try {
		await openPackage(path);
	} catch (error) {
		if (error instanceof ImportError) return error;
		throw error;
	}
	throw new Error('expected a refusal');
}

describe('openPackage', () => {
	it('opens .docx and .odt packages', async () => {
		expect((await openPackage(join(FIXTURES, 'freeway-security-policy.docx'))).kind).toBe('docx');
		expect((await openPackage(join(FIXTURES, 'freeway-security-policy.odt'))).kind).toBe('odt');
	});

	it('refuses a missing file, a folder and a file that is not a document', async () => {
		expect(await refusal(join(dir, 'none.docx'))).toMatchObject({
			rule: 'import/unreadable',
			message: expect.stringContaining('找不到檔案'),
		});
		expect(await refusal(dir)).toMatchObject({ rule: 'import/unreadable', message: expect.stringContaining('是資料夾') });
		writeFileSync(join(dir, 'text.docx'), '這不是 Word 檔');
		expect(await refusal(join(dir, 'text.docx'))).toMatchObject({
			rule: 'import/unreadable',
			message: 'text.docx 不是 Word（.docx）或 ODF（.odt）文件，或檔案已損毀；請用文書軟體開啟確認後另存新檔再匯入',
		});
		writeFileSync(join(dir, 'cut.docx'), Buffer.from('PK\u0003\u0004broken'));
		expect((await refusal(join(dir, 'cut.docx'))).rule).toBe('import/unreadable');
	});

	it('refuses an encrypted .docx and an old .doc, each with what to do', async () => {
		writeFileSync(join(dir, 'secret.docx'), oleFile(['EncryptionInfo', 'EncryptedPackage']));
		expect(await refusal(join(dir, 'secret.docx'))).toMatchObject({
			rule: 'import/encrypted',
			message: expect.stringContaining('有密碼保護（已加密），無法轉換；請在 Word 中移除密碼'),
		});
		writeFileSync(join(dir, 'old.doc'), oleFile(['WordDocument']));
		expect(await refusal(join(dir, 'old.doc'))).toMatchObject({
			rule: 'import/unsupported',
			message: expect.stringContaining('舊版 Word 格式（.doc）'),
		});
	});

	it('refuses an encrypted .odt and an ODF file that is not text', async () => {
		const zip = new JSZip();
		zip.file('mimetype', 'application/vnd.oasis.opendocument.text');
		zip.file(
			'META-INF/manifest.xml',
			'<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>',
		);
		writeFileSync(join(dir, 'secret.odt'), await zip.generateAsync({ type: 'nodebuffer' }));
		expect((await refusal(join(dir, 'secret.odt'))).rule).toBe('import/encrypted');
		const sheet = new JSZip();
		sheet.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
		writeFileSync(join(dir, 'sheet.ods'), await sheet.generateAsync({ type: 'nodebuffer' }));
		expect(await refusal(join(dir, 'sheet.ods'))).toMatchObject({
			rule: 'import/unsupported',
			message: expect.stringContaining('只能匯入 Word（.docx）或 ODF 文字文件（.odt）'),
		});
	});
});

describe('readSource', () => {
	it("reads pandoc's document and the package's numbering, header and properties", async () => {
		const { source, mediaDir } = await readSource(join(FIXTURES, 'freeway-security-policy.odt'));
		rmSync(mediaDir, { recursive: true, force: true });
		expect(source.kind).toBe('odt');
		expect(source.numbered.slice(0, 3)).toEqual([
			{ label: '壹、', text: '文件目的' },
			{ label: '貳、', text: '適用範圍' },
			{ label: '一、', text: '管理制度' },
		]);
		expect(source.header).toEqual(['資訊安全政策宣告　文件編號：ISMS-M-202　版次：2.0']);
		expect(source.properties.title).toBe('資訊安全政策宣告');
		expect(source.imageTexts).toEqual(['資訊安全組織架構圖']);
	});

	it('says so when pandoc is not installed', async () => {
		const before = process.env.PORTAL_PANDOC;
		process.env.PORTAL_PANDOC = join(dir, 'no-such-pandoc');
		try {
			await expect(readSource(join(FIXTURES, 'freeway-security-policy.docx'))).rejects.toMatchObject({
				rule: 'import/no-converter',
				message: '找不到 pandoc（轉檔程式）；請先安裝：sudo apt-get install pandoc',
			});
		} finally {
			if (before === undefined) delete process.env.PORTAL_PANDOC;
			else process.env.PORTAL_PANDOC = before;
		}
	});
});
