import { labelField } from './cover.ts';
import { docxParagraphText } from './docx-numbering.ts';
import { odfParagraphText } from './odt-structure.ts';
import { elements, findAll, type XmlElement } from './xml.ts';

/**
 * Lines of a page header as 「欄位：值」 text for the cover reader: paragraphs as written, and each
 * table row with its label cells followed by a colon (`文件編號：ISMS-P-001　版次：1.0`).
 */
function rowLine(cells: readonly string[]): string {
	return cells.map((text) => (labelField(text) ? `${text.replace(/[:：]\s*$/, '')}：` : `${text}　`)).join('');
}

export function docxHeaderLines(header: XmlElement): string[] {
	const lines: string[] = [];
	const walk = (node: XmlElement) => {
		for (const child of elements(node)) {
			if (child.name === 'w:p') lines.push(docxParagraphText(child));
			else if (child.name === 'w:tbl') {
				for (const row of findAll(child, 'w:tr'))
					lines.push(rowLine(findAll(row, 'w:tc').map((cell) => findAll(cell, 'w:p').map(docxParagraphText).join(' ').trim())));
			} else walk(child);
		}
	};
	walk(header);
	return lines.filter((line) => line.trim() !== '');
}

/** Header lines of every master page in an ODT's styles.xml. */
export function odtHeaderLines(styles: XmlElement): string[] {
	const lines: string[] = [];
	for (const header of [...findAll(styles, 'style:header'), ...findAll(styles, 'style:header-first')]) {
		const walk = (node: XmlElement) => {
			for (const child of elements(node)) {
				if (child.name === 'text:p' || child.name === 'text:h') lines.push(odfParagraphText(child));
				else if (child.name === 'table:table') {
					for (const row of findAll(child, 'table:table-row'))
						lines.push(
							rowLine(findAll(row, 'table:table-cell').map((cell) => findAll(cell, 'text:p').map(odfParagraphText).join(' ').trim())),
						);
				} else walk(child);
			}
		};
		walk(header);
	}
	return lines.filter((line) => line.trim() !== '');
}

function textOf(node: XmlElement): string {
	return node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** Title and custom properties of a .docx (docProps/core.xml, docProps/custom.xml). */
export function docxProperties(core?: XmlElement, custom?: XmlElement): { title?: string; fields: Record<string, string> } {
	const title = core ? findAll(core, 'dc:title')[0] : undefined;
	const fields: Record<string, string> = {};
	for (const property of custom ? findAll(custom, 'property') : []) fields[property.attributes.name ?? ''] = textOf(property).trim();
	const text = title ? textOf(title).trim() : '';
	return { ...(text ? { title: text } : {}), fields };
}

/** Title and user-defined properties of an .odt (meta.xml). */
export function odtProperties(meta?: XmlElement): { title?: string; fields: Record<string, string> } {
	const title = meta ? findAll(meta, 'dc:title')[0] : undefined;
	const fields: Record<string, string> = {};
	for (const property of meta ? findAll(meta, 'meta:user-defined') : [])
		fields[property.attributes['meta:name'] ?? ''] = textOf(property).trim();
	const text = title ? textOf(title).trim() : '';
	return { ...(text ? { title: text } : {}), fields };
}
