/**
 * Addresses of documents as staff type them: `/documents/ISMS-P-005/` (upper case), `/documents/isms-p-005`
 * (no slash), `/documents/ISMS-P-005/V1.0`. A static server has only the canonical files
 * (`/documents/isms-p-005/`, `/documents/isms-p-005/v1.0/`); its 404 page asks this function where such an
 * address should go and sends the reader there (src/client/not-found.ts).
 */
export function canonicalDocumentPath(pathname: string, base: string, docNos: readonly string[]): string | undefined {
	const root = base.replace(/\/?$/, '/');
	let path: string;
	try {
		path = decodeURIComponent(pathname);
	} catch {
		return undefined;
	}
	if (!path.toLowerCase().startsWith(`${root}documents/`.toLowerCase())) return undefined;
	const [segment, ...rest] = path.slice(`${root}documents/`.length).split('/');
	const wanted = (segment ?? '').normalize('NFKC').toUpperCase();
	const docNo = docNos.find((known) => known.toUpperCase() === wanted);
	if (!docNo) return undefined;
	const tail = rest.filter(Boolean).map((part) => part.toLowerCase());
	// Only the document's own pages: its permalink and /v<version>/ (anything else stays a 404).
	if (tail.length > 1 || (tail.length === 1 && !/^v\d+\.\d+$/.test(tail[0]!))) return undefined;
	const canonical = `${root}documents/${docNo.toLowerCase()}/${tail.length ? `${tail[0]}/` : ''}`;
	return canonical === pathname ? undefined : canonical;
}
