import type { Root } from 'mdast';
import { DOCUMENT_COMPONENTS } from './document-components.ts';
import { ALLOWED_TAGS, DANGEROUS_TAGS, allowedAttributes, imageUrlFault, linkUrlFault, shown } from './html-allowlist.ts';

/**
 * A document body cannot run code. MDX is a programming language as much as a text format: an
 * `import` reads any file into the page (`import s from '/etc/passwd?raw'`), an `export` or a `{…}`
 * runs JavaScript during the build, a `<script>` or an `onerror=` runs it in every reader's browser.
 * This checker refuses all of that, at the line and column where it is written, before anything is
 * rendered; the page is rendered from the very tree checked here (src/lib/render/to-hast.ts, which
 * turns nothing but allowlisted tags and attributes into elements), never compiled into JavaScript.
 *
 * Allowed: Markdown; HTML tags and attributes from the allowlist (src/lib/body/html-allowlist.ts) with
 * quoted values; links to http(s), mailto:, tel: or this site; images from the document's folder;
 * components the portal provides (src/lib/body/document-components.ts), without expressions.
 */

export type BodyRule = 'mdx/esm' | 'mdx/expression' | 'mdx/component' | 'mdx/html' | 'mdx/url';

export interface BodyFault {
	line: number;
	column: number;
	rule: BodyRule;
	message: string;
}

interface Position {
	start: { line: number; column: number };
}
interface MdxAttribute {
	type: string;
	name?: string;
	value?: string | null | { type: string; value: string };
}
interface MdxNode {
	type: string;
	name?: string | null;
	value?: string;
	url?: string;
	identifier?: string;
	attributes?: MdxAttribute[];
	children?: MdxNode[];
	position?: Position | null;
}

/** Everything in a parsed body (see `parseBody`) that would run code, load from elsewhere or is not allowed. */
export function bodyFaults(tree: Root, components: readonly string[] = DOCUMENT_COMPONENTS): BodyFault[] {
	const found: BodyFault[] = [];
	const root = tree as unknown as MdxNode;
	const at = (node: MdxNode) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
	const fault = (node: MdxNode, rule: BodyRule, message: string) => found.push({ ...at(node), rule, message });

	// Definitions (`[ref]: url`) an image reference points at must be images.
	const imageDefinitions = new Set<string>();
	const collect = (node: MdxNode) => {
		if (node.type === 'imageReference' && node.identifier !== undefined) imageDefinitions.add(node.identifier);
		for (const child of node.children ?? []) collect(child);
	};
	collect(root);

	const check = (node: MdxNode) => {
		switch (node.type) {
			case 'mdxjsEsm':
				esmStatements(node, found);
				break;
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				fault(
					node,
					'mdx/expression',
					`內文的 {${shown((node.value ?? '').trim())}} 會被當成程式運算式執行；文件不使用運算式，要寫大括號請改用全形｛｝或 \\{`,
				);
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				element(node, components, (rule, message) => fault(node, rule, message));
				break;
			case 'html':
				fault(node, 'mdx/html', 'HTML 註解與原始 HTML 區塊不允許；註解請刪除，表格等內容請用 Markdown 或允許的 HTML 標籤撰寫');
				break;
			case 'link':
				problem(linkUrlFault(node.url ?? ''));
				break;
			case 'image':
				problem(imageUrlFault(node.url ?? ''));
				break;
			case 'definition':
				problem(
					node.identifier !== undefined && imageDefinitions.has(node.identifier)
						? imageUrlFault(node.url ?? '')
						: linkUrlFault(node.url ?? ''),
				);
				break;
		}
		function problem(message: string | undefined) {
			if (message) fault(node, 'mdx/url', message);
		}
		for (const child of node.children ?? []) check(child);
	};
	check(root);
	return found;
}

/** One fault per `import`/`export` statement, at its own line. */
function esmStatements(node: MdxNode, found: BodyFault[]): void {
	const start = node.position?.start ?? { line: 1, column: 1 };
	const lines = (node.value ?? '').split('\n');
	let reported = false;
	lines.forEach((text, index) => {
		const keyword = /^\s*(import|export)\b/.exec(text)?.[1];
		if (!keyword) return;
		reported = true;
		found.push({
			line: start.line + index,
			column: index === 0 ? start.column : 1 + (text.length - text.trimStart().length),
			rule: 'mdx/esm',
			message: `內文不得使用 ${keyword} 陳述式：MDX 會在建置時把它當成程式執行（可讀取檔案、執行指令）。文件不需要匯入任何東西，請刪除此行；若是一般文字，請勿以 import 或 export 開頭`,
		});
	});
	if (!reported) found.push({ ...start, rule: 'mdx/esm', message: '內文不得含有 import／export 程式碼：MDX 會在建置時執行它；請刪除' });
}

/** A JSX element: an allowed HTML tag with allowed attributes, or a component the portal provides. */
function element(node: MdxNode, components: readonly string[], report: (rule: BodyRule, message: string) => void): void {
	const name = node.name;
	if (!name) {
		report('mdx/html', 'JSX 片段 <>…</> 不允許；請直接寫內容');
		return;
	}
	const isComponent = /^[A-Z]/.test(name) || name.includes('.') || name.includes(':');
	if (isComponent) {
		if (!components.includes(name)) {
			const offered = components.length > 0 ? `入口網提供的元件：${components.join('、')}` : '入口網目前沒有提供可在文件中使用的元件';
			report('mdx/component', `元件 <${name}> 不是入口網提供的元件，頁面不能使用（${offered}）；若是一般文字請改用全形〈〉或寫成 \\<`);
			return;
		}
		attributes(node, name, undefined, report);
		return;
	}
	const tag = name.toLowerCase();
	if (DANGEROUS_TAGS[tag]) {
		const advice = tag === 'script' ? '要顯示程式碼請用反引號包起來，例如 `<script>`' : '請改用 Markdown 或允許的 HTML 標籤';
		report('mdx/html', `文件內文不允許 <${name}>（${DANGEROUS_TAGS[tag]}）；${advice}`);
		return;
	}
	if (!ALLOWED_TAGS[tag]) {
		report('mdx/html', `HTML 標籤 <${name}> 不在允許清單中（可用的標籤見〈文件撰寫說明〉）；若是一般文字請改用全形〈〉或寫成 \\<`);
		return;
	}
	attributes(node, name, allowedAttributes(tag), report);
}

/** Attributes: quoted text only; no event handlers, no style; for HTML tags, only those allowed. */
function attributes(
	node: MdxNode,
	name: string,
	allowed: readonly string[] | undefined,
	report: (rule: BodyRule, message: string) => void,
): void {
	for (const attribute of node.attributes ?? []) {
		if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) {
			report(
				'mdx/expression',
				`<${name}> 的 {${shown(String(typeof attribute.value === 'string' ? attribute.value : ''))}} 會被當成程式運算式執行；屬性請寫成 名稱="文字"`,
			);
			continue;
		}
		const key = attribute.name.toLowerCase();
		const value = attribute.value;
		if (value !== null && value !== undefined && typeof value !== 'string') {
			report(
				'mdx/expression',
				`<${name}> 的 ${attribute.name}={${shown(value.value)}} 會被當成程式運算式執行；屬性值請寫成加引號的文字，例如 ${attribute.name}="…"`,
			);
			continue;
		}
		if (key.startsWith('on')) {
			report('mdx/html', `<${name}> 的 ${attribute.name} 屬性是事件處理程式（會執行程式碼），文件內文不允許；請刪除此屬性`);
		} else if (key === 'style') {
			report(
				'mdx/html',
				`<${name}> 的 style 屬性不允許：文件不能自訂樣式；請刪除，改用 Markdown 或允許的標籤（如 <mark>、<sup>、<u>）表達`,
			);
		} else if (allowed && !allowed.includes(key)) {
			report(
				'mdx/html',
				`<${name}> 的 ${attribute.name} 屬性不在允許清單中（<${name.toLowerCase()}> 可用：${allowed.join('、')}）；請刪除此屬性`,
			);
		} else if (allowed && key === 'href') {
			const message = linkUrlFault(value ?? '');
			if (message) report('mdx/url', message);
		} else if (allowed && key === 'src') {
			const message = imageUrlFault(value ?? '');
			if (message) report('mdx/url', message);
		}
	}
}
