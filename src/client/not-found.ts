import { canonicalDocumentPath } from '../lib/search/document-path.ts';

/**
 * On the 404 page: an address that names a published document in another spelling
 * (`/documents/ISMS-P-005/`, `/documents/isms-p-005`) goes to the document's page. The link is shown
 * first, so a reader whose browser does not follow the redirect can click it.
 */
export function redirectToDocument(
	root: ParentNode = document,
	where: Pick<Location, 'pathname' | 'search' | 'hash' | 'replace'> = location,
): string | undefined {
	const box = root.querySelector<HTMLElement>('[data-document-redirect]');
	if (!box) return undefined;
	let docNos: string[];
	try {
		docNos = JSON.parse(box.dataset.docNos ?? '[]') as string[];
	} catch {
		return undefined;
	}
	const target = canonicalDocumentPath(where.pathname, box.dataset.base ?? '/', docNos);
	if (!target) return undefined;
	const link = box.querySelector<HTMLAnchorElement>('a')!;
	const url = `${target}${where.search}${where.hash}`;
	link.setAttribute('href', url);
	link.textContent = target;
	box.hidden = false;
	where.replace(url);
	return target;
}
