import { describe, expect, it } from 'vitest';
import {
	checkBuildForAudience,
	checkSiteUrl,
	formatTargetFile,
	parseAudience,
	parseTargetFile,
	resolveTargetSetup,
	validateBuildRecord,
	type TargetSetup,
} from '../../../src/lib/publish/audience.ts';
import { CLASSIFICATIONS, type Classification } from '../../../src/lib/documents/classification.ts';
import { PublishError } from '../../../src/lib/publish/releases.ts';

const RECORD = {
	status: 'ok',
	builtAt: '2026-11-25T20:51:50.994Z',
	today: '2026-11-26',
	ceiling: 'internal',
	includeDrafts: false,
	site: null,
};

function refusal(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(PublishError);
		return (error as Error).message;
	}
	throw new Error('expected a PublishError');
}

describe('validateBuildRecord', () => {
	it('accepts a record with status, ceiling, drafts and site', () => {
		expect(validateBuildRecord(RECORD, 'dist/.portal-build.json')).toEqual(RECORD);
		expect(validateBuildRecord({ ...RECORD, ceiling: '限閱', site: 'https://isms.example.tw/' }, 'x')).toMatchObject({
			ceiling: 'restricted',
			site: 'https://isms.example.tw/',
		});
	});

	it('refuses a record that does not say its ceiling, drafts or site', () => {
		expect(refusal(() => validateBuildRecord({ ...RECORD, ceiling: 'secret' }, 'd/.portal-build.json'))).toBe(
			'd/.portal-build.json 的 ceiling（發布上限）為 "secret"，不是機密等級：建置紀錄無效，不發布。請重新執行 npm run build。',
		);
		const old = { status: 'ok', builtAt: RECORD.builtAt, ceiling: 'internal' };
		expect(refusal(() => validateBuildRecord(old, 'd/.portal-build.json'))).toBe(
			'd/.portal-build.json 沒有記載是否含草稿（includeDrafts）及網站網址（site）：可能由舊版入口網建置，無法確認讀者範圍，不發布。請重新執行 npm run build。',
		);
		expect(refusal(() => validateBuildRecord({ ...RECORD, includeDrafts: '1' }, 'x'))).toContain('includeDrafts');
		expect(refusal(() => validateBuildRecord({ ...RECORD, status: 'failed' }, 'x'))).toBe(
			'x 的 status 為 "failed"，不是 "ok"：建置未通過檢查，不發布。',
		);
	});
});

describe('resolveTargetSetup', () => {
	const internal: TargetSetup = { audience: 'internal', drafts: false };

	it('sets up a new target for all staff unless told otherwise', () => {
		expect(resolveTargetSetup(null, {}, '/srv/p')).toEqual({ setup: internal, isNew: true });
		expect(resolveTargetSetup(null, { audience: 'restricted', drafts: true }, '/srv/p')).toEqual({
			setup: { audience: 'restricted', drafts: true },
			isNew: true,
		});
	});

	it('keeps the recorded setup and accepts a request that repeats it', () => {
		expect(resolveTargetSetup(internal, {}, '/srv/p')).toEqual({ setup: internal, isNew: false });
		expect(resolveTargetSetup(internal, { audience: 'internal' }, '/srv/p')).toEqual({ setup: internal, isNew: false });
		expect(resolveTargetSetup({ audience: 'public', drafts: true }, { drafts: true }, '/srv/p').setup).toEqual({
			audience: 'public',
			drafts: true,
		});
	});

	it('refuses another audience or drafts on a target recorded without them', () => {
		expect(refusal(() => resolveTargetSetup(internal, { audience: 'confidential' }, '/srv/p'))).toBe(
			'發布目的地 /srv/p 的讀者範圍已設定為 內部使用（internal）（/srv/p/.portal-target.json），與 --audience confidential 不符：不發布。若此目的地的讀者確實改變，請先確認網頁伺服器的存取控制，再刪除 /srv/p/.portal-target.json 後重新發布；否則請發布到為該讀者範圍設定的另一個目的地。',
		);
		expect(refusal(() => resolveTargetSetup({ audience: 'restricted', drafts: false }, { audience: 'internal' }, '/srv/p'))).toContain(
			'與 --audience internal 不符',
		);
		expect(refusal(() => resolveTargetSetup(internal, { drafts: true }, '/srv/p'))).toContain(
			'未設定為草稿預覽網站（/srv/p/.portal-target.json），與 --drafts 不符：不發布。',
		);
	});
});

describe('checkBuildForAudience', () => {
	const levels = CLASSIFICATIONS as readonly Classification[];

	it('allows a build whose ceiling is within the audience, refuses one above it (every pair)', () => {
		for (const ceiling of levels) {
			for (const audience of levels) {
				const check = () => checkBuildForAudience({ ceiling, includeDrafts: false }, { audience, drafts: false }, '發布目的地 /srv/p ');
				if (levels.indexOf(ceiling) <= levels.indexOf(audience)) expect(check).not.toThrow();
				else expect(check, `${ceiling} → ${audience}`).toThrow(PublishError);
			}
		}
	});

	it('says what was refused and how to build for the audience', () => {
		expect(
			refusal(() =>
				checkBuildForAudience(
					{ ceiling: 'confidential', includeDrafts: false },
					{ audience: 'internal', drafts: false },
					'發布目的地 /srv/p ',
				),
			),
		).toBe(
			'此建置的發布上限為 機密（confidential）（.portal-build.json），高於發布目的地 /srv/p 的讀者範圍 內部使用（internal）：不發布，以免 機密 文件被無權閱讀者看到。請以 PORTAL_MAX_CLASSIFICATION=internal 重新執行 npm run build。',
		);
		expect(
			refusal(() =>
				checkBuildForAudience(
					{ ceiling: 'restricted', includeDrafts: false },
					{ audience: 'internal', drafts: false },
					'發布目的地 /srv/p ',
					true,
				),
			),
		).toContain('若此目的地確實只供可閱讀 限閱 文件者存取，首次發布時請加 --audience restricted。');
		expect(
			refusal(() =>
				checkBuildForAudience({ ceiling: 'internal', includeDrafts: false }, { audience: 'public', drafts: false }, '目標網站'),
			),
		).toBe(
			'此建置的發布上限為 內部使用（internal）（.portal-build.json），高於目標網站的讀者範圍 公開（public）：不發布，以免 內部使用 文件被無權閱讀者看到。請以 PORTAL_MAX_CLASSIFICATION=public 重新執行 npm run build。',
		);
	});

	it('refuses drafts unless the target is a preview site', () => {
		const drafts = { ceiling: 'internal', includeDrafts: true } as const;
		expect(refusal(() => checkBuildForAudience(drafts, { audience: 'internal', drafts: false }, '發布目的地 /srv/p '))).toBe(
			'此建置含草稿（PORTAL_INCLUDE_DRAFTS=1，.portal-build.json），發布目的地 /srv/p 不是草稿預覽網站：不發布，草稿不得給全體讀者。請不設 PORTAL_INCLUDE_DRAFTS 重新執行 npm run build；預覽請發布到另一個目的地，首次發布時加 --drafts。',
		);
		expect(() => checkBuildForAudience(drafts, { audience: 'internal', drafts: true }, 'x')).not.toThrow();
	});
});

describe('the target file and --audience', () => {
	it('round-trips a setup and refuses anything else', () => {
		const text = formatTargetFile({ audience: 'restricted', drafts: true }, '2026-11-25T21:00:00.000Z');
		expect(JSON.parse(text)).toEqual({ audience: 'restricted', drafts: true, recordedAt: '2026-11-25T21:00:00.000Z' });
		expect(parseTargetFile(text, 't')).toEqual({ audience: 'restricted', drafts: true });
		for (const bad of ['', '{', '[]', '{"audience":"everyone","drafts":false}', '{"audience":"internal"}']) {
			expect(refusal(() => parseTargetFile(bad, '/srv/p/.portal-target.json'))).toBe(
				'/srv/p/.portal-target.json 無效（應為 {"audience": "internal", "drafts": false} 之類的 JSON）：無法確認此發布目的地的讀者範圍，不發布。請修正或刪除該檔案後，以 --audience 重新設定。',
			);
		}
	});

	it('takes the English id or the Chinese label', () => {
		expect([parseAudience('public', '--audience'), parseAudience('限閱', '--audience')]).toEqual(['public', 'restricted']);
		expect(refusal(() => parseAudience('all', '--verify-audience'))).toContain(
			'--verify-audience 應為 public、internal、restricted、confidential',
		);
	});
});

describe('checkSiteUrl', () => {
	it('passes a build made for a site URL and refuses one without (printed copies need an address)', () => {
		expect(() => checkSiteUrl({ site: 'https://isms.example.gov.tw/' })).not.toThrow();
		expect(() => checkSiteUrl({ site: null })).toThrow(/此建置未設定入口網網址（PORTAL_SITE_URL/);
	});
});
