import { describe, expect, it } from 'vitest';
import { runSearch } from '../../../src/lib/search/run.ts';
import { synonymIndex } from '../../../src/lib/search/synonyms.ts';
import { doc, fakePagefind } from './fake-pagefind.ts';

const urls = (outcome: { hits: { pageUrl: string }[] }) => outcome.hits.map((h) => h.pageUrl);

describe('runSearch: rank, do not filter', () => {
	it('puts pages with the query as written first, then pages with all its terms, then pages with some', async () => {
		const pagefind = fakePagefind([
			doc('ISMS-P-004', '1.0', '現行版', '審查結果。'),
			doc('ISMS-P-003', '1.0', '現行版', '管理階層之審查結果。'),
			doc('ISMS-P-006', '1.0', '現行版', '本程序規範管理審查之輸入。'),
		]);
		const outcome = await runSearch(pagefind, '管理審查');
		expect(urls(outcome)).toEqual(['/documents/isms-p-006/', '/documents/isms-p-003/', '/documents/isms-p-004/']);
		expect(outcome.hits.map((h) => h.complete)).toEqual([true, true, false]);
		expect(pagefind.queries).toEqual(expect.arrayContaining(['"管理審查"', '管理審查', '"管理"', '管理', '"審查"', '審查']));
	});

	it('finds 通行碼之長度 for 「通行碼長度」: the particle need not be there', async () => {
		const pagefind = fakePagefind([
			doc('ISMS-S-001', '1.0', '現行版', '各類帳號通行碼之長度、複雜度'),
			doc('ISMS-P-014', '1.0', '現行版', '通行碼應保密。'),
		]);
		expect(urls(await runSearch(pagefind, '通行碼長度'))).toEqual(['/documents/isms-s-001/', '/documents/isms-p-014/']);
	});

	it('does not need the question words of a question to match (隨身碟可以用嗎)', async () => {
		const pagefind = fakePagefind([doc('ISMS-P-010', '1.0', '現行版', '隨身碟應經登記。')]);
		const outcome = await runSearch(pagefind, '隨身碟可以用嗎');
		expect(outcome.plan.groups.map((g) => g.text)).toEqual(['隨身碟']);
		expect(urls(outcome)).toEqual(['/documents/isms-p-010/']);
	});

	it('returns nothing only when nothing is related', async () => {
		const pagefind = fakePagefind([doc('ISMS-P-010', '1.0', '現行版', '隨身碟應經登記。')]);
		expect((await runSearch(pagefind, '颱風假')).hits).toEqual([]);
	});

	it('does not lose a page that the phrase search misses (the index cut the words differently)', async () => {
		const pagefind = fakePagefind([doc('ISMS-P-007', '1.0', '現行版', '處理不符合事項。', { phrase: false })]);
		expect(urls(await runSearch(pagefind, '不符合事項'))).toEqual(['/documents/isms-p-007/']);
	});

	it('finds the document words of a synonym, below pages with the word as typed', async () => {
		const pagefind = fakePagefind([
			doc('ISMS-S-001', '1.0', '現行版', '通行碼最短 12 字元。'),
			doc('ISMS-P-015', '1.0', '現行版', '密碼學演算法。'),
		]);
		const synonyms = synonymIndex([['通行碼', '密碼']]);
		expect(urls(await runSearch(pagefind, '密碼', {}, { synonyms }))).toEqual(['/documents/isms-p-015/', '/documents/isms-s-001/']);
		expect(urls(await runSearch(pagefind, '密碼'))).toEqual(['/documents/isms-p-015/']);
	});

	it('ranks terms in the title and in clause headings above terms only in the body', async () => {
		const pages = [
			doc('ISMS-P-011', '1.0', '現行版', '執行備份及還原。'),
			doc('ISMS-S-002', '1.0', '現行版', '資料備份作業說明 3.5 還原測試', {
				meta: { title: '資料備份作業說明', docNo: 'ISMS-S-002', version: '1.0', status: '現行版' },
			}),
			doc('ISMS-P-017', '1.0', '現行版', '5.5 資訊備份 5.5.1 應定期還原。', {
				anchors: [{ element: 'h3', id: 'sec-5-5', text: '5.5 資訊備份', location: 0 }],
			}),
		];
		expect(urls(await runSearch(fakePagefind(pages), '備份 還原'))).toEqual([
			'/documents/isms-s-002/',
			'/documents/isms-p-017/',
			'/documents/isms-p-011/',
		]);
	});

	it('ranks a document in force above a portal page that matches as well', async () => {
		const pages = [{ url: '/reviews/', content: '權限審查 排程' }, doc('ISMS-P-014', '1.0', '現行版', '權限審查 排程')];
		expect(urls(await runSearch(fakePagefind(pages), '權限審查'))).toEqual(['/documents/isms-p-014/', '/reviews/']);
	});

	it('counts a page whose title has every term as an exact match (帳號申請 → 帳號權限申請單)', async () => {
		const pages = [
			{ url: '/soa/', content: '稽核人員唯讀帳號申請及停用紀錄' },
			doc('ISMS-F-003', '1.0', '現行版', '申請帳號之新增', {
				meta: { title: '帳號權限申請單', docNo: 'ISMS-F-003', version: '1.0', status: '現行版' },
			}),
		];
		expect(urls(await runSearch(fakePagefind(pages), '帳號申請'))).toEqual(['/documents/isms-f-003/', '/soa/']);
	});
});

describe('runSearch: document numbers and versions', () => {
	const pages = [
		doc('ISMS-F-009', '1.0', '現行版', '依 ISMS-P-005 記錄量測結果。'),
		{ url: '/documents/', content: 'ISMS-P-005 資訊安全目標管理程序書' },
		doc('ISMS-P-005', '1.1', '現行版', '目標之訂定。'),
		doc('ISMS-P-005', '1.0', '已被取代', '舊版條文。'),
		doc('ISMS-P-005', '2.0', '尚未生效', '未來條文。'),
	];

	it('puts the named document first for ISMS-P-005, isms-p-005, P-005, P005 and full-width, even when Pagefind ranks it last', async () => {
		for (const input of ['ISMS-P-005', 'isms-p-005', 'P-005', 'p005', 'ISMS P 005', 'ＩＳＭＳ－Ｐ－００５']) {
			const { hits } = await runSearch(fakePagefind(pages), input);
			expect(hits[0], input).toMatchObject({ pageUrl: '/documents/isms-p-005/', named: true, version: '1.1' });
			expect(hits.map((h) => h.pageUrl).sort(), input).toEqual(['/documents/', '/documents/isms-f-009/', '/documents/isms-p-005/']);
		}
	});

	it('opens with the version asked for, whatever its status, then the version in force', async () => {
		for (const input of ['ISMS-P-005 1.0', 'ISMS-P-005 v1.0', 'P-005 第1.0版']) {
			const outcome = await runSearch(fakePagefind(pages), input);
			expect(
				outcome.hits.slice(0, 2).map((h) => [h.pageUrl, h.named, h.standing]),
				input,
			).toEqual([
				['/documents/isms-p-005/v1.0/', true, '1.0 版的狀態'],
				['/documents/isms-p-005/', true, '1.1 版的狀態'],
			]);
			expect(
				outcome.hits.map((h) => h.pageUrl),
				input,
			).not.toContain('/documents/isms-p-005/v2.0/');
		}
	});

	it('says which versions there are when the one asked for does not exist', async () => {
		const outcome = await runSearch(fakePagefind(pages), 'ISMS-P-005 3.0');
		expect(outcome.missingVersions).toEqual([{ docNo: 'ISMS-P-005', version: '3.0', versions: ['1.1', '2.0', '1.0'] }]);
		expect(outcome.hits[0]?.pageUrl).toBe('/documents/isms-p-005/');
	});

	it('lists every version of the named document with the box ticked: in force first, then newest first', async () => {
		const named = await runSearch(fakePagefind(pages), 'P-005', { includeHistory: true });
		expect(named.hits.filter((h) => h.named).map((h) => h.version)).toEqual(['1.1', '2.0', '1.0']);
	});

	it('shows a withdrawn document only when asked, first', async () => {
		const withdrawn = [doc('ISMS-F-001', '1.0', '現行版', '依 ISMS-P-007 辦理。'), doc('ISMS-P-007', '1.1', '已廢止', '本程序書廢止。')];
		expect((await runSearch(fakePagefind(withdrawn), 'ISMS-P-007')).hits.map((h) => h.docNo)).toEqual(['ISMS-F-001']);
		const all = await runSearch(fakePagefind(withdrawn), 'ISMS-P-007', { includeHistory: true });
		expect(all.hits.map((h) => [h.docNo, h.status, h.named])).toEqual([
			['ISMS-P-007', '已廢止', true],
			['ISMS-F-001', '現行版', false],
		]);
	});
});

describe('runSearch: filters, results, Simplified input', () => {
	it('leaves versions out of force out by default, and labels them when asked for', async () => {
		const pages = [
			doc('ISMS-P-005', '1.1', '現行版', '新版條文。'),
			doc('ISMS-P-005', '1.0', '已被取代', '舊版條文。'),
			{ url: '/help/', content: '舊版條文的說明' },
		];
		// The version in force has 條文 only: related, after the exact match.
		expect(urls(await runSearch(fakePagefind(pages), '舊版條文'))).toEqual(['/help/', '/documents/isms-p-005/']);
		const all = await runSearch(fakePagefind(pages), '舊版條文', { includeHistory: true });
		expect(all.hits.map((h) => [h.pageUrl, h.status])).toEqual([
			['/help/', undefined],
			['/documents/isms-p-005/v1.0/', '已被取代'],
			['/documents/isms-p-005/', '現行版'],
		]);
	});

	it('filters by 文件類別 and 機密等級', async () => {
		const pages = [
			doc('ISMS-P-006', '1.0', '現行版', '管理審查'),
			{
				...doc('ISMS-M-001', '1.0', '現行版', '管理審查'),
				filters: { docNo: 'ISMS-M-001', status: '現行版', tier: '第一階文件', classification: '公開' },
			},
		];
		expect((await runSearch(fakePagefind(pages), '管理審查', { tiers: ['第一階文件'] })).hits.map((h) => h.docNo)).toEqual(['ISMS-M-001']);
		expect((await runSearch(fakePagefind(pages), '管理審查', { classifications: ['內部使用'] })).hits.map((h) => h.docNo)).toEqual([
			'ISMS-P-006',
		]);
	});

	it('shows each result with its number, title, version, classification and status, and links to the clause that matches', async () => {
		const words = ['管理', '審查', '程序', '書', '. ', '5.1', ' ', '召開', '管理', '審查', '會議', '。'];
		const page = doc('ISMS-P-006', '1.0', '現行版', words.join(''), {
			meta: { title: '管理審查程序書', docNo: 'ISMS-P-006', version: '1.0', status: '現行版', classification: '內部使用' },
			words,
			anchors: [
				{ element: 'h1', id: '_top', text: '管理審查程序書', location: 0 },
				{ element: 'li', id: 'sec-5-1', text: '5.1 召開管理審查會議。', location: 5 },
			],
		});
		const [hit] = (await runSearch(fakePagefind([page]), '管理審查')).hits;
		expect(hit).toMatchObject({
			url: '/documents/isms-p-006/#sec-5-1',
			pageUrl: '/documents/isms-p-006/',
			title: '管理審查程序書',
			version: '1.0',
			classification: '內部使用',
			status: '現行版',
			section: '第 5.1 節',
		});
		expect(hit?.excerpt).toContain('召開<mark>管理審查</mark>會議');
	});

	it('converts Simplified input with the converter it is given, and keeps the typed form as an alternative', async () => {
		const pagefind = fakePagefind([doc('ISMS-S-001', '1.0', '現行版', '密碼長度。')]);
		const outcome = await runSearch(pagefind, '密码', {}, { toTraditional: async (text) => text.replace('码', '碼') });
		expect(outcome.converted).toBe('密碼');
		expect(outcome.plan.groups[0]!.alternatives).toEqual(['密碼', '密码']);
		expect(urls(outcome)).toEqual(['/documents/isms-s-001/']);
	});

	it('examines at most maxCandidates pages and says so; a page is loaded once per index', async () => {
		const pages = Array.from({ length: 5 }, (_, i) => ({ url: `/p${i}/`, content: '稽核' }));
		const pagefind = fakePagefind(pages);
		const outcome = await runSearch(pagefind, '稽核', { maxCandidates: 3 });
		expect(outcome.hits).toHaveLength(3);
		expect(outcome.truncated).toBe(true);
		await runSearch(pagefind, '稽核', { maxCandidates: 3 });
		expect(pagefind.loads).toHaveLength(3);
	});
});
