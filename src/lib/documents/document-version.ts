import type { Classification } from './classification.ts';

/** One file `content/documents/<DOCNO>/<VERSION>.mdx`: one version of a controlled document. */
export interface DocumentVersion {
	/** Path relative to the project root, forward slashes: `content/documents/ISMS-M-001/1.0.mdx`. */
	file: string;
	/** Content-collection id: `ISMS-M-001/1.0`. */
	id: string;
	docNo: string;
	title: string;
	version: string;
	tier: 1 | 2 | 3 | 4;
	classification: Classification;
	effective: string;
	issuedBy?: string;
	approvedBy?: string;
	/** 審核 */
	reviewedBy?: string;
	owner?: string;
	status?: 'draft' | 'withdrawn';
	reviewEveryMonths: number;
	/** Defaults to `effective`. */
	lastReviewed: string;
	controls: string[];
	changes?: string;
	/** Files offered for download with this version (relative to the version file); absent when none. */
	attachments?: string[];
	example: boolean;
	/** MDX body after the frontmatter, and the file line it starts on (for reference positions). */
	body: string;
	bodyLine: number;
	/** Line and column of each frontmatter field as written (`controls.2` for a list item), for later checks. */
	fieldPositions: Record<string, { line: number; column: number }>;
}
