import type { NearMiss } from './near-miss.ts';

const FAULTS: Record<NearMiss['faults'][number], string> = {
	'full-width': '全形字元',
	dash: '破折號或減號（應為半形連字號「-」）',
	separator: '空格、缺少或多出連字號',
	'lower-case': '小寫字母',
};

/**
 * The checker's line for a near-miss document number (src/lib/references/near-miss.ts):
 * - `ref/malformed-document-number` (error): the number is written in the wrong form (case, dash,
 *   space, full-width) — which number is meant is certain, and as written it is neither linked nor checked;
 * - `ref/near-miss-document-number` (warning): one character off a known number, padded differently,
 *   or shaped like a number that matches none — it may be other text.
 * `titleOf` gives a candidate's title only when the build publishes it (never one above the ceiling).
 */
export function nearMissProblem(
	miss: NearMiss & { text: string },
	titleOf: (docNo: string) => string | undefined,
	description = '依入口網設定的文件編號格式',
): { rule: 'ref/malformed-document-number' | 'ref/near-miss-document-number'; message: string } {
	const written = `「${miss.text}」`;
	const named = (docNo: string) => {
		const title = titleOf(docNo);
		return title ? `${docNo}〈${title}〉` : docNo;
	};
	const meant = miss.candidates.length > 0 ? `是否指 ${miss.candidates.map(named).join(' 或 ')}？` : '';
	if (miss.miss === 'form') {
		const faults = miss.faults.map((fault) => FAULTS[fault]).join('、');
		const known = miss.candidates.length > 0 ? `${meant}` : `（找不到文件 ${miss.normalised}）`;
		return {
			rule: 'ref/malformed-document-number',
			message: `${written}不是正確的文件編號寫法（${faults}），不會連結也不會檢查；應寫作 ${miss.normalised}${known ? `${known.startsWith('（') ? '' : '。'}${known}` : ''}`,
		};
	}
	if (miss.miss === 'close') {
		return {
			rule: 'ref/near-miss-document-number',
			message: `${written}不是現有的文件編號（格式：${description}）；${meant}若是，請改寫為正確的文件編號`,
		};
	}
	return {
		rule: 'ref/near-miss-document-number',
		message: `${written}看似文件編號，但不符合格式（${description}），也沒有相近的文件；若要引用文件，請寫完整的文件編號`,
	};
}
