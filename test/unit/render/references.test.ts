import { describe, it, expect } from 'vitest';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkReferences, type RemarkReferencesOptions } from '../../../src/lib/render/references.ts';
import { computeCeiling } from '../../../src/lib/ceiling/ceiling.ts';
import { buildOutline } from '../../../src/lib/outline/outline.ts';
import { createRedactor } from '../../../src/lib/ceiling/redact.ts';
import { resolveDocuments } from '../../../src/lib/documents/resolve.ts';
import { dv } from '../../unit/_helpers.ts';

const TITLES: Record<string, string> = {
	'ISMS-P-005': '資訊安全目標管理程序書',
	'ISMS-M-001': '資訊安全管理政策',
	'ISMS-R-001': '機房門禁紀錄',
};
const DOC_FILE = 'content/documents/ISMS-M-001/1.0.mdx';

/** ISMS-R-001 is restricted: above the all-staff ceiling. */
const versions = Object.entries(TITLES).map(([docNo, title]) =>
	dv(docNo, '1.0', '2020-01-01', { title, classification: docNo === 'ISMS-R-001' ? 'restricted' : 'internal' }),
);
const ceiling = computeCeiling(versions, resolveDocuments(versions, { today: '2025-01-15', includeDrafts: false }).documents, 'internal');
const redactor = createRedactor(ceiling, { docNoPattern: '^ISMS-[A-Z]-\\d{3}$', titleOf: (docNo) => TITLES[docNo] });

const options = (linkControls = true): RemarkReferencesOptions => ({
	docNoOf: (path) => (path?.startsWith('content/documents/') ? path.split('/')[2] : undefined),
	redactor,
	targets: { published: new Set(['ISMS-P-005', 'ISMS-M-001']), linkControls },
});

/** `path` null renders a file without a path. */
const render = (markdown: string, path: string | null = DOC_FILE, opts = options()) =>
	String(
		unified()
			.use(remarkParse)
			.use(remarkReferences, opts)
			.use(remarkRehype)
			.use(rehypeStringify)
			.processSync(path === null ? markdown : { value: markdown, path }),
	);

describe('remarkReferences', () => {
	it('links a document reference to its permalink', () => {
		expect(render('依 ISMS-P-005 辦理。')).toBe(
			'<p>依 <a href="/documents/isms-p-005/" class="ref ref--document">ISMS-P-005</a> 辦理。</p>',
		);
	});

	it('links the number and the cited title together', () => {
		expect(render('依 ISMS-P-005 資訊安全目標管理程序書辦理。')).toBe(
			'<p>依 <a href="/documents/isms-p-005/" class="ref ref--document">ISMS-P-005 資訊安全目標管理程序書</a>辦理。</p>',
		);
	});

	it('keeps the 「」 outside the link', () => {
		expect(render('依「ISMS-P-005 資訊安全目標管理程序書」第 4.2 節辦理。')).toBe(
			'<p>依「<a href="/documents/isms-p-005/" class="ref ref--document">ISMS-P-005 資訊安全目標管理程序書</a>」' +
				'<a href="/documents/isms-p-005/#sec-4-2" class="ref ref--clause">第 4.2 節</a>辦理。</p>',
		);
	});

	it('links a clause of the citing document to its anchor, and a control to its SoA row', () => {
		expect(render('見第 1.1 節及 A.9.2.1。')).toBe(
			'<p>見<a href="#sec-1-1" class="ref ref--clause">第 1.1 節</a>及 <a href="/soa/#control-a-9-2-1" class="ref ref--control">A.9.2.1</a>。</p>',
		);
	});

	it('links a control of the other catalogue to the SoA row covering it, saying which beside it (not indexed for search)', () => {
		const opts = options();
		opts.targets = {
			...opts.targets,
			controlLink: (id) =>
				id === 'A.9.4.3'
					? { href: '/soa/#control-a-5-17', note: '→ A.5.17', title: 'A.9.4.3 依對照表屬 2022 版 A.5.17' }
					: { href: `/soa/#${id}` },
		};
		expect(render('依 A.9.4.3 辦理。', DOC_FILE, opts)).toBe(
			'<p>依 <a href="/soa/#control-a-5-17" class="ref ref--control" title="A.9.4.3 依對照表屬 2022 版 A.5.17">A.9.4.3</a><span class="ref-crosswalk" data-pagefind-ignore="">→ A.5.17</span> 辦理。</p>',
		);
	});

	it('leaves controls as text when controls are not linked', () => {
		expect(render('見 A.9.2.1。', DOC_FILE, options(false))).toBe('<p>見 A.9.2.1。</p>');
	});

	it('links references inside emphasis', () => {
		expect(render('**ISMS-P-005** 規定')).toBe(
			'<p><strong><a href="/documents/isms-p-005/" class="ref ref--document">ISMS-P-005</a></strong> 規定</p>',
		);
	});

	it('leaves unknown documents and their clauses as text', () => {
		expect(render('ISMS-P-999 第 1.1 節')).toBe('<p>ISMS-P-999 第 1.1 節</p>');
	});

	it('renders a hidden document as its bare number, removing the cited title, leaving its clause unlinked', () => {
		expect(render('ISMS-R-001 機房門禁紀錄、「ISMS-R-001 機房門禁紀錄」及 ISMS-R-001 第 2.1 節')).toBe(
			'<p>ISMS-R-001、「ISMS-R-001」及 ISMS-R-001 第 2.1 節</p>',
		);
	});

	it('unwraps a Markdown link to a hidden document into its bare number', () => {
		expect(render('見 [機房門禁紀錄](/documents/isms-r-001/v1.0/#sec-1) 與 [程序書](/documents/isms-p-005/)。')).toBe(
			'<p>見 ISMS-R-001 與 <a href="/documents/isms-p-005/">程序書</a>。</p>',
		);
	});

	it('leaves existing links alone, even when their text is a reference', () => {
		expect(render('[ISMS-P-005](https://example.com/) 與 [ISMS-M-001 資訊安全管理政策](/documents/isms-m-001/)')).toBe(
			'<p><a href="https://example.com/">ISMS-P-005</a> 與 <a href="/documents/isms-m-001/">ISMS-M-001 資訊安全管理政策</a></p>',
		);
	});

	it('links nothing inside inline code or code blocks', () => {
		expect(render('`ISMS-P-005` 與 `ISMS-R-001 機房門禁紀錄`\n\n```\nISMS-P-005 第 1.1 節\n```\n')).toBe(
			'<p><code>ISMS-P-005</code> 與 <code>ISMS-R-001 機房門禁紀錄</code></p>\n<pre><code>ISMS-P-005 第 1.1 節\n</code></pre>',
		);
	});

	it('leaves files outside the documents untouched', () => {
		const markdown = 'ISMS-P-005、ISMS-R-001 機房門禁紀錄、A.9.2.1 與 [紀錄](/documents/isms-r-001/)';
		const untouched = '<p>ISMS-P-005、ISMS-R-001 機房門禁紀錄、A.9.2.1 與 <a href="/documents/isms-r-001/">紀錄</a></p>';
		expect(render(markdown, 'src/content/docs/help.md')).toBe(untouched);
		expect(render(markdown, null)).toBe(untouched);
	});

	it('asks docNoOf about the file being rendered', () => {
		const seen: (string | undefined)[] = [];
		const opts = options();
		render('ISMS-P-005', 'content/documents/ISMS-P-005/1.0.mdx', { ...opts, docNoOf: (path) => (seen.push(path), opts.docNoOf(path)) });
		expect(seen).toEqual(['content/documents/ISMS-P-005/1.0.mdx']);
		// the citing document decides what a bare clause means
		expect(render('第 1.1 節', 'content/documents/ISMS-R-001/1.0.mdx')).toBe('<p>第 1.1 節</p>');
	});
});

describe('remarkReferences: official-scheme clause references, resolved in the outline', () => {
	/** ISMS-P-005 numbered 壹、 › 一、 › （一）（二）; the citing ISMS-M-001 numbered 一、 › （一）. */
	const cited = buildOutline(unified().use(remarkParse).parse('壹、總則\n\n一、目的。\n\n（一）範圍。\n\n（二）對象。\n') as never);
	const body = '一、總則。\n\n（一）依 ISMS-P-005 壹、一、（二）及本要點第一點第一款辦理；ISMS-P-005 壹、一、（九）不存在。\n';
	const own = buildOutline(unified().use(remarkParse).parse(body) as never);
	// Non-ASCII hrefs are written percent-encoded (browsers match the decoded id).
	const linked = (markdown: string) =>
		decodeURIComponent(
			render(markdown, DOC_FILE, {
				...options(),
				outlineOf: () => own,
				documentOutline: (docNo) => (docNo === 'ISMS-P-005' ? cited : undefined),
			}),
		);

	it('links a path after a document number to that document’s clause, and 本要點第一點第一款 to the own clause', () => {
		const html = linked(body);
		expect(html).toContain(
			'<a href="/documents/isms-p-005/" class="ref ref--document">ISMS-P-005</a> <a href="/documents/isms-p-005/#sec-壹-一-（二）" class="ref ref--outline-clause">壹、一、（二）</a>',
		);
		expect(html).toContain('<a href="#sec-一-（一）" class="ref ref--outline-clause">本要點第一點第一款</a>');
	});

	it('leaves a clause the outline does not have as text (the checker reports it), and the clause’s own number unlinked', () => {
		const html = linked(body);
		expect(html).toContain('壹、一、（九）不存在');
		expect(html).not.toContain('#sec-壹-一-（九）');
		expect(html).toMatch(/<p>（一）依 /u);
	});
});

describe('remarkReferences: hand-written clause links', () => {
	it('point at the canonical anchor the page has (half-width parentheses, 叁)', () => {
		const html = decodeURIComponent(
			render('[條文](/documents/isms-p-005/#sec-叁-一-(二)) 與 [本條](#sec-壹-一) 與 [6.4](/documents/isms-p-005/#sec-6-4)。'),
		);
		expect(html).toContain('href="/documents/isms-p-005/#sec-參-一-（二）"');
		expect(html).toContain('href="#sec-壹-一"');
		expect(html).toContain('href="/documents/isms-p-005/#sec-6-4"');
	});
});
