/** The part of Pagefind's JS API the portal uses (pagefind.js ships without types). */
export interface PagefindLike {
	search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<{ results: PagefindResultLike[] } | null>;
	filters(): Promise<Record<string, Record<string, number>>>;
}
export interface PagefindResultLike {
	id: string;
	/** Pagefind's relevance score for the query (higher is better). */
	score?: number;
	data(): Promise<PagefindData>;
}
export interface PagefindData {
	url: string;
	content: string;
	/** Words of the page separated by U+200B, `<`/`>` escaped (set by pagefind.js when it loads a page). */
	raw_content?: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	anchors?: { element: string; id: string; text?: string; location: number }[];
}
