import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core's serious and critical violations, evaluated through the DevTools protocol (the page's CSP refuses inline scripts). */
export async function axeViolations(page: Page): Promise<string[]> {
	await page.evaluate(axe.source);
	return page.evaluate(async () => {
		const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
		return result.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map(
				(v) =>
					`${v.id} (${v.impact}): ${v.nodes
						.map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
						.slice(0, 3)
						.join(' | ')}`,
			);
	});
}
