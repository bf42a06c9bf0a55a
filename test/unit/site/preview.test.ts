import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/lib/problems.ts';
import {
	attachmentAt,
	blocksBody,
	findingsReport,
	missingDocumentFindings,
	pageFindings,
	previewOf,
} from '../../../src/lib/site/preview.ts';

const problem = (file: string, line: number, rule: string, severity: Problem['severity'] = 'error'): Problem => ({
	file,
	line,
	column: 1,
	severity,
	rule,
	message: `${rule} 的訊息`,
});
const DOCS = 'content/documents';
const M1 = `${DOCS}/ISMS-M-001/1.0.mdx`;
const P2 = `${DOCS}/ISMS-P-002/1.0.mdx`;

describe('preview: what npm run dev shows beside a page', () => {
	const problems = [
		problem(P2, 9, 'ref/unknown-clause'),
		problem(M1, 4, 'outline/skipped-clause', 'warning'),
		problem(M1, 2, 'mdx/syntax'),
		problem(`${DOCS}/ISMS-M-001/1.1.mdx`, 6, 'frontmatter/invalid-value'),
		problem(`${DOCS}/ISMS-X-009/1.0.mdx`, 1, 'frontmatter/missing-field'),
		problem('content/soa/1.0.yaml', 3, 'soa/invalid-value'),
	];
	const preview = previewOf({
		problems,
		documentsDir: `${DOCS}/`,
		pages: [
			{ id: 'ISMS-M-001/1.0', file: M1 },
			{ id: 'ISMS-P-002/1.0', file: P2 },
			{ id: 'ISMS-P-003/1.0', file: `${DOCS}/ISMS-P-003/1.0.mdx` },
		],
		analysed: new Set(['ISMS-P-002/1.0', 'ISMS-M-001/1.0']),
	});

	it('groups findings by the page file, sorted; files without a page by their document folder', () => {
		expect(preview.enabled).toBe(true);
		expect(preview.byFile[M1]!.map((p) => p.line)).toEqual([2, 4]);
		expect(preview.byFile[P2]!.map((p) => p.rule)).toEqual(['ref/unknown-clause']);
		expect(Object.keys(preview.byDocument).sort()).toEqual(['ISMS-M-001', 'ISMS-X-009']);
		// Data files outside the documents folder are not a document's.
		expect(JSON.stringify(preview)).not.toContain('soa/invalid-value');
	});

	it('blocks a body the compiler cannot get past, or that was not parsed; not one with a broken reference', () => {
		expect(preview.blocked.sort()).toEqual(['ISMS-M-001/1.0', 'ISMS-P-003/1.0']);
		expect(blocksBody(problem(P2, 1, 'ref/hidden-title'))).toBe(true);
		expect(blocksBody(problem(P2, 1, 'asset/missing'))).toBe(true);
		expect(blocksBody(problem(P2, 1, 'limit/nesting'))).toBe(true);
		expect(blocksBody(problem(P2, 1, 'ref/unknown-document'))).toBe(false);
		expect(blocksBody(problem(P2, 1, 'mdx/syntax', 'warning'))).toBe(false);
	});

	it('shows on a version page its own findings and those of its document’s files without a page', () => {
		expect(pageFindings(preview, 'ISMS-M-001', M1).map((p) => `${p.file}:${p.line}`)).toEqual([
			`${M1}:2`,
			`${M1}:4`,
			`${DOCS}/ISMS-M-001/1.1.mdx:6`,
		]);
		expect(pageFindings(preview, 'ISMS-P-002', P2)).toHaveLength(1);
	});

	it('shows on the not-found page the findings of the document the address names (base path aside)', () => {
		expect(missingDocumentFindings(preview, '/documents/isms-x-009/', undefined).map((p) => p.rule)).toEqual(['frontmatter/missing-field']);
		expect(missingDocumentFindings(preview, '/portal/documents/isms-x-009/v1.0/', '/portal/')).toHaveLength(1);
		expect(missingDocumentFindings(preview, '/documents/isms-p-404/', undefined)).toEqual([]);
		expect(missingDocumentFindings(preview, '/soa/', undefined)).toEqual([]);
	});

	it('tells the terminal a changed file’s findings (or that it has none), new ones elsewhere, and those fixed elsewhere', () => {
		const before = [problem(P2, 9, 'ref/unknown-clause'), problem(M1, 2, 'mdx/syntax')];
		const after = [problem(M1, 3, 'mdx/syntax'), problem(`${DOCS}/ISMS-P-005/1.0.mdx`, 7, 'ref/unknown-clause')];
		const report = findingsReport(before, after, new Set([M1, `${DOCS}/ISMS-P-003/1.0.mdx`]));
		expect(report.found.map((p) => `${p.file}:${p.line}`)).toEqual([`${M1}:3`, `${DOCS}/ISMS-P-005/1.0.mdx:7`]);
		expect(report.clean).toEqual([`${DOCS}/ISMS-P-003/1.0.mdx`]);
		// The changed file's old finding is not reported as fixed (its line moved); the other file's is.
		expect(report.fixed).toEqual([`${P2}:9:1  error  ref/unknown-clause  ref/unknown-clause 的訊息`]);
		// A finding elsewhere that was already there is not repeated.
		expect(findingsReport(after, after, new Set()).found).toEqual([]);
	});

	it('finds the attachment file an address asks for, among the versions with a page that is not blocked', () => {
		const documents = [
			{
				versions: [{ id: 'ISMS-P-002/1.0', docNo: 'ISMS-P-002', version: '1.0', file: P2, attachments: ['./assets/1.0/資訊資產清冊.odt'] }],
			},
			{ versions: [{ id: 'ISMS-M-001/1.0', docNo: 'ISMS-M-001', version: '1.0', file: M1, attachments: ['./assets/1.0/a.pdf'] }] },
		];
		expect(attachmentAt(documents, preview, undefined, `/documents/isms-p-002/v1.0/${encodeURIComponent('資訊資產清冊.odt')}`)).toBe(
			`${DOCS}/ISMS-P-002/assets/1.0/資訊資產清冊.odt`,
		);
		expect(
			attachmentAt(documents, preview, '/portal/', `/portal/documents/isms-p-002/v1.0/${encodeURIComponent('資訊資產清冊.odt')}`),
		).toBe(`${DOCS}/ISMS-P-002/assets/1.0/資訊資產清冊.odt`);
		// ISMS-M-001 1.0 is blocked (its body has an error).
		expect(attachmentAt(documents, preview, undefined, '/documents/isms-m-001/v1.0/a.pdf')).toBeUndefined();
		expect(attachmentAt(documents, preview, undefined, '/documents/isms-p-002/v1.0/other.odt')).toBeUndefined();
	});
});
