import { describe, expect, it } from 'vitest';
import { decodeSource, firstInvalidUtf8 } from '../../src/lib/encoding.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Big5 bytes of 本局資訊安全 (what a Taiwanese office's editor saves). */
const BIG5 = [0xa5, 0xbb, 0xa7, 0xbd, 0xb8, 0xea, 0xb0, 0x54, 0xa6, 0x77, 0xa5, 0xfe];

describe('decodeSource', () => {
	it('decodes UTF-8 and drops a byte-order mark', () => {
		expect(decodeSource(utf8('---\ntitle: 資訊安全\n'))).toEqual({ ok: true, text: '---\ntitle: 資訊安全\n' });
		expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('---\n')]))).toEqual({ ok: true, text: '---\n' });
	});

	it('names Big5, at the line and column of the first byte that is not UTF-8', () => {
		const bytes = new Uint8Array([...utf8('---\ndocNo: ISMS-M-001\ntitle: '), ...BIG5, 0x0a]);
		expect(decodeSource(bytes)).toEqual({
			ok: false,
			fault: {
				line: 3,
				column: 8,
				rule: 'file/encoding',
				message: expect.stringMatching(/^檔案不是 UTF-8 編碼（可能是 Big5）；第 3 行第 8 字起無法以 UTF-8 讀取，請以 UTF-8 另存/),
			},
		});
	});

	it('says only "not UTF-8" when the bytes are not Big5 either', () => {
		const result = decodeSource(new Uint8Array([...utf8('標題 '), 0xff, 0xff]));
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.fault).toMatchObject({ line: 1, column: 4, rule: 'file/encoding' });
			expect(result.fault.message).not.toContain('Big5');
			expect(result.fault.message).toMatch(/^檔案不是 UTF-8 編碼；/);
		}
	});

	it.each([
		['LE with a byte-order mark', [0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00, 0x2d, 0x00], 'LE'],
		['BE with a byte-order mark', [0xfe, 0xff, 0x00, 0x2d, 0x00, 0x2d, 0x00, 0x2d], 'BE'],
		// Without a byte-order mark, ASCII in UTF-16 is valid UTF-8 with NUL in every other byte.
		['LE without a byte-order mark', [...'---\ntitle'].flatMap((c) => [c.charCodeAt(0), 0]), 'LE'],
		['BE without a byte-order mark', [...'---\ntitle'].flatMap((c) => [0, c.charCodeAt(0)]), 'BE'],
	])('names UTF-16 %s (not "missing frontmatter")', (_, bytes, order) => {
		expect(decodeSource(new Uint8Array(bytes))).toEqual({
			ok: false,
			fault: {
				line: 1,
				column: 1,
				rule: 'file/encoding',
				message: expect.stringMatching(new RegExp(`^檔案不是 UTF-8 編碼（UTF-16）；此檔為 UTF-16 ${order}，請以 UTF-8 另存`)),
			},
		});
	});

	it('refuses NUL and other control characters at their line and column, but not tab, CR or LF', () => {
		expect(decodeSource(utf8('---\r\ntitle:\t甲\n'))).toMatchObject({ ok: true });
		expect(decodeSource(utf8('---\ntitle: 甲\0乙\n'))).toEqual({
			ok: false,
			fault: {
				line: 2,
				column: 9,
				rule: 'file/control-character',
				message: expect.stringMatching(/^檔案含有控制字元 U\+0000（NUL，空字元）；/),
			},
		});
		expect(decodeSource(utf8('a\u001bb'))).toMatchObject({ ok: false, fault: { line: 1, column: 2, rule: 'file/control-character' } });
	});
});

describe('firstInvalidUtf8', () => {
	it.each([
		['ASCII and Chinese', utf8('abc 資訊'), -1],
		['a four-byte character', utf8('😀x'), -1],
		['a lone continuation byte', [0x61, 0x80], 1],
		['an overlong form', [0xc0, 0xaf], 0],
		['a surrogate', [0xed, 0xa0, 0x80], 0],
		['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
		['a truncated sequence', [0x61, 0xe8, 0xb3], 1],
	])('%s', (_, bytes, expected) => {
		expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(expected);
	});
});

describe('firstInvalidUtf8 and the platform decoder agree', () => {
	// decodeSource validates with the platform's fatal UTF-8 decoder and scans with firstInvalidUtf8
	// only a file that fails: both must call the same bytes well-formed. Every lead byte, with
	// continuation candidates at the edges of every range (and the sequence cut short), inside ASCII.
	it('on every lead byte with the boundary bytes after it', () => {
		const fatal = new TextDecoder('utf-8', { fatal: true });
		const edges = [0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, undefined];
		const disagree: string[] = [];
		for (let lead = 0x80; lead <= 0xff; lead++)
			for (const second of edges)
				for (const third of edges)
					for (const fourth of edges) {
						const tail = [second, third, fourth].filter((b): b is number => b !== undefined);
						const bytes = new Uint8Array([0x61, lead, ...tail, 0x62]);
						let decoded = true;
						try {
							fatal.decode(bytes);
						} catch {
							decoded = false;
						}
						if ((firstInvalidUtf8(bytes) === -1) !== decoded) disagree.push([...bytes].map((b) => b.toString(16)).join(' '));
					}
		expect(disagree).toEqual([]);
	});

	it('decodeSource reports the first bad byte of a file the decoder refuses', () => {
		expect(decodeSource(new Uint8Array([...utf8('甲\n乙'), 0xed, 0xa0, 0x80]))).toMatchObject({
			ok: false,
			fault: { line: 2, column: 2, rule: 'file/encoding' },
		});
	});
});
