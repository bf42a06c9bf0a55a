import { describe, it, expect } from 'vitest';
import type { VersionState } from '../../../src/lib/documents/resolve.ts';
import { isListedInSearch, statusNotice } from '../../../src/lib/documents/status.ts';
import { pd, pv } from '../_helpers.ts';

const DOC = 'ISMS-P-005';

describe('statusNotice', () => {
	const current = pv(DOC, '1.1', 'current', { effective: '2023-03-01' });
	const superseded = pv(DOC, '1.0', 'superseded', { effective: '2020-10-16', supersededBy: { version: '1.1', effective: '2023-03-01' } });
	const upcoming = pv(DOC, '2.0', 'upcoming', { effective: '2025-07-01' });
	const draft = pv(DOC, '2.1', 'draft', { effective: '2025-09-01' });
	const document = pd(DOC, [draft, upcoming, current, superseded]);
	const toCurrent = { href: '/documents/isms-p-005/', text: '前往現行版本（第 1.1 版）' };

	it('says nothing on the version in force', () => {
		expect(statusNotice(document, current)).toBeUndefined();
	});

	it('warns on a superseded version, naming its successor and date, and links to the current version', () => {
		expect(statusNotice(document, superseded)).toEqual({
			tone: 'danger',
			label: '已被取代',
			message: '本版次已於民國112年3月1日由 1.1 版取代，僅供查考，請勿據以辦理。',
			link: toCurrent,
		});
	});

	it('warns on a superseded version without a known successor', () => {
		const orphan = pv(DOC, '0.9', 'superseded', { effective: '2019-01-01' });
		expect(statusNotice(pd(DOC, [current, orphan]), orphan)).toEqual({
			tone: 'danger',
			label: '已被取代',
			message: '本版次已被取代，僅供查考，請勿據以辦理。',
			link: toCurrent,
		});
	});

	it('cautions on an upcoming version, naming the version to follow until then', () => {
		expect(statusNotice(document, upcoming)).toEqual({
			tone: 'caution',
			label: '尚未生效',
			message: '本版次將於民國114年7月1日生效；在此之前請依現行第 1.1 版辦理。',
			link: toCurrent,
		});
	});

	it('cautions on an upcoming version of a document not yet in force, without a link', () => {
		const first = pv('ISMS-P-010', '1.0', 'upcoming', { effective: '2099-01-01' });
		expect(statusNotice(pd('ISMS-P-010', [first]), first)).toEqual({
			tone: 'caution',
			label: '尚未生效',
			message: '本版次將於民國188年1月1日生效。',
		});
	});

	it('marks a draft, linking to the current version', () => {
		expect(statusNotice(document, draft)).toEqual({
			tone: 'note',
			label: '草稿',
			message: '草稿：本版次尚未核定，僅供預覽，不得據以辦理。',
			link: toCurrent,
		});
	});

	it('marks a draft of a document with no version in force, without a link', () => {
		const only = pv('ISMS-P-009', '0.1', 'draft', { effective: '2024-01-01' });
		expect(statusNotice(pd('ISMS-P-009', [only]), only)).toEqual({
			tone: 'note',
			label: '草稿',
			message: '草稿：本版次尚未核定，僅供預覽，不得據以辦理。',
		});
	});

	describe('a withdrawn document', () => {
		const withdrawing = pv('ISMS-P-007', '1.1', 'withdrawn', { effective: '2024-06-01' });
		const old = pv('ISMS-P-007', '1.0', 'superseded', {
			effective: '2021-01-01',
			supersededBy: { version: '1.1', effective: '2024-06-01' },
		});
		const withdrawnDoc = { ...pd('ISMS-P-007', [withdrawing, old]), withdrawn: { version: '1.1', effective: '2024-06-01' } };

		it('says on the withdrawing version that the document may not be used', () => {
			expect(statusNotice(withdrawnDoc, withdrawing)).toEqual({
				tone: 'danger',
				label: '已廢止',
				message: '本文件已於民國113年6月1日廢止，不得再使用。',
			});
		});

		it('says on an older version that it was replaced and the document withdrawn, linking to the notice', () => {
			expect(statusNotice(withdrawnDoc, old)).toEqual({
				tone: 'danger',
				label: '已被取代',
				message: '本版次已於民國113年6月1日由 1.1 版取代，僅供查考，請勿據以辦理。本文件已於民國113年6月1日廢止。',
				link: { href: '/documents/isms-p-007/v1.1/', text: '查看廢止公告' },
			});
		});
	});
});

describe('isListedInSearch', () => {
	it.each<[VersionState, boolean]>([
		['current', true],
		['superseded', false],
		['upcoming', false],
		['withdrawn', false],
		['draft', false],
	])('%s → %s', (state, listed) => {
		expect(isListedInSearch(pv(DOC, '1.0', state))).toBe(listed);
	});
});
