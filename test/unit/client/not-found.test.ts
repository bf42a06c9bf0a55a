// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { redirectToDocument } from '../../../src/client/not-found.ts';

function page(): HTMLElement {
	const root = document.createElement('div');
	root.innerHTML = `<p data-document-redirect data-doc-nos='["ISMS-P-005"]' data-base="/" hidden>前往 <a href="/documents/">文件一覽表</a></p>`;
	return root;
}
const at = (pathname: string) => {
	const replaced: string[] = [];
	return { where: { pathname, search: '', hash: '#sec-1', replace: (url: string) => void replaced.push(url) }, replaced };
};

describe('redirectToDocument (404 page)', () => {
	it('sends an address naming a published document in another spelling to its page, showing the link', () => {
		const root = page();
		const { where, replaced } = at('/documents/ISMS-P-005/');
		expect(redirectToDocument(root, where)).toBe('/documents/isms-p-005/');
		expect(replaced).toEqual(['/documents/isms-p-005/#sec-1']);
		const box = root.querySelector<HTMLElement>('[data-document-redirect]')!;
		expect(box.hidden).toBe(false);
		expect(box.querySelector('a')!.getAttribute('href')).toBe('/documents/isms-p-005/#sec-1');
	});

	it('does nothing on a real 404', () => {
		const root = page();
		const { where, replaced } = at('/documents/ISMS-P-099/');
		expect(redirectToDocument(root, where)).toBeUndefined();
		expect(replaced).toEqual([]);
		expect(root.querySelector<HTMLElement>('[data-document-redirect]')!.hidden).toBe(true);
	});
});
