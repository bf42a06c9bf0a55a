import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/node/corpus.ts';
import type { DocumentVersion } from '../../../src/lib/documents/document-version.ts';
import { diffVersions } from '../../../src/lib/diff/diff.ts';
import { bodyFaults } from '../../../src/lib/body/mdx-rules.ts';
import { findClauseReferences } from '../../../src/lib/outline/clause-references.ts';
import { resolveClauseReference } from '../../../src/lib/outline/clause-resolution.ts';
import { buildOutline } from '../../../src/lib/outline/outline.ts';
import { findReferences } from '../../../src/lib/references/references.ts';
import { PROJECT_ROOT } from '../_helpers.ts';
import { remark, satteri } from './_trees.ts';

/**
 * Real public Taiwanese government documents in the official numbering (test/fixtures/outline-sources.md):
 * 花蓮縣政府資訊安全政策與管理作業要點 (壹/一/(一), two parts) and 臺中市政府社會局使用戶役政資訊連結作業管理要點
 * (一/(一)/1、).
 */
const corpus = loadCorpus({ root: PROJECT_ROOT, documentsDir: 'test/fixtures/outline' });
const version = (docNo: string, v: string): DocumentVersion => corpus.versions.find((x) => x.docNo === docNo && x.version === v)!;
const outlineOf = (v: DocumentVersion) => buildOutline(satteri(v.body, v.bodyLine - 1));

/** Lines of a body that start with an official-scheme number: read without the portal's code. */
const NUMBERED_LINE = /^(?:[壹貳參肆伍陸柒捌玖拾]+、|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+、)/u;

describe('the fixtures are portal documents', () => {
	it('with valid frontmatter and layout', () => {
		expect(corpus.problems).toEqual([]);
		expect(corpus.versions.map((v) => v.id)).toEqual(['ISMS-M-901/1.0', 'ISMS-M-901/1.1', 'ISMS-S-901/1.0']);
	});

	it('that render (no MDX expression or unimported component)', () => {
		for (const v of corpus.versions) expect(bodyFaults(satteri(v.body) as Parameters<typeof bodyFaults>[0])).toEqual([]);
	});
});

describe.each(corpus.versions.map((v) => [v.id, v] as const))('%s', (_id, v) => {
	const outline = outlineOf(v);

	it('has an anchor on every numbered clause, at the line it is written on, and no numbering problem', () => {
		const lines = v.body.split('\n').flatMap((text, i) => (NUMBERED_LINE.test(text) ? [v.bodyLine + i] : []));
		expect(outline.clauses.map((c) => c.line)).toEqual(lines);
		expect(new Set(outline.clauses.map((c) => c.anchor)).size).toBe(lines.length);
		expect(outline.problems).toEqual([]);
	});

	it('is read the same, at the same lines and columns, from the tree the page is rendered from', () => {
		// Astro's MDX integration blanks the frontmatter with spaces (`empty-with-spaces`) before remark parses
		// the file, so the page's positions are the file's, as the checker's are with parseBody's line offset.
		const file = readFileSync(resolve(PROJECT_ROOT, v.file), 'utf8');
		const blanked = file.replace(/^---\n[\s\S]*?\n---/u, (frontmatter) => frontmatter.replace(/[^\n]/gu, ' '));
		expect(buildOutline(remark(blanked))).toEqual(outline);
	});
});

describe('花蓮縣政府資訊安全政策與管理作業要點 (ISMS-M-901 1.0)', () => {
	const outline = outlineOf(version('ISMS-M-901', '1.0'));
	const byAnchor = (anchor: string) => outline.clauses.find((c) => c.anchor === anchor);

	it('nests 壹/一/(一) into paths', () => {
		expect(outline.clauses.map((c) => c.label)).toEqual([
			'壹、',
			'貳、',
			'參、',
			'肆、',
			'肆、一、',
			'肆、二、',
			'肆、三、',
			'肆、四、',
			'肆、五、',
			'伍、',
			'伍、一、',
			'伍、二、',
			'伍、二、（一）',
			'伍、二、（二）',
			'伍、二、（三）',
			'伍、二、（四）',
			'（第 2 部分）壹、',
		]);
		expect(byAnchor('sec-伍-二-（三）')?.text).toBe('(三)資訊機密維護及稽核使用管理事項,由政風處會同相關單位負責辦理。');
	});

	it('gives the second part (資訊安全管理), numbered again from 壹、, its own anchors', () => {
		expect(byAnchor('sec-第2部分-壹')?.text).toBe('壹、人員安全管理:');
	});

	it('resolves references in both forms, and says why a broken one is broken', () => {
		const resolve = (text: string) => {
			const documentEnds = findReferences(text, { docNoPattern: '^ISMS-[A-Z]-\\d{3}$', titleOf: () => undefined }).map((r) => ({
				end: r.index + r.length,
				docNo: r.kind === 'document' ? r.docNo : '',
			}));
			const [ref] = findClauseReferences(text, { documentEnds });
			const resolution = resolveClauseReference(ref!, outline);
			return resolution.status === 'found' ? resolution.clause.anchor : resolution.message;
		};
		expect(resolve('依 ISMS-M-901 伍、二、(三)辦理')).toBe('sec-伍-二-（三）');
		expect(resolve('依本要點伍、二、')).toBe('sec-伍-二');
		expect(resolve('依本要點伍、二、(五)')).toBe('沒有「伍、二、（五）」；「伍、二、」之下只有「（一）」至「（四）」');
		// 一、 is numbered again under 肆 and 伍: 第二點 does not say which (nor whether 貳、 is meant).
		expect(resolve('依第二點')).toBe(
			'「第二點」有 3 處：「肆、二、」、「伍、二、」、「貳、」；頁面不會加連結，請寫出完整的條次（例如「肆、二、」）',
		);
	});
});

describe('臺中市政府社會局使用戶役政資訊連結作業管理要點 (ISMS-S-901 1.0)', () => {
	const outline = outlineOf(version('ISMS-S-901', '1.0'));

	it('nests 一/(一)/1、 into paths', () => {
		expect(outline.clauses.filter((c) => c.path[0]!.scheme === 'han' && c.path[0]!.number === 4).map((c) => c.anchor)).toEqual([
			'sec-四',
			'sec-四-（一）',
			'sec-四-（一）-1',
			'sec-四-（一）-2',
			'sec-四-（一）-3',
			'sec-四-（一）-4',
			'sec-四-（一）-5',
			'sec-四-（二）',
			'sec-四-（二）-1',
			'sec-四-（二）-2',
			'sec-四-（三）',
			'sec-四-（三）-1',
			'sec-四-（三）-2',
			'sec-四-（三）-3',
		]);
	});

	it('resolves 第四點第二款第2目 (點/款/目) to its clause', () => {
		const resolve = (text: string) => {
			const resolution = resolveClauseReference(findClauseReferences(text)[0]!, outline);
			return resolution.status === 'found' ? `${resolution.clause.anchor} ${resolution.clause.text}` : resolution.message;
		};
		expect(resolve('依本要點第四點第二款第2目')).toBe(
			'sec-四-（二）-2 2、單位使用人員:依業務需要,填寫相關申請表,簽會綜合企劃科後,函請臺中市政府民政局審查同意後始得使用。',
		);
		expect(resolve('依第4點第1款')).toBe('sec-四-（一） (一)戶役政資料管理');
		expect(resolve('依第四點第二款第3目')).toBe('沒有「第四點第二款第3目」；第四點第二款只有第1目、第2目');
		expect(resolve('依第五點')).toBe('沒有「第五點」；本文件的點次為第一點至第四點');
	});
});

describe('the diff of the edited version names the changed clauses', () => {
	it('1.0 → 1.1 of ISMS-M-901', () => {
		const before = outlineOf(version('ISMS-M-901', '1.0')).blocks;
		const after = outlineOf(version('ISMS-M-901', '1.1')).blocks;
		const diff = diffVersions(before, after);
		const where = diff.rows.flatMap((row) => {
			if (row.kind === 'same') return [];
			const block = row.kind === 'changed' ? after.find((b) => b === row.after)! : before.concat(after).find((b) => b === row.block)!;
			return [[row.kind, block.clause ?? `（在 ${block.within!.label}）`]];
		});
		expect(where).toEqual([
			['changed', '（在 貳、）'],
			['changed', '肆、三、'],
			['added', '肆、六、'],
			['changed', '伍、二、（三）'],
		]);
	});
});
