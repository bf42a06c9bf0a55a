import { parseClassification } from '../lib/documents/classification.ts';
import { searchPageUrl } from '../lib/search/address.ts';
import { STATUS_LABELS, type SearchOptions } from '../lib/search/filters.ts';
import type { SearchResult } from '../lib/search/engine.ts';
import type { SearchHit } from '../lib/search/hit.ts';

/**
 * The DOM of search results: one list item per hit, the status line, and the suggestions shown when
 * nothing matches. Everything from the index is set as text; the excerpt is the one piece of HTML, built
 * by src/lib/search/excerpt.ts from the page's text, escaped, with only <mark> added.
 */
const STATUS_TONES: Record<string, string> = {
	[STATUS_LABELS.current]: 'current',
	[STATUS_LABELS.superseded]: 'danger',
	[STATUS_LABELS.withdrawn]: 'danger',
	[STATUS_LABELS.upcoming]: 'caution',
	[STATUS_LABELS.draft]: 'note',
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** One result: 文件編號, 文件名稱, 版次, 機密等級 (text label), status, standing, section and excerpt. */
export function renderHit(hit: SearchHit): HTMLLIElement {
	const item = element('li', 'portal-search__hit');
	if (hit.status) item.dataset.status = hit.status;
	if (!hit.complete && !hit.named) item.dataset.partial = '';
	const link = element('a', 'portal-search__title');
	link.href = hit.url;
	if (hit.docNo) link.append(element('span', 'portal-search__docno', hit.docNo), ' ');
	link.append(hit.title);
	item.append(link);
	if (hit.docNo) {
		const fields = element('dl', 'portal-search__fields');
		const field = (label: string, value: Node | string) => {
			const row = element('div', '');
			const dd = element('dd', '');
			dd.append(value);
			row.append(element('dt', '', label), dd);
			fields.append(row);
		};
		field('文件編號', hit.docNo);
		field('文件名稱', hit.title);
		if (hit.version) field('版次', hit.version);
		if (hit.classification) {
			const level = parseClassification(hit.classification);
			field('機密等級', element('span', `classification${level ? ` classification--${level}` : ''}`, hit.classification));
		}
		if (hit.status) {
			const tone = STATUS_TONES[hit.status] ?? 'note';
			field(
				'狀態',
				element(
					'span',
					`portal-search__state portal-search__state--${tone}`,
					hit.status === STATUS_LABELS.current ? '現行版本' : hit.status,
				),
			);
		}
		item.append(fields);
	}
	// Whether the version is in force, in words: for the version named by number and for every version out of force.
	if (hit.standing && (hit.named || hit.status !== STATUS_LABELS.current))
		item.append(element('p', 'portal-search__standing', hit.standing));
	if (hit.section) item.append(element('p', 'portal-search__section', hit.section));
	if (item.dataset.partial !== undefined) item.append(element('p', 'portal-search__partial', '部分符合：未含查詢的每一個詞'));
	const excerpt = element('p', 'portal-search__excerpt');
	excerpt.innerHTML = hit.excerpt;
	item.append(excerpt);
	return item;
}

export interface StatusContext {
	/** The filters the search ran with. */
	options: SearchOptions;
	/** 「包含已取代、尚未生效及已廢止版本」 as this build labels the box. */
	historyLabel: string;
	/** Hits the same query has among versions out of force (asked only when nothing else matched). */
	olderHits?: number;
}

/** The status line: how many, which versions, and what was understood (a converted query, a version asked for). */
export function statusText(result: SearchResult, context: StatusContext): string {
	const shown = result.converted ?? result.plan.normalized;
	const parts: string[] = [];
	if (result.converted) parts.push(`已將簡體字轉為繁體「${result.converted}」搜尋。`);
	for (const missing of result.missingVersions) {
		parts.push(
			`${missing.docNo} 沒有 ${missing.version} 版${missing.versions.length ? `；已發布的版次：${missing.versions.join('、')}` : ''}。`,
		);
	}
	const asked = result.hits.find((hit) => hit.named && hit.standing && result.plan.docRefs.some((ref) => ref.version === hit.version));
	if (asked) parts.push(`${asked.docNo} ${asked.standing}`);
	if (result.hits.length === 0) {
		parts.push(`找不到與「${shown}」相關的頁面：沒有頁面含有其中任何一個詞（已一併查詢同義詞）。`);
		if (context.olderHits)
			parts.push(`另有 ${context.olderHits} 筆已取代、尚未生效或已廢止版本符合；勾選「${context.historyLabel}」即可顯示。`);
	} else {
		const askedOld = asked && asked.status !== STATUS_LABELS.current;
		const scope = context.options.includeHistory
			? `（${context.historyLabel.replace(/^包含/, '含')}）`
			: askedOld
				? '（所查詢的版次之外，僅列現行版本）'
				: '（僅現行版本）';
		const complete = result.hits.filter((hit) => hit.complete || hit.named).length;
		const partial = result.hits.length - complete;
		const detail = partial > 0 ? `，其中 ${partial} 筆只含部分詞語` : '';
		parts.push(`「${shown}」共 ${result.hits.length}${result.truncated ? ' 筆以上' : ' 筆'}結果${scope}${detail}。`);
	}
	return parts.join('');
}

/** When nothing matched: the nearest document titles and the query without its last term. */
export function renderSuggestions(result: SearchResult, base: string, options: SearchOptions): DocumentFragment {
	const fragment = document.createDocumentFragment();
	const suggestions = result.suggestions;
	if (!suggestions || (suggestions.titles.length === 0 && !suggestions.shorter)) return fragment;
	const box = element('div', 'portal-search__suggestions');
	if (suggestions.titles.length) {
		box.append(element('p', '', '您是不是要找：'));
		const list = element('ul', '');
		for (const doc of suggestions.titles) {
			const item = element('li', '');
			const link = element('a', '', `${doc.docNo} ${doc.title}`);
			link.href = doc.url;
			item.append(link);
			list.append(item);
		}
		box.append(list);
	}
	if (suggestions.shorter) {
		const paragraph = element('p', '', '或改搜尋較短的查詢：');
		const link = element('a', '', suggestions.shorter);
		link.href = searchPageUrl(base, suggestions.shorter, options);
		link.dataset.searchQuery = suggestions.shorter;
		paragraph.append(link);
		box.append(paragraph);
	}
	fragment.append(box);
	return fragment;
}
