import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import JSZip from 'jszip';
import { docxNumberedParagraphs } from '../../lib/import/docx-numbering.ts';
import { docxHeaderLines, docxProperties, odtHeaderLines, odtProperties } from '../../lib/import/header.ts';
import { odtImageTexts, odtNumberedParagraphs, odtTableLayouts } from '../../lib/import/odt-structure.ts';
import type { PandocDocument } from '../../lib/import/pandoc-ast.ts';
import type { ConvertedSource } from '../../lib/import/plan.ts';
import { parseXml, type XmlElement } from '../../lib/import/xml.ts';

/** A file that cannot be imported, with the rule and the message staff see. */
export class ImportError extends Error {
	readonly rule: string;
	constructor(rule: string, message: string) {
		super(message);
		this.rule = rule;
	}
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Opens a .docx or .odt package. Refused with a reason: unreadable, encrypted (a password-protected
 * Word file is an OLE container holding an `EncryptedPackage`; an encrypted ODT declares
 * `manifest:encryption-data`), an old binary .doc, or anything else.
 */
export async function openPackage(path: string): Promise<{ kind: 'docx' | 'odt'; zip: JSZip }> {
	const name = basename(path);
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new ImportError(
			'import/unreadable',
			code === 'ENOENT'
				? `找不到檔案 ${path}；請確認路徑與檔名`
				: code === 'EISDIR'
					? `${path} 是資料夾，不是 Word 或 ODF 檔`
					: `無法讀取 ${name}（${code ?? '未知錯誤'}）；請確認檔案權限`,
		);
	}
	if (bytes.subarray(0, 8).equals(OLE)) {
		const encrypted =
			bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')) || bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'));
		if (encrypted)
			throw new ImportError(
				'import/encrypted',
				`${name} 有密碼保護（已加密），無法轉換；請在 Word 中移除密碼（檔案 → 資訊 → 保護文件）後另存新檔再匯入`,
			);
		throw new ImportError(
			'import/unsupported',
			`${name} 是舊版 Word 格式（.doc）；請在 Word 或 LibreOffice 中另存為 .docx 或 .odt 後再匯入`,
		);
	}
	if (!bytes.subarray(0, 4).equals(ZIP))
		throw new ImportError(
			'import/unreadable',
			`${name} 不是 Word（.docx）或 ODF（.odt）文件，或檔案已損毀；請用文書軟體開啟確認後另存新檔再匯入`,
		);
	let zip: JSZip;
	try {
		zip = await JSZip.loadAsync(bytes);
	} catch {
		throw new ImportError('import/unreadable', `${name} 已損毀，無法解開；請用文書軟體開啟確認後另存新檔再匯入`);
	}
	if (zip.file('word/document.xml')) return { kind: 'docx', zip };
	const mimetype = (await zip.file('mimetype')?.async('string'))?.trim();
	if (mimetype === 'application/vnd.oasis.opendocument.text') {
		const manifest = (await zip.file('META-INF/manifest.xml')?.async('string')) ?? '';
		if (manifest.includes('encryption-data'))
			throw new ImportError(
				'import/encrypted',
				`${name} 有密碼保護（已加密），無法轉換；請在 LibreOffice 中移除密碼（檔案 → 屬性 → 安全性）後另存新檔再匯入`,
			);
		return { kind: 'odt', zip };
	}
	const ext = extname(name).toLowerCase();
	throw new ImportError('import/unsupported', `${name} 不是文書文件（${mimetype ?? ext}）；只能匯入 Word（.docx）或 ODF 文字文件（.odt）`);
}

/** Runs pandoc (Debian's, on PATH or PORTAL_PANDOC) to its JSON document model; media into `mediaDir`. */
export function runPandoc(path: string, kind: 'docx' | 'odt', mediaDir: string): Promise<PandocDocument> {
	const command = process.env.PORTAL_PANDOC || 'pandoc';
	return new Promise((resolve, reject) => {
		const child = spawn(command, ['--from', kind, '--to', 'json', `--extract-media=${mediaDir}`, path], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
		child.on('error', (error: NodeJS.ErrnoException) => {
			reject(
				new ImportError(
					'import/no-converter',
					error.code === 'ENOENT'
						? '找不到 pandoc（轉檔程式）；請先安裝：sudo apt-get install pandoc'
						: `無法執行 pandoc：${error.message}`,
				),
			);
		});
		child.on('close', (code) => {
			if (code !== 0) {
				const detail = Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? '';
				reject(
					new ImportError(
						'import/unreadable',
						`pandoc 無法轉換 ${basename(path)}：${detail || `結束代碼 ${code}`}；請用文書軟體開啟確認後另存新檔再匯入`,
					),
				);
				return;
			}
			try {
				resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as PandocDocument);
			} catch {
				reject(new ImportError('import/unreadable', `pandoc 的輸出無法解讀（${basename(path)}）`));
			}
		});
	});
}

async function xml(zip: JSZip, part: string): Promise<XmlElement | undefined> {
	const text = await zip.file(part)?.async('string');
	if (text === undefined) return undefined;
	try {
		return parseXml(text);
	} catch {
		throw new ImportError('import/unreadable', `檔案內的 ${part} 已損毀，無法解讀；請用文書軟體開啟確認後另存新檔再匯入`);
	}
}

/**
 * Reads a .docx or .odt: pandoc's document, and from the package itself what pandoc does not keep
 * (displayed numbers of automatic numbering, ODT merged cells, page header, properties). Media
 * files are extracted into a new temporary folder, returned with the source.
 */
export async function readSource(path: string): Promise<{ source: ConvertedSource; mediaDir: string }> {
	const { kind, zip } = await openPackage(path);
	const mediaDir = mkdtempSync(join(tmpdir(), 'portal-import-'));
	const document = await runPandoc(path, kind, mediaDir);
	const fileName = basename(path);
	if (kind === 'docx') {
		const body = await xml(zip, 'word/document.xml');
		const headers: string[] = [];
		for (const part of Object.keys(zip.files)
			.filter((p) => /^word\/header\d*\.xml$/.test(p))
			.sort()) {
			const header = await xml(zip, part);
			if (header) headers.push(...docxHeaderLines(header));
		}
		return {
			mediaDir,
			source: {
				fileName,
				kind,
				ast: document,
				numbered: body ? docxNumberedParagraphs(body, await xml(zip, 'word/numbering.xml'), await xml(zip, 'word/styles.xml')) : [],
				header: headers,
				properties: docxProperties(await xml(zip, 'docProps/core.xml'), await xml(zip, 'docProps/custom.xml')),
			},
		};
	}
	const content = await xml(zip, 'content.xml');
	const styles = await xml(zip, 'styles.xml');
	if (!content) throw new ImportError('import/unreadable', `${fileName} 缺少 content.xml，檔案已損毀`);
	return {
		mediaDir,
		source: {
			fileName,
			kind,
			ast: document,
			numbered: odtNumberedParagraphs(content, styles),
			tableLayouts: odtTableLayouts(content),
			imageTexts: odtImageTexts(content),
			header: styles ? odtHeaderLines(styles) : [],
			properties: odtProperties(await xml(zip, 'meta.xml')),
		},
	};
}
