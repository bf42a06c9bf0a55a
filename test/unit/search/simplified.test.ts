import { describe, expect, it } from 'vitest';
import { hasSimplified, toTraditional } from '../../../src/lib/search/simplified.ts';

describe('Simplified input', () => {
	it('tells text with characters written only in Simplified script', () => {
		expect(hasSimplified('密码')).toBe(true);
		expect(hasSimplified('密碼')).toBe(false);
		expect(hasSimplified('ISMS-P-005')).toBe(false);
	});

	it('converts to Traditional characters and Taiwanese wording with OpenCC (cn → twp)', async () => {
		expect(await toTraditional('密码')).toBe('密碼');
		expect(await toTraditional('网络攻击')).toBe('網路攻擊');
		expect(await toTraditional('软件安装')).toBe('軟體安裝');
		expect(await toTraditional('移动硬盘')).toBe('行動硬碟');
	});

	it('leaves Traditional text as it is', async () => {
		expect(await toTraditional('通行碼設定作業說明')).toBe('通行碼設定作業說明');
	});
});
