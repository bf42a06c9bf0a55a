import type { Backlink } from './portal.ts';

/** The documents citing one document (被引用於), one entry per citing document with its clauses folded in. */
export interface BacklinkGroup {
	docNo: string;
	title: string;
	/** The citing document's permalink. */
	url: string;
	/** Citing clauses in order, each with its anchor on the citing document's permalink. */
	clauses: { clause: string; url: string }[];
	/** Citations counted: each citing clause, and the document's text outside any clause once. */
	count: number;
}

/**
 * Groups the backlinks of a document (one per citing clause, sorted by document then clause:
 * src/lib/documents/portal.ts) by citing document, keeping their order (issue 18: ISMS-M-001 was cited from
 * 149 clauses of 33 documents, one line each).
 */
export function groupBacklinks(backlinks: readonly Backlink[]): BacklinkGroup[] {
	const groups = new Map<string, BacklinkGroup>();
	for (const link of backlinks) {
		let group = groups.get(link.docNo);
		if (!group) {
			group = { docNo: link.docNo, title: link.title, url: link.url.replace(/#.*$/, ''), clauses: [], count: 0 };
			groups.set(link.docNo, group);
		}
		group.count += 1;
		if (link.clause) group.clauses.push({ clause: link.clause, url: link.url });
	}
	return [...groups.values()];
}

/** 「共 33 份文件、149 處引用」 */
export function backlinkSummary(groups: readonly BacklinkGroup[]): string {
	return `共 ${groups.length} 份文件、${groups.reduce((sum, group) => sum + group.count, 0)} 處引用`;
}
