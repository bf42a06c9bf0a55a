import type { Problem } from '../problems.ts';
import { compareVersions } from '../documents/version.ts';
import type { Soa } from './data.ts';

/**
 * SoA versions follow the rule of documents (AUTHORING.md, "Which version is in force"): on a date D
 * the version in force is the highest whose `effective` ≤ D; older ones are superseded, those with a
 * later `effective` are upcoming.
 */
export type SoaState = 'current' | 'superseded' | 'upcoming';

export const SOA_STATE_LABELS: Record<SoaState, string> = { current: '現行', superseded: '已被取代', upcoming: '尚未生效' };

export interface ResolvedSoa {
	soa: Soa;
	state: SoaState;
	/** For a superseded version: the version in force (or superseded later) that replaced it. */
	supersededBy?: { version: string; effective: string };
}

export interface ResolvedSoaVersions {
	/** Newest first. */
	versions: ResolvedSoa[];
	current?: Soa;
	problems: Problem[];
}

export function resolveSoaVersions(list: readonly Soa[], today: string): ResolvedSoaVersions {
	const problems: Problem[] = [];
	const byVersion = new Map<string, Soa>();
	for (const soa of [...list].sort((a, b) => a.file.localeCompare(b.file))) {
		const first = byVersion.get(soa.version);
		if (first) {
			problems.push({
				file: soa.file,
				line: 1,
				column: 1,
				severity: 'error',
				rule: 'soa/duplicate-version',
				message: `適用性聲明書第 ${soa.version} 版重複：${first.file} 已是此版次；每個版次只能有一個檔案`,
			});
			continue;
		}
		byVersion.set(soa.version, soa);
	}
	const ascending = [...byVersion.values()].sort((a, b) => compareVersions(a.version, b.version));
	for (let i = 1; i < ascending.length; i++) {
		const older = ascending[i - 1]!;
		const newer = ascending[i]!;
		if (newer.effective < older.effective) {
			problems.push({
				file: newer.file,
				line: 1,
				column: 1,
				severity: 'error',
				rule: 'soa/version-order',
				message: `適用性聲明書第 ${newer.version} 版的生效日期 ${newer.effective} 早於第 ${older.version} 版（${older.effective}）；較新的版次不可早於較舊的版次生效`,
			});
		}
	}
	const inForce = ascending.filter((soa) => soa.effective <= today);
	const current = inForce.at(-1);
	const versions: ResolvedSoa[] = [];
	let successor: Soa | undefined;
	for (const soa of [...ascending].reverse()) {
		if (soa.effective > today) {
			versions.push({ soa, state: 'upcoming' });
			continue;
		}
		if (soa === current) versions.push({ soa, state: 'current' });
		else
			versions.push({
				soa,
				state: 'superseded',
				...(successor ? { supersededBy: { version: successor.version, effective: successor.effective } } : {}),
			});
		successor = soa;
	}
	return { versions, ...(current ? { current } : {}), problems };
}
