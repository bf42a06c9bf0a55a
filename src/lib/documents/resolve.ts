import type { DocumentVersion } from './document-version.ts';
import type { Problem } from '../problems.ts';
import { compareVersions } from './version.ts';

/**
 * Which version is in force (AUTHORING.md): for a date D,
 * current = the highest non-draft version with effective ≤ D; older non-drafts are superseded;
 * non-drafts with effective > D are upcoming; a current version with `status: withdrawn` makes the
 * document withdrawn from that date; drafts are only published by preview builds.
 */
export type VersionState = 'current' | 'superseded' | 'upcoming' | 'withdrawn' | 'draft';

export interface ResolvedVersion extends DocumentVersion {
	state: VersionState;
	/** For superseded versions: the version that replaced it and from when. */
	supersededBy?: { version: string; effective: string };
}

export interface ResolvedDocument {
	docNo: string;
	/** Newest first. */
	versions: ResolvedVersion[];
	/** The version in force on the build date; undefined when none yet, or withdrawn. */
	current?: ResolvedVersion;
	/** Set when the document is withdrawn (廢止): the withdrawing version and its date. */
	withdrawn?: { version: string; effective: string };
}

export interface ResolveOptions {
	/** `YYYY-MM-DD`: the date the build is for. */
	today: string;
	includeDrafts: boolean;
}

/** The minimum a version needs for the in-force rule; the as-of page runs this same rule in the browser. */
export interface VersionTiming {
	version: string;
	effective: string;
	status?: 'draft' | 'withdrawn' | undefined;
}

/**
 * The version in force on `date` (YYYY-MM-DD): the highest non-draft version whose effective date has
 * come. When it is a withdrawing version, the document is withdrawn on that date.
 */
export function versionInForce<T extends VersionTiming>(versions: readonly T[], date: string): T | undefined {
	let best: T | undefined;
	for (const version of versions) {
		if (version.status === 'draft' || version.effective > date) continue;
		if (!best || compareVersions(version.version, best.version) > 0) best = version;
	}
	return best;
}

export function resolveDocuments(
	versions: readonly DocumentVersion[],
	options: ResolveOptions,
): { documents: ResolvedDocument[]; problems: Problem[] } {
	const problems: Problem[] = [];
	const byDocNo = new Map<string, DocumentVersion[]>();
	for (const version of versions) {
		const list = byDocNo.get(version.docNo) ?? [];
		list.push(version);
		byDocNo.set(version.docNo, list);
	}

	const documents: ResolvedDocument[] = [];
	for (const docNo of [...byDocNo.keys()].sort()) {
		const all = byDocNo.get(docNo)!.sort((a, b) => compareVersions(b.version, a.version));
		problems.push(...checkVersionOrder(all));

		const inForce = versionInForce(all, options.today);
		const resolved: ResolvedVersion[] = [];
		let replacement: DocumentVersion | undefined;
		for (const version of all) {
			if (version.status === 'draft') {
				if (options.includeDrafts) resolved.push({ ...version, state: 'draft' });
				continue;
			}
			if (version.effective > options.today) {
				resolved.push({ ...version, state: 'upcoming' });
			} else if (version === inForce) {
				resolved.push({ ...version, state: version.status === 'withdrawn' ? 'withdrawn' : 'current' });
			} else {
				resolved.push({
					...version,
					state: 'superseded',
					...(replacement ? { supersededBy: { version: replacement.version, effective: replacement.effective } } : {}),
				});
			}
			if (version.effective <= options.today) replacement = version;
		}
		const current = resolved.find((v) => v.state === 'current');
		const withdrawnVersion = resolved.find((v) => v.state === 'withdrawn');
		documents.push({
			docNo,
			versions: resolved,
			...(current ? { current } : {}),
			...(withdrawnVersion ? { withdrawn: { version: withdrawnVersion.version, effective: withdrawnVersion.effective } } : {}),
		});
	}
	return { documents, problems };
}

/** Two files for one docNo+version, or a newer version effective before an older one. */
function checkVersionOrder(newestFirst: readonly DocumentVersion[]): Problem[] {
	const problems: Problem[] = [];
	for (let i = 0; i < newestFirst.length - 1; i++) {
		const newer = newestFirst[i]!;
		const older = newestFirst[i + 1]!;
		if (compareVersions(newer.version, older.version) === 0) {
			problems.push({
				file: newer.file,
				...(newer.fieldPositions.version ?? { line: 1, column: 1 }),
				severity: 'error',
				rule: 'version/duplicate',
				message: `${newer.docNo} 第 ${newer.version} 版同時由 ${older.file} 與 ${newer.file} 宣告；每個版次只能有一個檔案`,
			});
		}
	}
	// Dates must follow version order among released versions (drafts carry no binding date).
	const released = newestFirst.filter((v) => v.status !== 'draft');
	for (let i = 0; i < released.length - 1; i++) {
		const newer = released[i]!;
		const older = released[i + 1]!;
		if (newer.effective < older.effective) {
			problems.push({
				file: newer.file,
				...(newer.fieldPositions.effective ?? { line: 1, column: 1 }),
				severity: 'error',
				rule: 'version/effective-order',
				message: `${newer.docNo} 第 ${newer.version} 版的生效日期 ${newer.effective} 早於較舊的第 ${older.version} 版（${older.effective}）；新版次的生效日期不可早於舊版次`,
			});
		}
	}
	return problems;
}
