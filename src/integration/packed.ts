import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Text a build keeps for a while (a rendered body until its page reads it, a versions.json until
 * build:done writes it), compressed in an array of its own size: zlib's result sits in a 16 kB buffer at
 * least, and a copy made with `Buffer.from` in a slice of a shared pool (64 kB in a build, set by a
 * dependency), which a small slice keeps alive whole: 4,000 bodies kept 250 MB that way.
 */
export function pack(text: string): Uint8Array {
	return new Uint8Array(deflateRawSync(text, { level: 1 }));
}

export function unpack(packed: Uint8Array): string {
	return inflateRawSync(packed).toString('utf8');
}
