/** Document versions (版次) are `MAJOR.MINOR` strings compared numerically: 1.10 > 1.9. */
export const VERSION_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export interface ParsedVersion {
	major: number;
	minor: number;
}

export function parseVersion(value: string): ParsedVersion | undefined {
	const match = VERSION_PATTERN.exec(value);
	if (!match) return undefined;
	return { major: Number(match[1]), minor: Number(match[2]) };
}

export function isVersion(value: string): boolean {
	return VERSION_PATTERN.test(value);
}

/** Negative when a < b, positive when a > b, 0 when equal. Throws on a malformed version. */
export function compareVersions(a: string, b: string): number {
	const pa = parseVersion(a);
	const pb = parseVersion(b);
	if (!pa || !pb) throw new TypeError(`not a MAJOR.MINOR version: ${pa ? b : a}`);
	return pa.major - pb.major || pa.minor - pb.minor;
}
