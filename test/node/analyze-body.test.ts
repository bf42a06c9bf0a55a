import { describe, expect, it } from 'vitest';
import { computeCeiling } from '../../src/lib/ceiling/ceiling.ts';
import { createRedactor } from '../../src/lib/ceiling/redact.ts';
import { resolveDocuments } from '../../src/lib/documents/resolve.ts';
import type { Problem } from '../../src/lib/problems.ts';
import { analyseBody, checkBody, checkUncheckedBody } from '../../src/node/analyze-body.ts';
import { buildSettings, dv } from '../unit/_helpers.ts';

/** One body's analysis (src/node/analyze-body.ts): what depends only on its file and the analysis's context. */
const FILE = 'content/documents/ISMS-P-005/1.0.mdx';
const brief = (problems: Problem[]) => problems.map((p) => `${p.line}:${p.column} ${p.rule}`);

describe('checkBody', () => {
	it('stops at the first stage that fails: limits, then MDX syntax', () => {
		const problems: Problem[] = [];
		expect(checkBody(FILE, '## 1. 目的\n\n{1 +\n', 10, problems)).toBeUndefined();
		expect(brief(problems)).toEqual([expect.stringMatching(/^\d+:\d+ mdx\/syntax$/)]);
		expect(problems[0]!.line).toBeGreaterThanOrEqual(12);
	});

	it('gives the tree with what a document may not do', () => {
		const problems: Problem[] = [];
		expect(checkBody(FILE, '## 1. 目的\n\n<script>alert(1)</script>\n', 10, problems)).toBeDefined();
		expect(brief(problems)).toEqual(['12:1 mdx/html']);
	});
});

describe('checkUncheckedBody (a version whose frontmatter is invalid)', () => {
	it('checks the body and its outline, and names the images it shows', () => {
		const problems: Problem[] = [];
		const assets = checkUncheckedBody(FILE, '## 1. 目的\n\n![流程](./assets/1.0/flow.png)\n\n## 1. 重複\n', 10, problems);
		expect(assets).toEqual([{ url: './assets/1.0/flow.png', line: 12, column: 1 }]);
		expect(brief(problems)).toEqual([expect.stringMatching(/ outline\/duplicate-clause$/)]);
	});
});

describe('analyseBody', () => {
	const version = dv('ISMS-P-005', '1.0', '2025-01-01', { file: FILE, body: '## 1. 目的\n\n- 1.1 依 ISMS-M-001 辦理。\n', bodyLine: 10 });
	const settings = buildSettings();
	const ceiling = computeCeiling([version], resolveDocuments([version], settings).documents, settings.ceiling, []);
	const redactor = createRedactor(ceiling, { docNoPattern: '^ISMS-[A-Z]-\\d{3}$', titleOf: () => undefined });
	const nearMiss = { docNoPattern: '^ISMS-[A-Z]-\\d{3}$', known: ['ISMS-P-005'] };

	it('gives the outline and references, and keeps the tree only when asked', () => {
		const kept = analyseBody(version, redactor, ceiling, nearMiss, true);
		expect(kept.problems).toEqual([]);
		expect(kept.analysed!.outline.clauses.map((clause) => clause.anchor)).toEqual(['sec-1', 'sec-1-1']);
		expect(kept.analysed!.sites.length).toBeGreaterThan(0);
		expect(kept.tree?.type).toBe('root');
		expect(analyseBody(version, redactor, ceiling, nearMiss, false).tree).toBeUndefined();
	});

	it('has no analysis for a body that does not parse', () => {
		const broken = { ...version, body: '{1 +\n' };
		const result = analyseBody(broken, redactor, ceiling, nearMiss, true);
		expect(result.analysed).toBeUndefined();
		expect(brief(result.problems)).toEqual([expect.stringMatching(/ mdx\/syntax$/)]);
	});
});
