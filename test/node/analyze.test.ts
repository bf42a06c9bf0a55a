import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/node/analyze.ts';
import { portalConfigSchema } from '../../src/schemas/config.ts';
import { buildSettings as settings, DOCS, makeProjectTree as makeTree, mdx, removeTempDirs, versionFields } from '../unit/_helpers.ts';

afterEach(removeTempDirs);

const analyse = (files: Record<string, string>) =>
	analyzeCorpus(makeTree(files), portalConfigSchema.parse({ organization: 'x', siteTitle: 'y' }), settings());
const brief = (analysis: ReturnType<typeof analyse>) => analysis.problems.map((p) => `${p.line}:${p.column} ${p.rule}`).sort();

/** A body with three findings of its own: an image that is not there, a script, a duplicated clause. */
const FAULTY_BODY = ['## 1. 目的', '', '![流程圖](./assets/1.0/figure-1.png)', '', '<script>alert(1)</script>', '', '## 1. 重複', ''].join(
	'\n',
);

describe('analyzeCorpus: every finding in one run', () => {
	it('an invalid controls entry in frontmatter does not hide the findings in the body', () => {
		const file = `${DOCS}/ISMS-P-005/1.0.mdx`;
		const valid = analyse({ [file]: mdx(versionFields('ISMS-P-005', '1.0', { controls: '[A.9.2.1]' }), FAULTY_BODY) });
		const bodyFindings = brief(valid);
		expect(bodyFindings.map((line) => line.split(' ')[1])).toEqual(
			expect.arrayContaining(['asset/missing', 'mdx/html', 'outline/duplicate-clause']),
		);

		const invalid = analyse({ [file]: mdx(versionFields('ISMS-P-005', '1.0', { controls: '[A.9.2.1, B.1]' }), FAULTY_BODY) });
		expect(invalid.problems.every((p) => p.file === file)).toBe(true);
		expect(brief(invalid)).toEqual([...bodyFindings, expect.stringMatching(/ frontmatter\/invalid-value$/)].sort());
	});

	it('a YAML syntax error (tier：2) does not hide them either', () => {
		const file = `${DOCS}/ISMS-P-005/1.0.mdx`;
		const source = mdx(versionFields('ISMS-P-005', '1.0'), FAULTY_BODY).replace(/^tier: (\d)$/m, 'tier：$1');
		const analysis = analyse({ [file]: source });
		const rules = analysis.problems.map((p) => p.rule);
		expect(rules).toContain('frontmatter/syntax');
		expect(rules).toEqual(expect.arrayContaining(['asset/missing', 'mdx/html', 'outline/duplicate-clause']));
	});
});
