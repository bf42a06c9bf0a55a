import { SaxesParser } from 'saxes';

/**
 * A small element tree of an XML part of a .docx or .odt package (numbering, list styles, the body),
 * enough for the importer's own reading of what the converter loses. Names keep their prefixes as
 * written (`w:p`, `text:list`): Word and LibreOffice always write the conventional ones.
 */
export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Parses an XML document into its root element; throws on malformed XML. */
export function parseXml(source: string): XmlElement {
	const parser = new SaxesParser({ xmlns: false, position: false });
	const root: XmlElement = { name: '#document', attributes: {}, children: [] };
	const stack: XmlElement[] = [root];
	let failure: Error | undefined;
	parser.on('error', (error) => {
		failure ??= error;
	});
	parser.on('opentag', (tag) => {
		const element: XmlElement = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [] };
		stack.at(-1)!.children.push(element);
		stack.push(element);
	});
	parser.on('closetag', () => {
		stack.pop();
	});
	parser.on('text', (text) => {
		stack.at(-1)!.children.push(text);
	});
	parser.on('cdata', (text) => {
		stack.at(-1)!.children.push(text);
	});
	parser.write(source).close();
	if (failure) throw failure;
	const element = root.children.find((child): child is XmlElement => typeof child !== 'string');
	if (!element) throw new Error('empty XML document');
	return element;
}

export function elements(node: XmlElement, name?: string): XmlElement[] {
	return node.children.filter((child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name));
}

export function firstElement(node: XmlElement, name: string): XmlElement | undefined {
	return elements(node, name)[0];
}

/** Every descendant element with this name, in document order (not below a match). */
export function findAll(node: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
	for (const child of elements(node)) {
		if (child.name === name) out.push(child);
		else findAll(child, name, out);
	}
	return out;
}

/** The attribute `w:val` of the child `name`, e.g. `<w:numFmt w:val="decimal"/>`. */
export function childValue(node: XmlElement | undefined, name: string, attribute = 'w:val'): string | undefined {
	return node ? firstElement(node, name)?.attributes[attribute] : undefined;
}
