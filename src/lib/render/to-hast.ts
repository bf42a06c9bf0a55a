import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import type { Nodes, Parent, Root } from 'mdast';
import { h } from 'hastscript';
import { defaultHandlers, toHast, type Handler, type State } from 'mdast-util-to-hast';
import { ALLOWED_TAGS, allowedAttributes } from '../body/html-allowlist.ts';
import { DOCUMENT_COMPONENT_ELEMENTS } from './components.ts';

/** An HTML tag or component written in a body, as the MDX parser reads it. */
interface JsxNode extends Parent {
	type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
	name: string | null;
	attributes: Array<{ type: string; name?: string; value?: unknown }>;
}

export interface DocumentHast {
	tree: HastRoot;
	/**
	 * The images the body shows from its own folder (`./assets/1.0/figure-1.png`), as written: the
	 * site build copies and optimises them (Astro's content-layer images, `__ASTRO_IMAGE_`).
	 */
	imagePaths: string[];
}

/**
 * A document body's tree (the one the analysis parsed, checked, outlined and redacted) as HTML
 * elements, without compiling it into a module. A body holds Markdown and the allowlisted HTML tags
 * (src/lib/html-allowlist.ts) only, which the checker enforced before the build began: here the same
 * lists decide what becomes an element, so whatever else a tree might hold (an `import`, an
 * expression, a tag or attribute not on the list, raw HTML) renders as nothing, also in `astro dev`,
 * which shows a page whose checks failed. Images of the document's own folder are left for Astro to
 * optimise, the way it treats Markdown images of a content-layer entry.
 */
export function documentHast(tree: Root): DocumentHast {
	const images = localImages();
	const jsx: Handler = (state, node) => {
		const element = jsxElement(state, node as JsxNode);
		if (element && !Array.isArray(element) && element.tagName === 'img') images.mark(element);
		return element;
	};
	const image =
		(kind: 'image' | 'imageReference'): Handler =>
		(state, node) => {
			const element = defaultHandlers[kind](state, node as never);
			if (element && !Array.isArray(element) && element.type === 'element') images.mark(element);
			return element;
		};
	const hast = toHast(tree, {
		handlers: {
			mdxJsxFlowElement: jsx,
			mdxJsxTextElement: jsx,
			mdxjsEsm: nothing,
			mdxFlowExpression: nothing,
			mdxTextExpression: nothing,
			image: image('image'),
			imageReference: image('imageReference'),
		},
		unknownHandler: nothing,
	}) as HastRoot;
	return { tree: hast, imagePaths: images.paths };
}

const nothing: Handler = () => undefined;

/** An allowlisted tag as the element it names, with its allowlisted attributes; a portal component as its element. */
function jsxElement(state: State, node: JsxNode): Element | ElementContent[] | undefined {
	if (!node.name) return undefined;
	const component = (
		DOCUMENT_COMPONENT_ELEMENTS as Record<string, ((props: Record<string, string>, children: ElementContent[]) => Element) | undefined>
	)[node.name];
	if (component) {
		const props = Object.fromEntries(
			node.attributes.flatMap((attribute) =>
				attribute.type === 'mdxJsxAttribute' && attribute.name && typeof attribute.value === 'string'
					? [[attribute.name, attribute.value]]
					: [],
			),
		);
		return component(props, state.all(node as unknown as Nodes));
	}
	// Capitalised names are components; a lower-case name is an HTML tag, in any letter case after the first.
	if (/^[A-Z]/.test(node.name) || node.name.includes('.') || node.name.includes(':')) return undefined;
	const tag = node.name.toLowerCase();
	if (!Object.hasOwn(ALLOWED_TAGS, tag)) return undefined;
	const allowed = allowedAttributes(tag);
	const properties: Record<string, string | boolean> = {};
	for (const attribute of node.attributes) {
		if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
		const name = attribute.name.toLowerCase();
		if (!allowed.includes(name)) continue;
		// `<details open>`: a boolean attribute; `{…}` values (expressions) are never rendered.
		if (attribute.value === null || attribute.value === undefined) properties[name] = true;
		else if (typeof attribute.value === 'string') properties[name] = attribute.value;
	}
	const element = h(tag, properties, state.all(node as unknown as Nodes));
	state.patch(node as unknown as Nodes, element);
	return element;
}

/** Hast properties kept as they are beside Astro's image marker (as Astro's own rehype-images keeps them). */
const KEPT_PROPERTIES = ['className', 'htmlFor'] as const;

/**
 * Marks every image of the document's own folder as Astro marks the images of a Markdown entry
 * (`__ASTRO_IMAGE_` with its properties as JSON): `render(entry)` replaces the marker with the
 * optimised image's attributes (`/_astro/figure-1.<hash>.webp`, width, height, lazy loading).
 */
function localImages(): { paths: string[]; mark: (node: Element) => void } {
	const paths: string[] = [];
	const occurrences = new Map<string, number>();
	const mark = (node: Element) => {
		if (typeof node.properties.src !== 'string') return;
		const written = node.properties.src;
		if (!isLocalPath(written)) return;
		const src = decodeURI(written);
		if (!paths.includes(src)) paths.push(src);
		const index = occurrences.get(written) ?? 0;
		occurrences.set(written, index + 1);
		const kept: Properties = {};
		const rest: Properties = { ...node.properties, src };
		for (const key of KEPT_PROPERTIES) {
			if (key in rest) {
				kept[key] = rest[key]!;
				delete rest[key];
			}
		}
		node.properties = { ...kept, __ASTRO_IMAGE_: JSON.stringify({ ...rest, index }) };
	};
	return { paths, mark };
}

/** A path in the document's folder (`./assets/…`, `assets/…`), not a URL of this or another site. */
function isLocalPath(src: string): boolean {
	return !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/') && !src.startsWith('#');
}
