/**
 * YAML syntax errors in Traditional Chinese, for every YAML file the portal reads (frontmatter, SoA,
 * catalogues, crosswalk, synonyms; all parsed by yaml-source.ts): what is wrong and what to write
 * instead, never the parser's English. Full-width punctuation, the usual slip of a Chinese keyboard
 * (`tier：2`), is named as such.
 */

/** A key written with a full-width colon: `tier：2`, `- title：…`; the colon's offset in the line. */
const FULL_WIDTH_KEY = /^([ \t]*(?:-[ \t]+)?)([^\s#'"{[\]}：:,&*!|>%@`-][^:：\n]*?)[ \t]*：/u;

export interface FullWidthColon {
	/** Offset of the `：` in the text. */
	offset: number;
	message: string;
}

/** The first line between two offsets (whole lines) that writes a key with a full-width colon. */
export function fullWidthColonIn(text: string, from: number, to: number): FullWidthColon | undefined {
	let start = text.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
	if (from === 0) start = 0;
	while (start <= text.length) {
		const end = text.indexOf('\n', start);
		const line = text.slice(start, end === -1 ? text.length : end);
		const match = FULL_WIDTH_KEY.exec(line);
		if (match) {
			const key = match[2]!.trim();
			const value = line.slice(match[0].length).trim();
			return {
				offset: start + match[0].length - 1,
				message: `YAML 語法錯誤：「${key}：」用了全形冒號「：」；欄位名稱後面要寫半形冒號加空格「: 」，例如 ${key}: ${value || '…'}`,
			};
		}
		if (end === -1 || end >= to) break;
		start = end + 1;
	}
	return undefined;
}

/** The parser's error code and English message in Traditional Chinese (after 「YAML 語法錯誤：」). */
export function yamlMessage(code: string, message: string): string {
	const english = message.split('\n')[0] ?? message;
	switch (code) {
		case 'TAB_AS_INDENT':
			return '縮排不可使用 Tab 字元，請改用空格';
		case 'RESOURCE_EXHAUSTION':
			return '巢狀層次過深，無法讀取；入口網的資料最多只有兩三層';
		case 'BLOCK_AS_IMPLICIT_KEY':
			return '值裡有「: 」（冒號加空格），請用引號把整個值括起來';
		case 'MULTILINE_IMPLICIT_KEY':
			return '欄位名稱不可跨行：這一行或上一行可能少了冒號「: 」，或值裡有「: 」卻沒有加引號';
		case 'MISSING_CHAR':
			if (/quote/i.test(english)) return '引號沒有結束：從此處開始的引號缺少對應的結尾引號';
			if (/map values/i.test(english)) return '這一行缺少冒號：欄位名稱後面要寫半形冒號加空格「: 」，例如 title: 資訊安全政策';
			if (/\]/.test(english)) return '方括號 [ 沒有對應的 ]';
			if (/\}/.test(english)) return '大括號 { 沒有對應的 }';
			return '缺少必要的符號（冒號、引號或括號）';
		case 'BAD_INDENT':
			if (/end with a \]/.test(english)) return '方括號 [ 沒有對應的 ]，或其中的項目縮排不足';
			if (/end with a \}/.test(english)) return '大括號 { 沒有對應的 }，或其中的項目縮排不足';
			if (/same column/.test(english)) return '同一層的欄位沒有對齊：同一層的欄位與清單項目「- 」要從同一欄開始';
			return '縮排不正確：子項目要比所屬的欄位多縮排，同一層要對齊';
		case 'BAD_SCALAR_START': {
			const char = /character (\S+)\s*$/.exec(english)?.[1];
			return `值不可以「${char ?? english.slice(-1)}」開頭；請用引號把整個值括起來，例如 "${char ?? ''}…"`;
		}
		case 'BAD_DQ_ESCAPE':
			return '雙引號內的反斜線「\\」跳脫寫法不正確；請改用單引號，或把 \\ 寫成 \\\\';
		case 'BAD_DIRECTIVE':
			return '以「%」開頭的指令行無法辨識；入口網的資料不需要 YAML 指令，請刪除此行或加上引號';
		case 'MULTIPLE_DOCS':
			return '檔案中只能有一份 YAML 資料；請刪除多出的「---」或「...」';
		case 'BLOCK_IN_FLOW':
			return '方括號 [ ] 或大括號 { } 內不可換行寫「- 」清單或「欄位: 值」';
		case 'KEY_OVER_1024_CHARS':
			return '欄位名稱過長（超過 1024 字）；欄位名稱後可能少了冒號';
		case 'NON_STRING_KEY':
			return '欄位名稱應為文字';
		case 'MULTIPLE_ANCHORS':
		case 'MULTIPLE_TAGS':
		case 'BAD_PROP_ORDER':
		case 'ALIAS_PROPS':
		case 'BAD_ALIAS':
			return '錨點「&」、別名「*」或標籤「!」的寫法不正確；入口網的資料不需要它們，請直接寫出值';
		case 'UNEXPECTED_TOKEN': {
			const token = /: "(.*)"\s*$/.exec(english)?.[1];
			return `${token ? `此處不應出現「${token}」` : '此處的內容無法辨識'}；請檢查這一行的縮排、冒號「: 」與清單符號「- 」`;
		}
		default:
			return '無法辨識的寫法；請檢查這一行的縮排、冒號「: 」、引號與括號';
	}
}
