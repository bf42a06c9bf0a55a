import { describe, expect, it } from 'vitest';
import { MdxSyntaxError, parseBody, unrenderable } from '../../src/lib/mdx.ts';

describe('parseBody', () => {
	it('reports invalid MDX at the file line and column, with advice in Traditional Chinese', () => {
		let error: unknown;
		try {
			parseBody('## 1. 目的\n\n- 1.1 溫度應 <25 度。\n', 10);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(MdxSyntaxError);
		expect(error).toMatchObject({ line: 13, column: 11 });
		expect((error as Error).message).toMatch(/^MDX 語法錯誤：.*請改用全形〈〉｛｝，或寫成 \\< 與 \\\{$/);
	});

	it('shifts positions by the frontmatter lines', () => {
		expect(parseBody('段落。\n', 16).children[0]?.position?.start.line).toBe(17);
	});
});

describe('unrenderable', () => {
	it('reports a {…} expression, which MDX would evaluate as JavaScript', () => {
		expect(unrenderable(parseBody('- 1.1 溫度 {溫度} 度。\n'))).toEqual([
			{ line: 1, column: 10, message: '內文的 {溫度} 會被當成程式運算式；文件不使用運算式，要寫大括號請改用全形｛｝或 \\{' },
		]);
	});

	it('reports a component that is not imported, but not HTML elements or imported components', () => {
		const tree = parseBody("import Note from './note.astro';\n\n<Note>注意</Note> <Tip>提示</Tip> <sup>上標</sup>\n");
		expect(unrenderable(tree).map((f) => f.message)).toEqual(['元件 <Tip> 沒有匯入，頁面無法顯示；若是一般文字請改用全形〈〉或寫成 \\<']);
	});

	it('accepts plain Markdown and escaped characters', () => {
		expect(unrenderable(parseBody('- 1.1 溫度應 \\<25 度，濕度 \\{40%\\}。\n'))).toEqual([]);
	});
});
