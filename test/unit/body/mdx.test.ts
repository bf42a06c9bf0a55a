import { describe, expect, it } from 'vitest';
import { MdxSyntaxError, parseBody } from '../../../src/lib/body/mdx.ts';

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

	it('says that HTML comments are not supported instead of suggesting an expression comment', () => {
		expect(() => parseBody('段落。\n\n<!-- 備註 -->\n', 10)).toThrow(
			expect.objectContaining({
				line: 13,
				column: 1,
				message: 'MDX 語法錯誤：文件內文不支援 HTML 註解 <!-- -->；請刪除註解（要保留的說明請寫進修訂說明或正文）',
			}),
		);
	});
});
