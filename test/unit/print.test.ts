import { describe, expect, it } from 'vitest';
import { printPageCss } from '../../src/lib/print.ts';
import { classificationLabels } from '../../src/lib/classification.ts';
import { pv } from './_helpers.ts';

describe('printPageCss', () => {
	it('prints the classification with the configured preset label', () => {
		const version = pv('ISMS-M-201', '1.0', 'current', { classification: 'internal', title: '資通安全維護計畫' });
		expect(printPageCss(version)).toContain('版次 1.0　機密等級 內部使用');
		expect(printPageCss(version, classificationLabels('government'))).toContain('版次 1.0　機密等級 一般');
	});
});
