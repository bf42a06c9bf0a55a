import type { Catalogue } from './catalogue.ts';
import { compareSoa, type SoaComparison } from './compare.ts';
import { counterparts, type Catalogues, type Crosswalk } from './crosswalk.ts';
import type { Soa } from './data.ts';
import { compareControlIds, controlEdition, EDITIONS, type Edition } from './ids.ts';
import { computeSoa, type ImplementingDocument, type SoaMatrix } from './matrix.ts';
import type { ResolvedSoa, SoaState } from './versions.ts';

/** What the SoA pages render from: the version in force, every version, and their comparisons. */
export type SoaMeta = Omit<Soa, 'entries'>;

export interface SoaVersionModel {
	meta: SoaMeta;
	state: SoaState;
	supersededBy?: { version: string; effective: string };
	standard: string;
	/** Site path of its page, `/soa/v1.2/`. */
	path: string;
	matrix: SoaMatrix;
}

export interface SoaComparisonModel {
	/** Site path, `/soa/compare/v1.2-v2.0/`. */
	path: string;
	comparison: SoaComparison;
}

export interface SoaModel {
	/** The catalogue of the SoA in force (the configured one when none is), e.g. ISO/IEC 27001:2022. */
	standard: string;
	edition?: Edition;
	/** The SoA in force. */
	meta?: SoaMeta;
	/** The matrix of the SoA in force (every control missing when there is no SoA data). */
	matrix?: SoaMatrix;
	/** Every version, newest first. */
	versions: SoaVersionModel[];
	/** Each older version against each newer one. */
	comparisons: SoaComparisonModel[];
	/**
	 * Where a control id of either catalogue links on /soa/: the rows of the SoA in force that cover
	 * it (itself, or its crosswalk counterparts).
	 */
	links: Record<string, string[]>;
	/**
	 * Documents in force that still cite the other catalogue than the SoA in force (in `controls` or
	 * in their text): to be updated at their next revision; until then covered through the crosswalk.
	 */
	legacy: LegacyDocument[];
}

export interface LegacyDocument {
	docNo: string;
	title: string;
	url: string;
	/** Ids of the other catalogue in its `controls` frontmatter. */
	controls: string[];
	/** Ids of the other catalogue cited in its text. */
	text: string[];
}

export const soaVersionPath = (version: string) => `/soa/v${version}/`;
export const soaComparisonPath = (from: string, to: string) => `/soa/compare/v${from}-v${to}/`;
/** The exports of a version: `/soa/v1.2/soa-v1.2.csv` (the version in force also at /soa.csv). */
export const soaExportPath = (version: string, extension: 'csv' | 'xlsx') => `${soaVersionPath(version)}soa-v${version}.${extension}`;

export interface SoaModelInput {
	catalogues: Catalogues;
	crosswalk: Crosswalk;
	/** Newest first. */
	versions: readonly ResolvedSoa[];
	current?: Soa;
	/** The catalogue shown when no SoA is in force. */
	fallback: Edition;
	documents: readonly (ImplementingDocument & { cited?: readonly string[] })[];
}

export function soaModel(input: SoaModelInput): SoaModel {
	const { catalogues, crosswalk } = input;
	const edition = input.current?.catalogue ?? input.fallback;
	const catalogue = catalogues[edition];
	const versions: SoaVersionModel[] = [];
	for (const resolved of input.versions) {
		const versionCatalogue = catalogues[resolved.soa.catalogue];
		if (!versionCatalogue) continue;
		const { entries: _entries, ...meta } = resolved.soa;
		versions.push({
			meta,
			state: resolved.state,
			...(resolved.supersededBy ? { supersededBy: resolved.supersededBy } : {}),
			standard: versionCatalogue.standard,
			path: soaVersionPath(resolved.soa.version),
			matrix: computeSoa(versionCatalogue, resolved.soa, input.documents, crosswalk),
		});
	}
	const comparisons: SoaComparisonModel[] = [];
	const ascending = [...input.versions].reverse();
	for (let i = 0; i < ascending.length; i++) {
		for (let j = i + 1; j < ascending.length; j++) {
			const older = ascending[i]!.soa;
			const newer = ascending[j]!.soa;
			const oc = catalogues[older.catalogue];
			const nc = catalogues[newer.catalogue];
			if (!oc || !nc) continue;
			comparisons.push({
				path: soaComparisonPath(older.version, newer.version),
				comparison: compareSoa({ soa: older, catalogue: oc }, { soa: newer, catalogue: nc }, crosswalk),
			});
		}
	}
	const current = versions.find((v) => v.state === 'current');
	return {
		standard: catalogue?.standard ?? '',
		...(catalogue ? { edition } : {}),
		...(current
			? { meta: current.meta, matrix: current.matrix }
			: catalogue
				? { matrix: computeSoa(catalogue, undefined, input.documents, crosswalk) }
				: {}),
		versions,
		comparisons,
		links: catalogue ? controlLinks(catalogue, catalogues, crosswalk) : {},
		legacy: catalogue ? legacyDocuments(catalogue.edition, input.documents) : [],
	};
}

function controlLinks(inForce: Catalogue, catalogues: Catalogues, crosswalk: Crosswalk): Record<string, string[]> {
	const links: Record<string, string[]> = {};
	for (const edition of EDITIONS) {
		for (const control of catalogues[edition]?.controls ?? []) {
			links[control.id] =
				edition === inForce.edition ? [control.id] : counterparts(crosswalk, control.id).filter((id) => inForce.byId.has(id));
		}
	}
	return links;
}

function legacyDocuments(inForce: Edition, documents: SoaModelInput['documents']): LegacyDocument[] {
	const other = (ids: readonly string[]) =>
		[
			...new Set(
				ids.filter((id) => {
					const e = controlEdition(id);
					return e !== undefined && e !== inForce;
				}),
			),
		].sort(compareControlIds);
	return documents
		.map((doc) => ({ docNo: doc.docNo, title: doc.title, url: doc.url, controls: other(doc.controls), text: other(doc.cited ?? []) }))
		.filter((doc) => doc.controls.length > 0 || doc.text.length > 0)
		.sort((a, b) => a.docNo.localeCompare(b.docNo));
}
