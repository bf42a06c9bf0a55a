import { formatRocDate } from '../documents/dates.ts';
import type { StatusNotice } from '../documents/status.ts';
import type { SoaVersionModel } from './model.ts';
import { SOA_STATE_LABELS } from './versions.ts';

/** The notice at the top of a SoA version page that is not the one in force (as documents get). */
export function soaNotice(version: SoaVersionModel, versions: readonly SoaVersionModel[], inForceHref: string): StatusNotice | undefined {
	const current = versions.find((v) => v.state === 'current');
	const link =
		current && current.meta.version !== version.meta.version
			? { href: inForceHref, text: `前往現行適用性聲明書（第 ${current.meta.version} 版）` }
			: undefined;
	if (version.state === 'superseded') {
		const by = version.supersededBy;
		return {
			tone: 'danger',
			label: SOA_STATE_LABELS.superseded,
			message: by ? `本版次已於${formatRocDate(by.effective)}由 ${by.version} 版取代，僅供查考。` : '本版次已被取代，僅供查考。',
			...(link ? { link } : {}),
		};
	}
	if (version.state === 'upcoming') {
		return {
			tone: 'caution',
			label: SOA_STATE_LABELS.upcoming,
			message: current
				? `本版次將於${formatRocDate(version.meta.effective)}生效；在此之前以現行第 ${current.meta.version} 版為準。`
				: `本版次將於${formatRocDate(version.meta.effective)}生效。`,
			...(link ? { link } : {}),
		};
	}
	return undefined;
}
