/** The findings of test/fixtures/corpus-body-findings, shared by test/cli and test/build (not a test file). */
export const DIR = 'test/fixtures/corpus-body-findings';
export const M001 = `${DIR}/ISMS-M-001/1.0.mdx`;

/** Every finding of the fixture (its frontmatter comment lists them), where it is written. */
export const BODY_FINDINGS = [
	[M001, '15:1', 'error', 'mdx/esm'],
	[M001, '19:9', 'warning', 'ref/near-miss-document-number'],
	[M001, '20:9', 'error', 'ref/malformed-document-number'],
	[M001, '21:9', 'error', 'ref/malformed-document-number'],
	[M001, '22:9', 'error', 'ref/malformed-document-number'],
	[M001, '23:8', 'error', 'ref/malformed-document-number'],
	[M001, '24:9', 'warning', 'ref/near-miss-document-number'],
	[M001, '25:14', 'error', 'ref/unknown-control'],
	[M001, '26:9', 'error', 'ref/unknown-document'],
	[M001, '27:20', 'warning', 'ref/ambiguous-clause'],
	[M001, '28:21', 'warning', 'ref/ambiguous-clause'],
	[M001, '30:1', 'error', 'mdx/component'],
	[M001, '32:1', 'error', 'asset/missing'],
	[`${DIR}/ISMS-P-002/1.0.mdx`, undefined, 'error', 'frontmatter/syntax'],
] as const;
