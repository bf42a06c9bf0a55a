import type { ClauseReference } from '../outline/clause-references.ts';
import type { FoundReference } from './references.ts';
import { clauseAnchor, clausePath, controlPath, documentPath } from '../site/urls.ts';

/** What the renderer may link to in this build. */
export interface LinkTargets {
	/** docNos with a page in this build. */
	published: ReadonlySet<string>;
	/** docNos that exist but are above this build's publication ceiling: never linked or titled. */
	hidden: ReadonlySet<string>;
	/** Whether control ids link to their row on /soa/. */
	linkControls: boolean;
	/**
	 * The SoA row covering a control id of either catalogue (src/lib/soa/links.ts); without it a
	 * control links to its own row.
	 */
	controlLink?: (id: string) => { href: string; note?: string; title?: string } | undefined;
}

export type Rendering = { href: string; note?: string; title?: string } | { replaceWith: string } | undefined;

/**
 * How one reference renders: a link to the document, its clause or the control's SoA row; for a
 * document above the ceiling, its bare number (its cited title removed); otherwise plain text.
 * An official-scheme clause (`參、一、（二）`, 第三點第二款) links to the anchor `anchorOfClause` finds
 * for it in the cited document's outline (the citing document's own when no docNo is written).
 */
export function renderReference(
	ref: FoundReference | ClauseReference,
	citingDocNo: string | undefined,
	targets: LinkTargets,
	anchorOfClause?: (docNo: string, ref: ClauseReference) => string | undefined,
): Rendering {
	switch (ref.kind) {
		case 'document':
			if (targets.hidden.has(ref.docNo)) return { replaceWith: ref.quoted ? `「${ref.docNo}」` : ref.docNo };
			return targets.published.has(ref.docNo) ? { href: documentPath(ref.docNo) } : undefined;
		case 'clause': {
			const docNo = ref.docNo ?? citingDocNo;
			if (!docNo || targets.hidden.has(docNo)) return undefined;
			if (!ref.docNo || ref.docNo === citingDocNo) return { href: `#${clauseAnchor(ref.clause)}` };
			return targets.published.has(docNo) ? { href: clausePath(docNo, ref.clause) } : undefined;
		}
		case 'outline-clause': {
			const docNo = ref.docNo ?? citingDocNo;
			if (!docNo || targets.hidden.has(docNo)) return undefined;
			const own = docNo === citingDocNo;
			if (!own && !targets.published.has(docNo)) return undefined;
			const anchor = anchorOfClause?.(docNo, ref);
			if (!anchor) return undefined;
			return { href: own ? `#${anchor}` : `${documentPath(docNo)}#${anchor}` };
		}
		case 'control':
			if (!targets.linkControls) return undefined;
			return targets.controlLink ? targets.controlLink(ref.id) : { href: controlPath(ref.id) };
	}
}

/** The docNo a `/documents/<docno>/…` URL points to, upper-cased, or undefined. */
export function linkedDocNo(url: string): string | undefined {
	const match = /^\/documents\/([^/#]+)/.exec(url);
	return match ? match[1]!.toUpperCase() : undefined;
}
