import type { ReferenceSyntax } from '../../../src/lib/references/references.ts';

export const TITLES: Record<string, string> = {
	'ISMS-P-005': '資訊安全目標管理程序書',
	'ISMS-M-001': '資訊安全管理政策',
};

/** The reference syntax of the references tests: the portal's numbers, two documents with titles. */
export const syntax: ReferenceSyntax = { docNoPattern: '^ISMS-[A-Z]-\\d{3}$', titleOf: (docNo) => TITLES[docNo] };
