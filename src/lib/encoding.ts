/**
 * Source files (documents, SoA data, catalogues) are UTF-8 text. A file saved in another encoding is
 * refused with the encoding named, before anything reads its text: Taiwanese offices still save
 * Big5, and Windows Notepad's "Unicode" is UTF-16. Pure: bytes in, text or a problem out.
 */
import type { Position } from './yaml-source.ts';

export type DecodedSource = { ok: true; text: string } | { ok: false; fault: Position & { rule: string; message: string } };

const SAVE_AS_UTF8 = '請以 UTF-8 另存（記事本：另存新檔 → 編碼選「UTF-8」；Word：另存為純文字 → Unicode (UTF-8)）';

/**
 * Decodes a source file's bytes as UTF-8 (a leading byte-order mark is dropped). UTF-16 (with a
 * byte-order mark, or ASCII text with every other byte NUL), invalid UTF-8 that reads as Big5, other
 * invalid UTF-8 and control characters (NUL, …) are faults at the line and column where they are.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
	const utf16 = utf16Order(bytes);
	if (utf16) {
		return {
			ok: false,
			fault: {
				line: 1,
				column: 1,
				rule: 'file/encoding',
				message: `檔案不是 UTF-8 編碼（UTF-16）；此檔為 UTF-16 ${utf16.trim()}，${SAVE_AS_UTF8}`,
			},
		};
	}
	// The platform's decoder checks well-formedness as `firstInvalidUtf8` does (RFC 3629, the WHATWG
	// decoder's fatal mode), natively: the byte-by-byte scan only runs to say where a file goes wrong.
	const valid = decodeFatal(bytes);
	const bad = valid === undefined ? firstInvalidUtf8(bytes) : -1;
	if (bad >= 0) {
		const at = positionOfByte(bytes, bad);
		const big5 = decodesAs('big5', bytes);
		const guess = big5 ? '（可能是 Big5）' : '';
		return {
			ok: false,
			fault: {
				...at,
				rule: 'file/encoding',
				message: `檔案不是 UTF-8 編碼${guess}；第 ${at.line} 行第 ${at.column} 字起無法以 UTF-8 讀取，${SAVE_AS_UTF8}`,
			},
		};
	}
	const text = valid ?? new TextDecoder('utf-8').decode(bytes);
	const control = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.exec(text);
	if (control) {
		const before = text.slice(0, control.index);
		const line = before.split('\n').length;
		const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
		const code = control[0].charCodeAt(0);
		const name = code === 0 ? '（NUL，空字元）' : '';
		return {
			ok: false,
			fault: {
				line,
				column,
				rule: 'file/control-character',
				message: `檔案含有控制字元 U+${code.toString(16).toUpperCase().padStart(4, '0')}${name}；文字檔不應有此字元，可能是檔案損毀或不是文字檔。請刪除該字元，或以 UTF-8 純文字重新存檔`,
			},
		};
	}
	return { ok: true, text };
}

/** ` LE` or ` BE` when the bytes are UTF-16: a byte-order mark, or NUL in every other byte of ASCII text. */
function utf16Order(bytes: Uint8Array): string | undefined {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return ' LE';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return ' BE';
	const sample = bytes.subarray(0, Math.min(bytes.length, 256) & ~1);
	if (sample.length < 4) return undefined;
	let evenNul = 0;
	let oddNul = 0;
	for (let i = 0; i < sample.length; i += 2) {
		if (sample[i] === 0) evenNul++;
		if (sample[i + 1] === 0) oddNul++;
	}
	const pairs = sample.length / 2;
	// ASCII in UTF-16 LE: every high (odd) byte is zero, the low bytes are not; BE the other way round.
	if (oddNul >= pairs * 0.75 && evenNul === 0) return ' LE';
	if (evenNul >= pairs * 0.75 && oddNul === 0) return ' BE';
	return undefined;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text (a leading byte-order mark dropped), or undefined when the bytes are not well-formed UTF-8. */
function decodeFatal(bytes: Uint8Array): string | undefined {
	try {
		return UTF8.decode(bytes);
	} catch {
		return undefined;
	}
}

function decodesAs(encoding: string, bytes: Uint8Array): boolean {
	try {
		new TextDecoder(encoding, { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all of it is UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let min: number;
		let max = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
		else if (b === 0xe0) [need, min] = [2, 0xa0];
		else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f];
		else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80];
		else if (b === 0xf0) [need, min] = [3, 0x90];
		else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
		else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80];
		else return i;
		const second = bytes[i + 1];
		if (second === undefined || second < min || second > max) return i;
		for (let k = 2; k <= need; k++) {
			const next = bytes[i + k];
			if (next === undefined || next < 0x80 || next > 0xbf) return i;
		}
		i += need + 1;
	}
	return -1;
}

/** Line and column (characters, 1-based) of a byte offset; the bytes before it are valid UTF-8. */
function positionOfByte(bytes: Uint8Array, offset: number): Position {
	let lineStart = 0;
	let line = 1;
	for (let i = 0; i < offset; i++) {
		if (bytes[i] === 0x0a) {
			line++;
			lineStart = i + 1;
		}
	}
	const column = [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset))].length + 1;
	return { line, column };
}
