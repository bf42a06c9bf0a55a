import { findClauseReferences, type ClauseReference, type ClauseReferenceOptions } from '../../../src/lib/outline/clause-references.ts';
import { findReferences } from '../../../src/lib/references/references.ts';

const syntax = { docNoPattern: '^ISMS-[A-Z]-\\d{3}$', titleOf: (docNo: string) => (docNo === 'ISMS-M-002' ? '資訊安全政策' : undefined) };

/** What phase 2 does: the document parser finds the documents, the clause parser the clauses after them. */
export function findClauseReferencesAfterDocuments(text: string, options: ClauseReferenceOptions = {}): ClauseReference[] {
	const documentEnds = findReferences(text, syntax).flatMap((r) =>
		r.kind === 'document' ? [{ end: r.index + r.length, docNo: r.docNo }] : [],
	);
	return findClauseReferences(text, { documentEnds, ...options });
}
