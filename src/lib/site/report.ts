import { formatRocDate } from '../documents/dates.ts';
import type { PortalModel } from '../documents/portal.ts';
import { REVIEW_STATE_LABELS, reviewSchedule } from '../documents/reviews.ts';
import { controlTitle } from '../soa/catalogue.ts';
import { SOA_STATUSES, type SoaStatus } from '../soa/data.ts';
import { PENDING_STATUSES, percent, SOA_GAP_LABELS, type SoaGapKind } from '../soa/matrix.ts';

export type FailOn = 'gaps' | 'overdue';
export const FAIL_ON: readonly FailOn[] = ['gaps', 'overdue'];

/**
 * The compliance summary for CI logs (`npm run report`): SoA coverage, documentation gaps apart from
 * implementation status, controls awaiting assessment, documents still citing the old catalogue, and
 * reviews overdue or due soon. `failures` lists which of the requested conditions hold.
 */
export function complianceReport(model: PortalModel, failOn: readonly FailOn[] = []): { text: string; failures: FailOn[] } {
	const lines: string[] = [];
	const { matrix, meta, standard, legacy } = model.soa;
	lines.push(`${model.config.organization} ISMS 遵循摘要（資料日期 ${formatRocDate(model.settings.today)}）`, '');
	let gapTotal = 0;
	if (matrix) {
		lines.push(
			`適用性聲明書：${standard} 附錄 A${meta ? `，第 ${meta.version} 版，${formatRocDate(meta.effective)}生效，${meta.approvedBy}核准` : '（尚無生效之 SoA 資料）'}`,
			`  控制措施 ${matrix.totals.total} 項：適用 ${matrix.totals.applicable}、不適用 ${matrix.totals.excluded}`,
			`  有文件實作 ${matrix.totals.covered} 項（涵蓋率 ${percent(matrix.totals.covered, matrix.totals.applicable)}%）`,
			`  實施狀態：${(Object.keys(SOA_STATUSES) as SoaStatus[]).map((s) => `${SOA_STATUSES[s]} ${matrix.totals.byStatus[s]}`).join('、')}`,
		);
		for (const kind of Object.keys(SOA_GAP_LABELS) as SoaGapKind[]) {
			const rows = matrix.gaps[kind];
			gapTotal += rows.length;
			lines.push(
				`  文件化缺口－${SOA_GAP_LABELS[kind]}：${rows.length}${rows.length > 0 ? `（${rows.map((r) => r.control.id).join('、')}）` : ''}`,
			);
		}
		for (const status of PENDING_STATUSES) {
			const rows = matrix.pending[status];
			lines.push(
				`  尚未完全實施－${SOA_STATUSES[status]}：${rows.length}${rows.length > 0 ? `（${rows.map((r) => r.control.id).join('、')}）` : ''}`,
			);
		}
		const unassessed = matrix.gaps.unassessed;
		if (unassessed.length > 0) {
			lines.push('', `待評估之控制措施（${unassessed.length}）：評估後填寫 status、reasons 及 lastReviewed`);
			for (const row of unassessed)
				lines.push(`  ${row.control.id} ${controlTitle(row.control)}：${row.entry?.status ? SOA_STATUSES[row.entry.status] : '未填狀態'}`);
		}
		if (legacy.length > 0) {
			lines.push('', `仍使用舊版控制措施編號之文件（${legacy.length}）：依對照表認列，下次改版時更新為 ${standard} 編號`);
			for (const doc of legacy) {
				const parts = [
					doc.controls.length > 0 ? `controls ${doc.controls.join('、')}` : '',
					doc.text.length > 0 ? `本文 ${doc.text.join('、')}` : '',
				].filter(Boolean);
				lines.push(`  ${doc.docNo} ${doc.title}：${parts.join('；')}`);
			}
		}
		lines.push('');
	}
	const schedule = reviewSchedule(model.documents, model.settings.today);
	const pending = schedule.filter((r) => r.state !== 'ok');
	const overdue = schedule.filter((r) => r.state === 'overdue').length;
	lines.push(`文件審查：現行文件 ${schedule.length} 份，已逾期 ${overdue} 份，30 日內到期 ${pending.length - overdue} 份`);
	for (const review of pending) {
		const days = review.daysLeft < 0 ? `逾期 ${-review.daysLeft} 日` : `剩 ${review.daysLeft} 日`;
		lines.push(
			`  ${REVIEW_STATE_LABELS[review.state]}  ${review.docNo} ${review.title}  最近評估檢討 ${formatRocDate(review.lastReviewed)}，期限 ${formatRocDate(review.due)}（${days}）`,
		);
	}
	const failures = failOn.filter((condition) => (condition === 'gaps' ? gapTotal > 0 : overdue > 0));
	return { text: `${lines.join('\n')}\n`, failures };
}
