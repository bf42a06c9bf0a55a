import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/node/analyze.ts';
import { portalConfigSchema } from '../../src/schemas/config.ts';
import {
	buildSettings as settings,
	DOCS,
	makeProjectTree as makeTree,
	mdx,
	PROJECT_ROOT,
	removeTempDirs,
	versionFields,
	versionFile,
} from '../unit/_helpers.ts';

afterEach(removeTempDirs);

const M001 = `${DOCS}/ISMS-M-001/1.0.mdx`;
/** ISMS-P-007 (published), ISMS-R-001 (restricted: above the build's ceiling) and ISMS-M-001, whose clause 1.1 (line 12, from column 7) says `text`. */
function problemsOf(text: string) {
	const root = makeTree({
		[`${DOCS}/ISMS-P-007/1.0.mdx`]: versionFile('ISMS-P-007', '1.0', { title: '資訊資產管理程序書' }),
		[`${DOCS}/ISMS-R-001/1.0.mdx`]: versionFile('ISMS-R-001', '1.0', { title: '機房門禁紀錄', classification: 'restricted' }),
		[M001]: mdx(versionFields('ISMS-M-001', '1.0', { title: '資訊安全管理政策', tier: '1' }), `## 1. 目的\n\n- 1.1 ${text}\n`),
	});
	return analyzeCorpus(root, portalConfigSchema.parse({ organization: 'x', siteTitle: 'y' }), settings()).problems;
}
const brief = (text: string) => problemsOf(text).map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`);

describe('near-miss document numbers in a body', () => {
	it('each is found at its line and column: a wrong form is an error, a number one off a warning', () => {
		const lines = brief('依 ISMS-P-07、ISMS-p-007、ISMS–P-007、ISMS P-007、ＩＳＭＳ－Ｐ－００７ 及 ISMS-P-0077 辦理。');
		expect(lines.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
			'12:9 warning ref/near-miss-document-number',
			'12:19 error ref/malformed-document-number',
			'12:30 error ref/malformed-document-number',
			'12:41 error ref/malformed-document-number',
			'12:52 error ref/malformed-document-number',
			'12:65 warning ref/near-miss-document-number',
		]);
		expect(lines[0]).toBe(
			'12:9 warning ref/near-miss-document-number 「ISMS-P-07」不是現有的文件編號（格式：ISMS-<大寫英文字母>-<3 位數字>，例如 ISMS-P-005）；是否指 ISMS-P-007〈資訊資產管理程序書〉？若是，請改寫為正確的文件編號',
		);
		expect(lines[2]).toBe(
			'12:30 error ref/malformed-document-number 「ISMS–P-007」不是正確的文件編號寫法（破折號或減號（應為半形連字號「-」）），不會連結也不會檢查；應寫作 ISMS-P-007。是否指 ISMS-P-007〈資訊資產管理程序書〉？',
		);
	});

	it('names a document above the ceiling by its number only, never its title', () => {
		const lines = brief('依 ISMS–R-001 及 ISMS-R-01 辦理。');
		expect(lines).toEqual([
			'12:9 error ref/malformed-document-number 「ISMS–R-001」不是正確的文件編號寫法（破折號或減號（應為半形連字號「-」）），不會連結也不會檢查；應寫作 ISMS-R-001。是否指 ISMS-R-001？',
			'12:22 warning ref/near-miss-document-number 「ISMS-R-01」不是現有的文件編號（格式：ISMS-<大寫英文字母>-<3 位數字>，例如 ISMS-P-005）；是否指 ISMS-R-001？若是，請改寫為正確的文件編號',
		]);
		expect(lines.join('\n')).not.toContain('機房門禁紀錄');
	});

	it('leaves correct numbers and other text alone', () => {
		expect(
			problemsOf(
				'依 ISMS-P-007 資訊資產管理程序書、表單 ISMS-P-007-01、CNS 27001、ISO/IEC 27001:2022、A.5.1、2024-10-18、ISMS 2024 年度，見 `ISMS–P-007` 與 [ISMS–P-007](/documents/isms-p-007/)。',
			),
		).toEqual([]);
	});
});

describe('no new findings on legitimate documents', () => {
	const NEW_RULES = new Set([
		'ref/malformed-document-number',
		'ref/near-miss-document-number',
		'ref/ambiguous-clause',
		'ref/unknown-control',
		'ref/unknown-document',
	]);
	it.each([
		'content/documents',
		'test/fixtures/outline',
		'test/fixtures/corpus-basic',
		'test/fixtures/corpus-ceiling',
		'test/fixtures/corpus-ceiling-notice',
		'test/fixtures/corpus-payloads',
		'test/fixtures/corpus-attachments',
	])('%s', (documentsDir) => {
		const problems = analyzeCorpus(
			PROJECT_ROOT,
			portalConfigSchema.parse({ organization: 'x', siteTitle: 'y' }),
			settings({ documentsDir }),
		).problems;
		expect(problems.filter((p) => NEW_RULES.has(p.rule))).toEqual([]);
	});
});
