import { describe, expect, it } from 'vitest';
import { pack, unpack } from '../../src/integration/packed.ts';

describe('packed: text a build keeps for a while', () => {
	it('comes back as it was, in an array of its own size (not zlib’s 16 kB buffer, nor a slice of a shared pool)', () => {
		const text = `<p>資訊安全政策</p>\n${'<li>通行碼之長度應至少十二個字元。</li>'.repeat(200)}`;
		const packed = pack(text);
		expect(unpack(packed)).toBe(text);
		expect(packed.byteLength).toBeLessThan(2_000);
		expect(packed.buffer.byteLength).toBe(packed.byteLength);
		expect(pack('').buffer.byteLength).toBe(pack('').byteLength);
	});
});
