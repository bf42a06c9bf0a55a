import { describe, expect, it } from 'vitest';
import { imageUrlFault, linkUrlFault } from '../../../src/lib/body/html-allowlist.ts';
import { parseBody } from '../../../src/lib/body/mdx.ts';
import { bodyFaults } from '../../../src/lib/body/mdx-rules.ts';

const faults = (body: string, components?: readonly string[]) => bodyFaults(parseBody(body), components);
const where = (body: string) => faults(body).map((f) => `${f.line}:${f.column} ${f.rule}`);

describe('import and export (they read files and run code during the build)', () => {
	it('refuses each statement at its own line', () => {
		const body =
			"段落。\n\nimport s from '../../../../etc/passwd?raw'\nexport const x = (await import('node:child_process')).execSync('id')\n\n{s}\n";
		expect(where(body)).toEqual(['3:1 mdx/esm', '4:1 mdx/esm', '6:1 mdx/expression']);
		expect(faults(body)[0]!.message).toBe(
			'內文不得使用 import 陳述式：MDX 會在建置時把它當成程式執行（可讀取檔案、執行指令）。文件不需要匯入任何東西，請刪除此行；若是一般文字，請勿以 import 或 export 開頭',
		);
		expect(faults(body)[1]!.message).toContain('內文不得使用 export 陳述式');
	});

	it('refuses a sentence that MDX reads as code because it starts with export', () => {
		expect(where('export 管制措施如下。\n')).toEqual(['1:1 mdx/esm']);
	});

	it('keeps file lines when the body follows the frontmatter', () => {
		expect(bodyFaults(parseBody('import a from "b"\n', 9)).map((f) => f.line)).toEqual([10]);
	});
});

describe('{…} expressions', () => {
	it('refuses text, flow and attribute expressions and spread attributes', () => {
		const body = '- 1.1 溫度 {溫度} 度。\n\n{1 + 1}\n\n<span title={process.env.HOME}>a</span> <span {...props}>b</span>\n';
		expect(where(body)).toEqual(['1:10 mdx/expression', '3:1 mdx/expression', '5:1 mdx/expression', '5:41 mdx/expression']);
		expect(faults(body)[0]!.message).toBe('內文的 {溫度} 會被當成程式運算式執行；文件不使用運算式，要寫大括號請改用全形｛｝或 \\{');
		expect(faults(body)[2]!.message).toBe(
			'<span> 的 title={process.env.HOME} 會被當成程式運算式執行；屬性值請寫成加引號的文字，例如 title="…"',
		);
	});

	it('accepts escaped braces and angle brackets', () => {
		expect(faults('- 1.1 溫度應 \\<25 度，濕度 \\{40%\\}。\n')).toEqual([]);
	});
});

describe('components', () => {
	it('refuses a component the portal does not provide, even when the file imports it', () => {
		const body = "import Note from './note.astro';\n\n<Note>注意</Note> <Foo.Bar /> <sup>上標</sup>\n";
		expect(where(body)).toEqual(['1:1 mdx/esm', '3:1 mdx/component', '3:17 mdx/component']);
		expect(faults(body)[1]!.message).toBe(
			'元件 <Note> 不是入口網提供的元件，頁面不能使用（入口網目前沒有提供可在文件中使用的元件）；若是一般文字請改用全形〈〉或寫成 \\<',
		);
	});

	it('reports `import Note, { Aside } from …` once, at the import, as an import (documents import nothing), not per imported name', () => {
		for (const statement of [
			"import Note, { Aside } from '@astrojs/starlight/components';",
			"import Note, {\n  Aside,\n} from '@astrojs/starlight/components';",
		]) {
			const body = `${statement}\n\n<Aside>提醒</Aside>\n`;
			const found = faults(body);
			const line = statement.split('\n').length + 2;
			expect(found.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['1:1 mdx/esm', `${line}:1 mdx/component`]);
			expect(found[0]!.message).toMatch(/^內文不得使用 import 陳述式.*文件不需要匯入任何東西/u);
			// The use of <Aside> is its own fault (not provided), never "not imported".
			expect(found[1]!.message).toMatch(/^元件 <Aside> 不是入口網提供的元件/u);
			expect(found[1]!.message).not.toMatch(/匯入|import/u);
		}
	});

	it('accepts a component on the portal list, with quoted props only', () => {
		const body = '<Note kind="警告">注意</Note> <Tip>提示</Tip> <Note kind={x} onClick="a()">b</Note>\n';
		expect(faults(body, ['Note']).map((f) => `${f.column} ${f.rule} ${f.message.split('；')[0]}`)).toEqual([
			'27 mdx/component 元件 <Tip> 不是入口網提供的元件，頁面不能使用（入口網提供的元件：Note）',
			'41 mdx/expression <Note> 的 kind={x} 會被當成程式運算式執行',
			'41 mdx/html <Note> 的 onClick 屬性是事件處理程式（會執行程式碼），文件內文不允許',
		]);
	});
});

describe('raw HTML', () => {
	it('refuses tags that run code, style the page, embed or load other content, in any letter case', () => {
		const tags = ['script', 'sCrIpT', 'style', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'link', 'svg', 'custom-element'];
		const body = tags.map((tag) => `<${tag}></${tag}>`).join('\n\n') + '\n';
		expect(where(body)).toEqual(tags.map((_, i) => `${1 + 2 * i}:1 mdx/html`));
		const messages = faults(body).map((f) => f.message);
		expect(messages[0]).toBe('文件內文不允許 <script>（會執行程式碼）；要顯示程式碼請用反引號包起來，例如 `<script>`');
		expect(messages[1]).toContain('文件內文不允許 <sCrIpT>（會執行程式碼）');
		expect(messages[2]).toBe('文件內文不允許 <style>（會改變整個頁面的樣式）；請改用 Markdown 或允許的 HTML 標籤');
		expect(messages[5]).toContain('<embed>（會嵌入外掛程式或其他內容）');
		expect(messages[7]).toContain('<base>（會改變頁面上所有連結的位址）');
		expect(messages[11]).toBe(
			'HTML 標籤 <custom-element> 不在允許清單中（可用的標籤見〈文件撰寫說明〉）；若是一般文字請改用全形〈〉或寫成 \\<',
		);
	});

	it('refuses event handlers, style, and attributes not on the list', () => {
		const body =
			'<img src="./a.png" onerror="alert(1)" /> <span style="color:red" OnMouseOver="x()">a</span> <td class="version-status" data-pagefind-meta="title:x" id="a">b</td>\n';
		const found = faults(body);
		expect(found.map((f) => `${f.column} ${f.rule}`)).toEqual([
			'1 mdx/html',
			'42 mdx/html',
			'42 mdx/html',
			'93 mdx/html',
			'93 mdx/html',
			'93 mdx/html',
		]);
		expect(found[0]!.message).toBe('<img> 的 onerror 屬性是事件處理程式（會執行程式碼），文件內文不允許；請刪除此屬性');
		expect(found[1]!.message).toBe(
			'<span> 的 style 屬性不允許：文件不能自訂樣式；請刪除，改用 Markdown 或允許的標籤（如 <mark>、<sup>、<u>）表達',
		);
		expect(found[2]!.message).toContain('OnMouseOver 屬性是事件處理程式');
		expect(found[3]!.message).toBe(
			'<td> 的 class 屬性不在允許清單中（<td> 可用：title、lang、dir、colspan、rowspan、headers）；請刪除此屬性',
		);
	});

	it('accepts the harmless tags staff need: tables with merged cells, line breaks, marks, folding, figures', () => {
		const body =
			[
				'<table><caption>表一</caption><thead><tr><th scope="col" colspan="2">欄</th></tr></thead><tbody><tr><td rowspan="2">a</td><td>b<br />c</td></tr></tbody></table>',
				'',
				'H<sub>2</sub>O、m<sup>2</sup>、<mark>重點</mark>、<u>底線</u>、<s>刪除</s>、<del>舊</del><ins>新</ins>、<kbd>Ctrl</kbd>、<abbr title="資訊安全管理系統">ISMS</abbr>、<ruby>漢<rt>ㄏㄢˋ</rt></ruby>',
				'',
				'<details open><summary>附表</summary><div><span lang="en">text</span></div></details>',
				'',
				'<figure><img src="./流程圖.png" alt="流程" width="400" /><figcaption>圖一</figcaption></figure> <a href="https://www.nics.nat.gov.tw/">國家資通安全研究院</a>',
			].join('\n') + '\n';
		expect(faults(body)).toEqual([]);
	});
});

describe('URLs in links, images, definitions and attributes', () => {
	it('refuses javascript: and other schemes at the link, wherever the URL is written', () => {
		const body =
			'[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) [d][r] <a href="java&#x09;script:alert(1)">e</a>\n\n[r]: vbscript:msgbox\n';
		const found = faults(body);
		expect(found.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual([
			'1:1 mdx/url',
			'1:26 mdx/url',
			'1:51 mdx/url',
			'1:80 mdx/url',
			'3:1 mdx/url',
		]);
		expect(found[0]!.message).toBe(
			'連結網址「javascript:alert(1)」不允許：它會執行程式碼。連結只能使用 http、https、mailto、tel，或站內網址（如 /documents/isms-p-005/、#sec-1-1）',
		);
		expect(found[3]!.message).toContain('「java\\u0009script:alert(1)」');
	});

	it('accepts http(s), mailto:, tel:, site paths and fragments', () => {
		expect(
			faults(
				'[a](https://a.tw/x) [b](http://b.tw) [c](mailto:soc@a.gov.tw) [d](tel:+886-2-1234) [e](/documents/isms-p-005/#sec-1) [f](#sec-2) [g](附件.pdf)\n',
			),
		).toEqual([]);
	});

	it('allows images only from the document folder: no other site, no .., no ?raw, no SVG', () => {
		const body =
			'![a](./圖/流程.png) ![b](https://cdn.example.com/x.png) ![c](//cdn/x.png) ![d](../../../etc/hostname?raw) ![e](./a.svg) ![f][p] <img src="data:image/png;base64,AA" />\n\n[p]: ./x.png?url\n';
		const found = faults(body);
		expect(found.map((f) => `${f.line}:${f.column}`)).toEqual(['1:18', '1:54', '1:72', '1:104', '1:126', '3:1']);
		expect(found[0]!.message).toBe(
			'圖片來源「https://cdn.example.com/x.png」不允許：入口網不從其他網站或網址載入內容。圖片請放在本文件的資料夾內，以相對路徑引用，例如 ./圖1.png（可用 png、jpg、jpeg、gif、webp、avif）',
		);
		expect(found[2]!.message).toMatch(/^圖片路徑「\.\.\/\.\.\/\.\.\/etc\/hostname\?raw」不允許：路徑不得含有 \.\.、\?、# 或反斜線。/);
		expect(found[3]!.message).toMatch(/^圖片「\.\/a\.svg」不是允許的圖檔類型。/);
	});

	it('reads a URL as a browser does: spaces and controls around it, tabs and line breaks inside it', () => {
		expect(linkUrlFault(' \u0001java\nscript:alert(1)')).toBeDefined();
		expect(linkUrlFault('javascript%3Aalert(1)')).toBeUndefined();
		expect(imageUrlFault('a\\..\\b.png')).toBeDefined();
		expect(imageUrlFault('圖一.JPG')).toBeUndefined();
	});

	it('cuts a long hostile value in the message', () => {
		const message = linkUrlFault(`javascript:${'a'.repeat(10_000)}`)!;
		expect(message.length).toBeLessThan(200);
		expect(message).toContain('…」');
	});
});
