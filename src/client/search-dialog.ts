/**
 * `<site-search>`: the header button (Ctrl+K / ⌘K) and the dialog holding a search panel
 * (src/components/Search.astro renders its markup). Focus returns to what opened it.
 */
type Panel = HTMLElement & { focusInput(): void; shareUrl: string };

export class SiteSearch extends HTMLElement {
	connectedCallback() {
		const openButton = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
		const closeButton = this.querySelector<HTMLButtonElement>('button[data-close-modal]')!;
		const dialog = this.querySelector('dialog')!;
		const panel = this.querySelector('portal-search') as Panel;
		const pageLink = this.querySelector<HTMLAnchorElement>('a[data-search-page-link]')!;
		let opener: HTMLElement | null = null;

		const open = () => {
			if (dialog.open) return;
			const active = document.activeElement;
			opener = active instanceof HTMLElement && active !== document.body ? active : openButton;
			dialog.showModal();
			document.body.toggleAttribute('data-search-modal-open', true);
			panel.focusInput();
		};
		const close = () => dialog.close();

		openButton.addEventListener('click', (event) => {
			event.stopPropagation();
			open();
		});
		openButton.disabled = false;
		closeButton.addEventListener('click', close);
		// A click on the backdrop (the dialog itself, outside its frame) or on a result link closes it.
		dialog.addEventListener('click', (event) => {
			const target = event.target as Element;
			if (target === dialog || (target.closest('a[href]') && !target.closest('a[data-search-query]'))) close();
		});
		// Esc closes the dialog, also from the search field (where it would first only clear the text).
		dialog.addEventListener('keydown', (event) => {
			if (event.key === 'Escape') {
				event.preventDefault();
				close();
			}
		});
		dialog.addEventListener('close', () => {
			document.body.toggleAttribute('data-search-modal-open', false);
			opener?.focus();
		});
		this.addEventListener('portal-search:change', () => {
			pageLink.href = panel.shareUrl;
		});
		window.addEventListener('keydown', (event) => {
			if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
				event.preventDefault();
				if (dialog.open) close();
				else open();
			}
		});
		if (/(Mac|iPhone|iPod|iPad)/i.test(navigator.platform)) {
			const key = this.querySelector('[data-search-platform-key]');
			if (key) key.textContent = '⌘';
			openButton.setAttribute('aria-keyshortcuts', 'Meta+K');
		}
	}
}

export function defineSiteSearch(): void {
	if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
}
