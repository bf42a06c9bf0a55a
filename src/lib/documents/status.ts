import { formatRocDate } from './dates.ts';
import type { PublishedDocument, PublishedVersion } from './portal.ts';
import { STATE_LABELS } from './states.ts';

/**
 * What a version page says at its top about the version's standing (policy 6.4.2: identify the
 * current revision status; keep obsolete documents from unintended use).
 */
export interface StatusNotice {
	tone: 'danger' | 'caution' | 'note';
	/** Short label, also added to the page title: 已被取代, 尚未生效, 已廢止, 草稿. */
	label: string;
	message: string;
	/** Where the version to use instead is. */
	link?: { href: string; text: string };
}

export function statusNotice(document: PublishedDocument, version: PublishedVersion): StatusNotice | undefined {
	const current = document.current;
	const toCurrent =
		current && current.version !== version.version ? { href: document.url, text: `前往現行版本（第 ${current.version} 版）` } : undefined;
	switch (version.state) {
		case 'current':
			return undefined;
		case 'superseded': {
			const by = version.supersededBy;
			const message = by
				? `本版次已於${formatRocDate(by.effective)}由 ${by.version} 版取代，僅供查考，請勿據以辦理。`
				: '本版次已被取代，僅供查考，請勿據以辦理。';
			const withdrawn = document.withdrawn ? `本文件已於${formatRocDate(document.withdrawn.effective)}廢止。` : '';
			return {
				tone: 'danger',
				label: STATE_LABELS.superseded,
				message: withdrawn ? `${message}${withdrawn}` : message,
				...(toCurrent
					? { link: toCurrent }
					: document.withdrawn
						? { link: { href: `${document.url}v${document.withdrawn.version}/`, text: '查看廢止公告' } }
						: {}),
			};
		}
		case 'upcoming':
			return {
				tone: 'caution',
				label: STATE_LABELS.upcoming,
				message: current
					? `本版次將於${formatRocDate(version.effective)}生效；在此之前請依現行第 ${current.version} 版辦理。`
					: `本版次將於${formatRocDate(version.effective)}生效。`,
				...(toCurrent ? { link: toCurrent } : {}),
			};
		case 'withdrawn':
			return {
				tone: 'danger',
				label: STATE_LABELS.withdrawn,
				message: `本文件已於${formatRocDate(version.effective)}廢止，不得再使用。`,
			};
		case 'draft':
			return {
				tone: 'note',
				label: STATE_LABELS.draft,
				message: '草稿：本版次尚未核定，僅供預覽，不得據以辦理。',
				...(toCurrent ? { link: toCurrent } : {}),
			};
	}
}

/** Versions that are not in force stay out of search engines and the default search results. */
export function isListedInSearch(version: PublishedVersion): boolean {
	return version.state === 'current';
}
