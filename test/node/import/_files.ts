/** Test files for the importer (not a test file). */

/** An OLE compound file header followed by directory names, as Word writes a password-protected .docx (or an old .doc). */
export function oleFile(streams: string[]): Buffer {
	return Buffer.concat([
		Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
		Buffer.alloc(504),
		...streams.map((s) => Buffer.from(s, 'utf16le')),
	]);
}
