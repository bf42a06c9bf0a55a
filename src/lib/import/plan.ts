import { readCover } from './cover.ts';
import type { NumberedParagraph } from './docx-numbering.ts';
import { frontmatterFromCover, frontmatterLines, tierWords, type ImportFlags } from './frontmatter-out.ts';
import { matchLabels } from './labels.ts';
import { escapeAlt } from './mdx-text.ts';
import { restoreSpans, type CellLayout } from './mdx-tables.ts';
import { writeBody } from './mdx-writer.ts';
import { metaText, normalizeText, stringify, type Block, type PandocDocument } from './pandoc-ast.ts';

/** What the node side read from the file: pandoc's document and what pandoc does not keep. */
export interface ConvertedSource {
	/** The file name as given, for messages and the import mark. */
	fileName: string;
	kind: 'docx' | 'odt';
	ast: PandocDocument;
	/** Automatically numbered paragraphs with their displayed numbers, in document order. */
	numbered: NumberedParagraph[];
	/** ODT only: cell layout of each table (pandoc's ODT reader drops merged cells). */
	tableLayouts?: CellLayout[][][];
	/** ODT only: each image's title, in order (pandoc's ODT reader drops image descriptions). */
	imageTexts?: string[];
	/** Lines and cells of the page header. */
	header: string[];
	/** Document properties: title and custom properties (名稱 → 值). */
	properties: { title?: string; fields?: Record<string, string> };
}

export interface PlanOptions {
	flags: ImportFlags;
	docNoPattern: string;
	docNoDescription: string;
	/** Documents folder relative to the project root (forward slashes). */
	documentsDir: string;
	/** The portal's configured tier kinds (for guessing the tier from the title). */
	tierKinds?: Partial<Record<'1' | '2' | '3' | '4', string>>;
}

/** Image files a page can show (the portal's MDX checks allow raster images only). */
const WEB_IMAGES = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif']);

export type ImportPlan =
	| {
			ok: true;
			docNo: string;
			version: string;
			/** `content/documents/<DOCNO>/<VERSION>.mdx`. */
			file: string;
			/** `content/documents/<DOCNO>/assets/<VERSION>`: the version's images. */
			assetDir: string;
			/** The file's text (frontmatter and body), without the import mark. */
			content: string;
			/** Images to copy: pandoc's media path → file name in the asset folder. */
			images: { url: string; name: string }[];
			/** What staff must check or fill in, one line each. */
			notes: string[];
	  }
	| { ok: false; rule: string; message: string };

const TOC_TITLES = new Set(['目錄', '目次', '目錄表', 'contents', 'tableofcontents']);

/** A TOC line without its leader and page number and without a leading clause number. */
function entryKey(text: string): string {
	return normalizeText(text)
		.replace(/[.…·‧_-]*\d+$/, '')
		.replace(/^[壹貳參肆伍陸柒捌玖拾一二三四五六七八九十百〇零（）()\d.、]+/, '');
}

function blockText(block: Block): string | undefined {
	if (block.t === 'Para' || block.t === 'Plain') return stringify(block.c);
	if (block.t === 'Header') return stringify(block.c[2]);
	return undefined;
}

/**
 * The table of contents is dropped: the page has its own. Divs marked TOC; Word's entries (links to
 * `_Toc` bookmarks); and 目錄 followed by lines that name a later heading or paragraph with a page number.
 */
export function dropTableOfContents(blocks: readonly Block[]): Block[] {
	// Where each text occurs last: an entry must name something that comes after it.
	const last = new Map<string, number>();
	blocks.forEach((b, index) => {
		const text = blockText(b);
		if (text !== undefined) last.set(entryKey(text), index);
	});
	const out: Block[] = [];
	const isLinkEntry = (block: Block) =>
		(block.t === 'Para' || block.t === 'Plain') && block.c.some((l) => l.t === 'Link' && /^#(_Toc|__RefHeading)/.test(l.c[2][0]));
	for (let i = 0; i < blocks.length; i++) {
		const block = blocks[i]!;
		if (block.t === 'Div' && block.c[0][1].some((c) => /toc/i.test(c))) continue;
		if (isLinkEntry(block)) continue;
		const text = blockText(block);
		if (text !== undefined && TOC_TITLES.has(normalizeText(text).toLowerCase())) {
			let j = i + 1;
			const isEntry = (b: Block | undefined) =>
				b !== undefined &&
				(isLinkEntry(b) || (blockText(b) !== undefined && /\d\s*$/.test(blockText(b)!) && (last.get(entryKey(blockText(b)!)) ?? -1) > j));
			while (isEntry(blocks[j])) j++;
			if (j > i + 1) {
				i = j - 1;
				continue;
			}
		}
		out.push(block);
	}
	return out;
}

/**
 * From a converted file to the version file to write: frontmatter from flags and cover, the body
 * with literal clause numbers, tables (merged cells restored), images renamed into the version's
 * asset folder, footnotes. Fails (nothing to write) without a document number, version or title.
 */
export function planImport(source: ConvertedSource, options: PlanOptions): ImportPlan {
	let blocks = dropTableOfContents(source.ast.blocks);
	if (source.tableLayouts) {
		const tables: Extract<Block, { t: 'Table' }>[] = [];
		const collect = (list: readonly Block[]) => {
			for (const b of list) {
				if (b.t === 'Table') tables.push(b);
				else if (b.t === 'Div') collect(b.c[1]);
			}
		};
		collect(blocks);
		tables.forEach((table, i) => source.tableLayouts![i] && restoreSpans(table, source.tableLayouts![i]!));
	}
	const cover = readCover(blocks, source.header, {
		...source.properties,
		title: source.properties.title ?? metaText(source.ast.meta.title),
	});
	const { data, notes } = frontmatterFromCover(cover, options.flags, tierWords(options.tierKinds));
	const name = source.fileName;
	if (!data.title)
		return {
			ok: false,
			rule: 'import/no-title',
			message: `在 ${name} 中找不到文件名稱：封面表格或頁首沒有「文件名稱」，文件屬性也沒有標題；請在封面加上「文件名稱」欄，或以 --title 指定`,
		};
	if (!data.docNo)
		return {
			ok: false,
			rule: 'import/no-docno',
			message: `在 ${name} 中找不到文件編號：請在封面加上「文件編號」欄，或以 --docno 指定，例如 --docno ISMS-P-005`,
		};
	if (!new RegExp(options.docNoPattern).test(data.docNo))
		return {
			ok: false,
			rule: 'import/invalid-docno',
			message: `文件編號「${data.docNo}」不符合入口網的格式（${options.docNoDescription}）；請以 --docno 指定正確的文件編號`,
		};
	if (!data.version)
		return {
			ok: false,
			rule: 'import/no-version',
			message: `在 ${name} 中找不到可用的版次：請在封面加上「版次」欄（例如 1.0），或以 --version 指定`,
		};

	blocks = blocks.filter((b) => !cover.consumed.has(b));
	const { labels, unmatched } = matchLabels(blocks, source.numbered);
	if (unmatched.length > 0) {
		notes.push(
			`有 ${unmatched.length} 個自動編號找不到對應的段落（例如「${unmatched[0]!.label}${unmatched[0]!.text.slice(0, 20)}」）：請對照原檔檢查條次`,
		);
	}

	const assetDir = `${options.documentsDir}/${data.docNo}/assets/${data.version}`;
	const images: { url: string; name: string }[] = [];
	let imageIndex = 0;
	const image = (url: string, written: string): string => {
		const alt = written || source.imageTexts?.[imageIndex] || '';
		imageIndex++;
		const extension = /\.([a-z0-9]+)$/i.exec(url)?.[1]?.toLowerCase() ?? '';
		let entry = images.find((i) => i.url === url);
		if (!entry) {
			entry = { url, name: `figure-${images.length + 1}.${extension || 'bin'}` };
			if (WEB_IMAGES.has(extension)) images.push(entry);
			else {
				notes.push(
					`圖片 ${url.split('/').at(-1)}（${extension.toUpperCase() || '未知格式'}）無法在網頁顯示，未匯入：請由原檔另存為 PNG，放到 ${assetDir}/ 並在內文「〔圖片〕」處改為 ![說明](./assets/${data.version}/圖檔名.png)`,
				);
				return '〔圖片〕';
			}
		}
		return `![${escapeAlt(alt || `圖 ${images.indexOf(entry) + 1}`)}](./assets/${data.version}/${entry.name})`;
	};
	const body = writeBody(blocks, { labelOf: (block) => labels.get(block), image });
	const content = `---\n${frontmatterLines(data).join('\n')}\n---\n\n${body}`;
	return {
		ok: true,
		docNo: data.docNo,
		version: data.version,
		file: `${options.documentsDir}/${data.docNo}/${data.version}.mdx`,
		assetDir,
		content,
		images,
		notes,
	};
}
