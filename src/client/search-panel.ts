import { readSearchParams, searchPageUrl } from '../lib/search/address.ts';
import type { SearchResult } from '../lib/search/engine.ts';
import type { SearchOptions } from '../lib/search/filters.ts';
import type { SearchHit } from '../lib/search/hit.ts';
import { loadSearchEngine } from './search-engine.ts';
import { renderHit, renderSuggestions, statusText } from './search-render.ts';

/**
 * `<portal-search>`: the search form and results (src/components/SearchPanel.astro renders its markup),
 * in the header dialog on every page and on /search/, which runs the query in its address and writes the
 * query and filters back as the user types (`data-sync-url`).
 */
const PAGE_SIZE = 20;
const DEBOUNCE_MS = 200;

export class PortalSearch extends HTMLElement {
	#run = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#hits: SearchHit[] = [];
	#shown = 0;

	get base(): string {
		return this.dataset.base ?? '/';
	}

	get #input(): HTMLInputElement {
		return this.querySelector<HTMLInputElement>('input[name="q"]')!;
	}

	connectedCallback() {
		const form = this.querySelector('form')!;
		const input = this.#input;
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.search(0);
		});
		form.addEventListener('input', (event) => this.search(event.target === input ? DEBOUNCE_MS : 0));
		form.addEventListener('change', (event) => {
			if (event.target !== input) this.search(0);
		});
		this.querySelector('[data-search-more]')!.addEventListener('click', () => this.#showMore(true));
		// 「或改搜尋較短的查詢」 runs here rather than loading the page again.
		this.querySelector('[data-search-suggestions]')?.addEventListener('click', (event) => {
			const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-search-query]');
			if (!link) return;
			event.preventDefault();
			input.value = link.dataset.searchQuery ?? '';
			this.search(0);
			input.focus();
		});
		if (this.dataset.syncUrl !== undefined) {
			this.#readUrl();
			if (input.value.trim()) this.search(0);
			else input.focus();
			window.addEventListener('popstate', () => {
				this.#readUrl();
				this.search(0, false);
			});
		}
	}

	get query(): string {
		return this.#input.value;
	}

	get options(): SearchOptions {
		const checked = (name: string) => [...this.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((box) => box.value);
		return { includeHistory: checked('all').length > 0, tiers: checked('tier'), classifications: checked('classification') };
	}

	/** `/search/?q=…&all=1&tier=…&classification=…` for the current query and filters. */
	get shareUrl(): string {
		return searchPageUrl(this.base, this.query, this.options);
	}

	#readUrl() {
		const { query, options } = readSearchParams(location.search);
		this.#input.value = query;
		const wanted: Record<string, readonly string[]> = {
			all: options.includeHistory ? ['1'] : [],
			tier: options.tiers,
			classification: options.classifications,
		};
		for (const box of this.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
			box.checked = (wanted[box.name] ?? []).includes(box.value);
		if (options.tiers.length || options.classifications.length || options.includeHistory)
			this.querySelector('details')?.setAttribute('open', '');
	}

	focusInput() {
		this.#input.focus();
		this.#input.select();
	}

	search(delay: number, writeUrl = true) {
		clearTimeout(this.#timer);
		this.dispatchEvent(new CustomEvent('portal-search:change', { bubbles: true }));
		if (writeUrl && this.dataset.syncUrl !== undefined) history.replaceState(history.state, '', this.shareUrl);
		this.#timer = setTimeout(() => void this.#execute(), delay);
	}

	async #execute() {
		const run = ++this.#run;
		const status = this.querySelector<HTMLElement>('[data-search-status]')!;
		const list = this.querySelector<HTMLOListElement>('[data-search-results]')!;
		const suggestions = this.querySelector<HTMLElement>('[data-search-suggestions]');
		const query = this.query;
		const options = this.options;
		if (!query.trim()) {
			status.textContent = '';
			list.replaceChildren();
			suggestions?.replaceChildren();
			this.#hits = [];
			this.#showMore(false);
			return;
		}
		const slow = setTimeout(() => {
			if (run === this.#run) status.textContent = '搜尋中…';
		}, 300);
		try {
			const engine = await loadSearchEngine(this.base);
			const result: SearchResult = await engine.search(query, options);
			let olderHits: number | undefined;
			if (result.hits.length === 0 && !options.includeHistory && result.plan.mode !== 'empty') {
				olderHits = (await engine.search(query, { ...options, includeHistory: true })).hits.length;
			}
			if (run !== this.#run) return;
			this.#hits = result.hits;
			this.#shown = 0;
			list.replaceChildren();
			this.#showMore(true);
			suggestions?.replaceChildren(renderSuggestions(result, this.base, options));
			status.textContent = statusText(result, {
				options,
				historyLabel: this.dataset.historyLabel ?? '',
				...(olderHits ? { olderHits } : {}),
			});
		} catch (error) {
			if (run !== this.#run) return;
			console.error(error);
			// `npm run dev` builds no index: search works on a built site (npm run build, then npm run preview).
			status.textContent =
				'無法載入搜尋索引，請重新整理頁面後再試。（開發模式 npm run dev 不產生搜尋索引；請以 npm run build 建置後用 npm run preview 瀏覽。）';
		} finally {
			clearTimeout(slow);
		}
	}

	#showMore(more: boolean) {
		const list = this.querySelector<HTMLOListElement>('[data-search-results]')!;
		const button = this.querySelector<HTMLButtonElement>('[data-search-more]')!;
		if (more) {
			const next = this.#hits.slice(this.#shown, this.#shown + PAGE_SIZE);
			const first = list.children.length;
			list.append(...next.map(renderHit));
			this.#shown += next.length;
			// After 「顯示更多結果」, keyboard users continue at the first newly shown result.
			if (first > 0 && next.length) list.children[first]?.querySelector('a')?.focus();
		}
		const rest = this.#hits.length - this.#shown;
		button.hidden = rest <= 0;
		button.textContent = `顯示更多結果（尚有 ${rest} 筆）`;
	}
}

export function definePortalSearch(): void {
	if (!customElements.get('portal-search')) customElements.define('portal-search', PortalSearch);
}
