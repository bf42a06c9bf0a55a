/**
 * Issue 12 defect 5: publish must not install a build for a wider audience than its ceiling allows.
 * The build record states ceiling and drafts; the target records its audience on its first publish.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publish, rollback, verifyAudience } from '../../src/node/publish/index.ts';
import { at, build, cli, CLOCK, currentLink, newTarget, publishAt, RECORD, refusal, releasesIn, snapshot, T1, T2, T3 } from './_publish.ts';

const targetFile = (target: string) => JSON.parse(readFileSync(join(target, '.portal-target.json'), 'utf8')) as Record<string, unknown>;

describe('the audience of a publication target', () => {
	it('refuses a confidential preview build for an all-staff target: nothing created, nothing changed (the reported case)', () => {
		const leak = build('機密預覽', { ...RECORD, ceiling: 'confidential', includeDrafts: true });
		const fresh = newTarget();
		const result = cli(['--target', fresh, '--source', leak]);
		expect(result.status).toBe(1);
		expect(result.stderr).toBe(
			`此建置的發布上限為 機密（confidential）（.portal-build.json），高於發布目的地 ${fresh} 的讀者範圍 內部使用（internal）：不發布，以免 機密 文件被無權閱讀者看到。請以 PORTAL_MAX_CLASSIFICATION=internal 重新執行 npm run build。若此目的地確實只供可閱讀 機密 文件者存取，首次發布時請加 --audience confidential。\n`,
		);
		expect(existsSync(fresh)).toBe(false);

		const staff = newTarget();
		publishAt(staff, T1, '全體同仁');
		const before = snapshot(staff);
		expect(cli(['--target', staff, '--source', leak]).status).toBe(1);
		expect(cli(['--target', staff, '--source', build('限閱', { ...RECORD, ceiling: 'restricted' })]).status).toBe(1);
		const drafts = cli(['--target', staff, '--source', build('草稿', { ...RECORD, includeDrafts: true })]);
		expect(drafts.status).toBe(1);
		expect(drafts.stderr).toContain('此建置含草稿（PORTAL_INCLUDE_DRAFTS=1，.portal-build.json），發布目的地');
		expect(snapshot(staff)).toEqual(before);
	});

	it('records the audience on the first publish, outside current and releases', () => {
		const target = newTarget();
		const result = publishAt(target, T1, '一');
		expect([result.setup, result.setupRecorded]).toEqual([{ audience: 'internal', drafts: false }, true]);
		expect(targetFile(target)).toEqual({ audience: 'internal', drafts: false, recordedAt: CLOCK[T1] });
		expect(readdirSync(join(target, 'current'))).not.toContain('.portal-target.json');
		expect(publishAt(target, T2, '二').setupRecorded).toBe(false);
	});

	it('publishes a restricted build only to a target set up with --audience restricted, and keeps that audience', () => {
		const restricted = build('限閱', { ...RECORD, ceiling: 'restricted' });
		const target = newTarget();
		publish({ source: restricted, target, audience: 'restricted', now: at(CLOCK[T1]!) });
		expect(targetFile(target)).toMatchObject({ audience: 'restricted', drafts: false });
		// Later publishes need not repeat it; a narrower build is fine; another audience is refused.
		publish({ source: restricted, target, now: at(CLOCK[T2]!) });
		publish({ source: build('內部'), target, now: at(CLOCK[T3]!) });
		expect(releasesIn(target)).toHaveLength(3);
		const before = snapshot(target);
		expect(refusal(() => publish({ source: build('內部'), target, audience: 'internal' }))).toContain(
			'的讀者範圍已設定為 限閱（restricted）',
		);
		expect(refusal(() => publish({ source: build('機密', { ...RECORD, ceiling: 'confidential' }), target }))).toContain('高於發布目的地');
		expect(snapshot(target)).toEqual(before);
	});

	it('refuses anything above public on a target recorded as public', () => {
		const target = newTarget();
		publish({ source: build('公開', { ...RECORD, ceiling: 'public' }), target, audience: 'public', now: at(CLOCK[T1]!) });
		const internal = cli(['--target', target, '--source', build('內部')]);
		expect(internal.status).toBe(1);
		expect(internal.stderr).toContain(
			`此建置的發布上限為 內部使用（internal）（.portal-build.json），高於發布目的地 ${target} 的讀者範圍 公開（public）：不發布`,
		);
		expect(currentLink(target)).toBe(`releases/${T1}`);
	});

	it('installs drafts only on a target set up as a preview site with --drafts', () => {
		const drafts = build('草稿', { ...RECORD, includeDrafts: true });
		const target = newTarget();
		publish({ source: drafts, target, drafts: true, now: at(CLOCK[T1]!) });
		expect(targetFile(target)).toMatchObject({ audience: 'internal', drafts: true });
		publish({ source: drafts, target, now: at(CLOCK[T2]!) });
		expect(currentLink(target)).toBe(`releases/${T2}`);
	});

	it('records the audience of a target published to by an earlier version (releases, no setup file)', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		rmSync(join(target, '.portal-target.json'));
		expect(publishAt(target, T2, '二').setupRecorded).toBe(true);
		expect(targetFile(target)).toMatchObject({ audience: 'internal' });
	});

	it('refuses a target whose setup file is damaged, and leaves it for a person to fix', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		writeFileSync(join(target, '.portal-target.json'), '{"audience": "everyone"}');
		const before = snapshot(target);
		expect(refusal(() => publishAt(target, T2, '二'))).toContain('.portal-target.json 無效');
		expect(snapshot(target)).toEqual(before);
	});

	it('rolls back only to a release the recorded audience may see', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		publishAt(target, T3, '三');
		// A restricted release put there by an earlier version of the portal, before audiences were recorded.
		cpSync(build('限閱', { ...RECORD, ceiling: 'restricted' }), join(target, 'releases', T2), { recursive: true });
		expect(refusal(() => rollback({ target }))).toContain('此建置的發布上限為 限閱（restricted）');
		expect(currentLink(target)).toBe(`releases/${T3}`);
		expect(rollback({ target, to: T1 }).release).toBe(T1);
	});
});

describe('--verify-audience (a deploy step to a host npm run publish does not install to)', () => {
	it('passes a public build for a public site and says so', () => {
		const source = build('公開', { ...RECORD, ceiling: 'public', site: 'https://example.github.io/isms/' });
		expect(verifyAudience(source, 'public').ceiling).toBe('public');
		const result = cli(['--verify-audience', 'public', '--source', source]);
		expect(result).toEqual({
			status: 0,
			stdout: `${source} 可發布給讀者範圍 公開（public）：發布上限 公開（public），建置於 ${RECORD.builtAt}，網址 https://example.github.io/isms/。\n`,
			stderr: '',
		});
	});

	it('refuses an internal build, a build with drafts and a folder without a record for a public site', () => {
		const internal = cli(['--verify-audience', 'public', '--source', build('內部')]);
		expect(internal.status).toBe(1);
		expect(internal.stderr).toBe(
			'此建置的發布上限為 內部使用（internal）（.portal-build.json），高於目標網站的讀者範圍 公開（public）：不發布，以免 內部使用 文件被無權閱讀者看到。請以 PORTAL_MAX_CLASSIFICATION=public 重新執行 npm run build。\n',
		);
		expect(
			cli(['--verify-audience', '公開', '--source', build('草稿', { ...RECORD, ceiling: 'public', includeDrafts: true })]).stderr,
		).toContain('此建置含草稿');
		expect(cli(['--verify-audience', 'public', '--source', build('無紀錄', null)]).stderr).toContain('沒有建置紀錄 .portal-build.json');
	});
});

describe('a build without the site URL (its printed copies would carry no address and no QR code)', () => {
	it('is refused by publish and by --verify-audience, one message, nothing created or changed', () => {
		const local = build('本機預覽', { ...RECORD, site: null });
		const fresh = newTarget();
		const result = cli(['--target', fresh, '--source', local]);
		expect(result.status).toBe(1);
		expect(result.stderr).toBe(
			'此建置未設定入口網網址（PORTAL_SITE_URL；.portal-build.json 的 site 為 null）：列印本將無法列出現行版本網址及 QR 碼，不發布。請以 PORTAL_SITE_URL=https://<入口網網址>/ npm run build 重新建置（未設定網址的建置僅供本機預覽）。\n',
		);
		expect(existsSync(fresh)).toBe(false);

		const staff = newTarget();
		publishAt(staff, T1, '全體同仁');
		const before = snapshot(staff);
		expect(cli(['--target', staff, '--source', local]).status).toBe(1);
		expect(snapshot(staff)).toEqual(before);
		expect(cli(['--verify-audience', 'internal', '--source', local]).stderr).toContain('此建置未設定入口網網址');
	});
});
