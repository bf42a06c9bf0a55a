import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { CONTROL_ID_PATTERN, DEFAULT_DOCNO_PATTERN, fieldExpectations } from '../../../src/lib/documents/fields.ts';
import { validateFrontmatter, type FieldIssue } from '../../../src/schemas/frontmatter.ts';

/** The frontmatter of content/documents/ISMS-M-001/1.0.mdx (the seed policy), as parsed from YAML. */
const POLICY: Record<string, unknown> = {
	docNo: 'ISMS-M-001',
	title: '資訊安全管理政策',
	version: '1.0',
	tier: 1,
	classification: '公開',
	effective: '2020-10-16',
	issuedBy: '資通安全處理小組',
	approvedBy: '資通安全長',
	owner: '資通安全處理小組',
	reviewEveryMonths: 12,
	controls: ['A.5.1.1', 'A.5.1.2'],
	changes: '初版發行。',
};

const MINIMAL: Record<string, unknown> = {
	docNo: 'ISMS-P-005',
	title: '資訊安全目標管理程序書',
	version: '1.10',
	tier: 2,
	classification: 'internal',
	effective: '2023-03-01',
};

const REQUIRED = ['docNo', 'title', 'version', 'tier', 'classification', 'effective'] as const;

function issuesOf(data: Record<string, unknown>, options = {}): FieldIssue[] {
	const result = validateFrontmatter(data, options);
	if (result.ok) throw new Error(`expected validation to fail for ${JSON.stringify(data)}`);
	return result.issues;
}

function valueOf(data: Record<string, unknown>, options = {}) {
	const result = validateFrontmatter(data, options);
	if (!result.ok) throw new Error(`expected validation to pass: ${result.issues.map((i) => i.message).join('; ')}`);
	return result.value;
}

/** The one issue for `field`, asserting there is exactly one issue in all. */
function onlyIssue(data: Record<string, unknown>, options = {}): FieldIssue {
	const issues = issuesOf(data, options);
	expect(issues, issues.map((i) => i.message).join('\n')).toHaveLength(1);
	return issues[0]!;
}

describe('validateFrontmatter: valid frontmatter', () => {
	it('accepts the seed policy ISMS-M-001 1.0 and normalises it', () => {
		expect(valueOf(POLICY)).toEqual({
			docNo: 'ISMS-M-001',
			title: '資訊安全管理政策',
			version: '1.0',
			tier: 1,
			classification: 'public',
			effective: '2020-10-16',
			issuedBy: '資通安全處理小組',
			approvedBy: '資通安全長',
			owner: '資通安全處理小組',
			reviewEveryMonths: 12,
			controls: ['A.5.1.1', 'A.5.1.2'],
			changes: '初版發行。',
			attachments: [],
			example: false,
		});
	});

	it('accepts attachments inside the document folder and refuses others, each by its position', () => {
		const ok = validateFrontmatter({ ...MINIMAL, attachments: ['./assets/1.0/資訊資產清冊.odt', 'assets/1.0/清冊.PDF'] });
		expect(ok.ok && ok.value.attachments).toEqual(['./assets/1.0/資訊資產清冊.odt', 'assets/1.0/清冊.PDF']);
		for (const bad of ['../ISMS-P-001/a.pdf', '/files/a.pdf', 'https://example.com/a.pdf', './assets/1.0/a.exe', 'a.pdf?raw']) {
			const issue = onlyIssue({ ...MINIMAL, attachments: ['./a.pdf', bad] });
			expect(issue.path).toEqual(['attachments', 1]);
			expect(issue.message).toContain('attachments[1]（附件）');
		}
	});

	it('accepts the seed policy as written in YAML (content/documents/ISMS-M-001/1.0.mdx)', () => {
		const source = readFileSync(resolve(import.meta.dirname, '../../../content/documents/ISMS-M-001/1.0.mdx'), 'utf8');
		const split = splitFrontmatter(source);
		expect(split.data).toEqual(POLICY);
		expect(valueOf(split.data!).classification).toBe('public');
	});

	it('fills the defaults: reviewEveryMonths 12, controls [], example false, no status', () => {
		const value = valueOf(MINIMAL);
		expect(value.reviewEveryMonths).toBe(12);
		expect(value.controls).toEqual([]);
		expect(value.example).toBe(false);
		expect(value.status).toBeUndefined();
		expect(value.lastReviewed).toBeUndefined();
	});

	it('keeps every optional field when given', () => {
		const value = valueOf({
			...MINIMAL,
			status: 'withdrawn',
			reviewEveryMonths: 6,
			lastReviewed: '2024-03-01',
			example: true,
			controls: ['A.5.15', 'A.8.2'],
		});
		expect(value).toMatchObject({
			status: 'withdrawn',
			reviewEveryMonths: 6,
			lastReviewed: '2024-03-01',
			example: true,
			controls: ['A.5.15', 'A.8.2'],
		});
		expect(valueOf({ ...MINIMAL, status: 'draft' }).status).toBe('draft');
	});

	it.each([
		['公開', 'public'],
		['內部使用', 'internal'],
		['限閱', 'restricted'],
		['機密', 'confidential'],
		['public', 'public'],
		['confidential', 'confidential'],
	])('normalises classification %j to %j', (written, level) => {
		expect(valueOf({ ...MINIMAL, classification: written }).classification).toBe(level);
	});

	it.each([1, 2, 3, 4])('accepts tier %i', (tier) => {
		expect(valueOf({ ...MINIMAL, tier }).tier).toBe(tier);
	});

	it('accepts Date objects for effective and lastReviewed (YAML 1.1 parsers produce them)', () => {
		const data = parse('effective: 2020-10-16\nlastReviewed: 2024-02-29\n', { version: '1.1' }) as Record<string, unknown>;
		expect(data.effective).toBeInstanceOf(Date);
		const value = valueOf({ ...MINIMAL, ...data });
		expect(value.effective).toBe('2020-10-16');
		expect(value.lastReviewed).toBe('2024-02-29');
		expect(valueOf({ ...MINIMAL, effective: new Date(Date.UTC(2021, 0, 1)) }).effective).toBe('2021-01-01');
	});

	it('trims free-text fields', () => {
		const value = valueOf({ ...MINIMAL, title: '  資訊安全目標管理程序書 ', owner: ' 資訊室 ' });
		expect(value.title).toBe('資訊安全目標管理程序書');
		expect(value.owner).toBe('資訊室');
	});

	it('accepts reviewEveryMonths at the bounds 1 and 120', () => {
		expect(valueOf({ ...MINIMAL, reviewEveryMonths: 1 }).reviewEveryMonths).toBe(1);
		expect(valueOf({ ...MINIMAL, reviewEveryMonths: 120 }).reviewEveryMonths).toBe(120);
	});
});

describe('validateFrontmatter: missing fields', () => {
	it.each(REQUIRED)('reports a missing %s as one issue naming the field', (field) => {
		const data = { ...MINIMAL };
		delete data[field];
		const issue = onlyIssue(data);
		expect(issue.path).toEqual([field]);
		expect(issue.kind).toBe('missing-field');
		expect(issue.message).toContain(field);
		expect(issue.message).toContain(fieldExpectations()[field]!.label);
		expect(issue.message).toContain('缺少');
	});

	it('reports every missing field of an empty frontmatter, in documented order', () => {
		expect(issuesOf({}).map((issue) => issue.path)).toEqual(REQUIRED.map((field) => [field]));
	});
});

describe('validateFrontmatter: invalid values', () => {
	it('explains a bad classification with the field, the value and the allowed values', () => {
		const issue = onlyIssue({ ...MINIMAL, classification: 'secret' });
		expect(issue.path).toEqual(['classification']);
		expect(issue.target).toBe('value');
		expect(issue.message).toContain('classification');
		expect(issue.message).toContain('secret');
		for (const allowed of ['public', 'internal', 'restricted', 'confidential', '公開', '內部使用', '限閱', '機密']) {
			expect(issue.message).toContain(allowed);
		}
	});

	// BUG (src/lib/documents/classification.ts:28, reached through schema.ts classification refine): prototype
	// member names pass as a classification and come out as a function.
	it('rejects classification: constructor', () => {
		const issue = onlyIssue({ ...MINIMAL, classification: 'constructor' });
		expect(issue.path).toEqual(['classification']);
	});

	it('explains that an unquoted version number was read as a number', () => {
		const data = splitFrontmatter('---\nversion: 1.10\n---\n').data!;
		expect(data.version).toBe(1.1);
		const issue = onlyIssue({ ...MINIMAL, version: data.version });
		expect(issue.path).toEqual(['version']);
		expect(issue.message).toContain('version');
		expect(issue.message).toContain('1.1');
		expect(issue.message).toContain('引號');
		expect(issue.message).toContain('version: "1.10"');
	});

	it.each(['1', '1.0.0', 'v1.0', '01.0', ''])('rejects version %j without the quoting hint', (version) => {
		const issue = onlyIssue({ ...MINIMAL, version });
		expect(issue.path).toEqual(['version']);
		expect(issue.message).toContain('version');
		expect(issue.message).not.toContain('未加引號');
	});

	it.each(['ISMS-m-001', 'ISMS-M-01', 'ISMS-MM-001', 'ISMS-M-0001', 'ismS-M-001', ' ISMS-M-001', 'ISMS-M-001x'])(
		'rejects docNo %j under the default pattern',
		(docNo) => {
			const issue = onlyIssue({ ...MINIMAL, docNo });
			expect(issue.path).toEqual(['docNo']);
			expect(issue.message).toContain('docNo');
			expect(issue.message).toContain('ISMS-P-005');
		},
	);

	it('respects the docNoPattern option and explains it with docNoDescription', () => {
		const options = { docNoPattern: '^POL-\\d{2}$', docNoDescription: 'POL-<2 位數字>' };
		expect(valueOf({ ...MINIMAL, docNo: 'POL-07' }, options).docNo).toBe('POL-07');
		const issue = onlyIssue({ ...MINIMAL, docNo: 'ISMS-P-005' }, options);
		expect(issue.path).toEqual(['docNo']);
		expect(issue.message).toContain('ISMS-P-005');
		expect(issue.message).toContain('POL-<2 位數字>');
		// and the default pattern is not applied on top of it
		expect(new RegExp(DEFAULT_DOCNO_PATTERN).test('POL-07')).toBe(false);
	});

	it.each([0, 5, 1.5, -1])('rejects tier %j', (tier) => {
		const issue = onlyIssue({ ...MINIMAL, tier });
		expect(issue.path).toEqual(['tier']);
		expect(issue.message).toContain('tier');
		expect(issue.message).toContain(String(tier));
	});

	it('hints that a quoted tier should be a bare number', () => {
		const issue = onlyIssue({ ...MINIMAL, tier: '1' });
		expect(issue.path).toEqual(['tier']);
		expect(issue.message).toContain('不加引號');
	});

	it.each(['2020-02-30', '2021-02-29', '2020-13-01', '2020/10/16', '民國109年2月30日', '109/10/16', '09-10-16'])(
		'rejects effective %j',
		(effective) => {
			const issue = onlyIssue({ ...MINIMAL, effective });
			expect(issue.path).toEqual(['effective']);
			expect(issue.message).toContain('effective');
			expect(issue.message).toContain(effective);
			expect(issue.message).toContain('YYYY-MM-DD、民國113年10月18日');
		},
	);

	it.each([
		['民國109年10月16日', '2020-10-16'],
		['中華民國 113 年 10 月 18 日', '2024-10-18'],
		['113-10-18', '2024-10-18'],
		['113.10.18', '2024-10-18'],
		['099.12.10', '2010-12-10'],
	])('accepts the ROC date %j as %s, and lastReviewed alike', (written, iso) => {
		const result = validateFrontmatter({ ...MINIMAL, effective: written, lastReviewed: written });
		expect(result.ok && [result.value.effective, result.value.lastReviewed]).toEqual([iso, iso]);
	});

	it('accepts reviewedBy (審核) beside approvedBy (核准), and rejects it empty', () => {
		const result = validateFrontmatter({ ...MINIMAL, approvedBy: '資通安全長', reviewedBy: '資訊室主任' });
		expect(result.ok && [result.value.approvedBy, result.value.reviewedBy]).toEqual(['資通安全長', '資訊室主任']);
		expect(onlyIssue({ ...MINIMAL, reviewedBy: ' ' }).message).toContain('reviewedBy（審核）');
	});

	it('rejects an invalid Date object for effective', () => {
		expect(onlyIssue({ ...MINIMAL, effective: new Date(Number.NaN) }).path).toEqual(['effective']);
	});

	it('rejects a bad lastReviewed', () => {
		expect(onlyIssue({ ...MINIMAL, lastReviewed: '2024-02-30' }).path).toEqual(['lastReviewed']);
	});

	it.each([
		['title', ''],
		['title', '   '],
		['title', null],
		['title', 123],
		['owner', ''],
		['status', 'approved'],
		['status', 'Draft'],
		['reviewEveryMonths', 0],
		['reviewEveryMonths', 121],
		['reviewEveryMonths', 1.5],
		['reviewEveryMonths', '12'],
		['example', 'yes'],
		['changes', ''],
	])('rejects %s: %j with one issue naming the field', (field, value) => {
		const issue = onlyIssue({ ...MINIMAL, [field]: value });
		expect(issue.path).toEqual([field]);
		expect(issue.target).toBe('value');
		expect(issue.kind).toBe('invalid-value');
		expect(issue.message).toContain(field);
		expect(issue.message).not.toContain('缺少');
	});

	it('reports an invalid controls item at ["controls", index] with its value', () => {
		const issue = onlyIssue({ ...MINIMAL, controls: ['A.9.2.1', 'B.1', 'A.5.15'] });
		expect(issue.path).toEqual(['controls', 1]);
		expect(issue.target).toBe('value');
		expect(issue.message).toContain('controls[1]');
		expect(issue.message).toContain('B.1');
	});

	it('reports each invalid controls item separately', () => {
		const issues = issuesOf({ ...MINIMAL, controls: ['A.5', 'A.5.1.1', '9.2.1'] });
		expect(issues.map((issue) => issue.path)).toEqual([
			['controls', 0],
			['controls', 2],
		]);
	});

	it('reports controls that is not a list at ["controls"]', () => {
		expect(onlyIssue({ ...MINIMAL, controls: 'A.5.1.1' }).path).toEqual(['controls']);
	});
});

describe('validateFrontmatter: unknown fields', () => {
	it('reports a typo at the key and suggests the field meant', () => {
		const issue = onlyIssue({ ...MINIMAL, clasification: 'internal' });
		expect(issue.path).toEqual(['clasification']);
		expect(issue.target).toBe('key');
		expect(issue.message).toContain('clasification');
		expect(issue.message).toMatch(/是否要寫\s*classification/);
	});

	it.each([
		['reviewEveryMonth', 'reviewEveryMonths'],
		['effectve', 'effective'],
		['docno', 'docNo'],
		['Title', 'title'],
		['approveBy', 'approvedBy'],
	])('suggests %s → %s', (typo, field) => {
		const issue = onlyIssue({ ...MINIMAL, [typo]: 'x' });
		expect(issue.target).toBe('key');
		expect(issue.message).toContain(`是否要寫 ${field}`);
	});

	it('makes no suggestion for a field that resembles nothing', () => {
		const issue = onlyIssue({ ...MINIMAL, remarks: '備註' });
		expect(issue.path).toEqual(['remarks']);
		expect(issue.target).toBe('key');
		expect(issue.message).toContain('remarks');
		expect(issue.message).not.toContain('是否要寫');
	});

	it('lists the available fields', () => {
		const issue = onlyIssue({ ...MINIMAL, remarks: '備註' });
		for (const field of Object.keys(fieldExpectations())) expect(issue.message).toContain(field);
	});

	it('reports unknown fields together with invalid values', () => {
		const issues = issuesOf({ ...MINIMAL, tier: 9, foo: 1, bar: 2 });
		expect(issues.map((issue) => [issue.path, issue.target])).toEqual(
			expect.arrayContaining([
				[['tier'], 'value'],
				[['foo'], 'key'],
				[['bar'], 'key'],
			]),
		);
		expect(issues).toHaveLength(3);
	});
});

describe('CONTROL_ID_PATTERN', () => {
	it.each(['A.5.1.1', 'A.9.2.1', 'A.18.2.3', 'A.5.15', 'A.8.34', 'A.6.1'])('accepts %s', (id) => {
		expect(CONTROL_ID_PATTERN.test(id)).toBe(true);
	});

	it.each(['A.5', 'A.4.1', 'A.19.1', 'A.5.1.1.1', '5.1.1', 'a.5.1.1', 'A.5.1.', 'A.5.100'])('rejects %s', (id) => {
		expect(CONTROL_ID_PATTERN.test(id)).toBe(false);
	});
});
