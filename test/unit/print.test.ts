import { describe, expect, it } from 'vitest';
import { printPageCss } from '../../src/lib/print.ts';
import { classificationLabels } from '../../src/lib/classification.ts';
import { pv } from './_helpers.ts';

/** The CSS as a reader of the printed page sees it: hex escapes (`\\2e `) decoded. */
const shown = (css: string) => css.replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

describe('printPageCss', () => {
	it('prints the classification with the configured preset label', () => {
		const version = pv('ISMS-M-201', '1.0', 'current', { classification: 'internal', title: '資通安全維護計畫' });
		expect(shown(printPageCss(version))).toContain('版次 1.0　機密等級 內部使用');
		expect(shown(printPageCss(version, classificationLabels('government')))).toContain('版次 1.0　機密等級 一般');
	});
});
