import type { Root } from 'mdast';
import type { Ceiling } from '../ceiling/ceiling.ts';
import type { Redactor } from '../ceiling/redact.ts';
import type { Problem } from '../problems.ts';
import type { VersionAnalysis } from '../references/check.ts';
import type { Catalogue } from '../soa/catalogue.ts';
import type { Crosswalk } from '../soa/crosswalk.ts';
import type { Soa } from '../soa/data.ts';
import type { ResolvedSoa } from '../soa/versions.ts';
import type { DocumentVersion } from './document-version.ts';
import type { ResolvedDocument } from './resolve.ts';

/**
 * What one reading of the corpus yields (src/node/analyze.ts reads it; the published model, the
 * checker's report and the build's outputs are computed from it here, purely).
 */

/** The Annex A catalogues (2013, 2022) and their crosswalk, as loaded from content/controls/. */
export interface LoadedControls {
	c2013?: Catalogue;
	c2022?: Catalogue;
	/** Empty (no mappings) when a file is missing or invalid; the problems say why. */
	crosswalk: Crosswalk;
	problems: Problem[];
}

export interface AnalysisOptions {
	/** Keep each published version's tree after analysing it (the site build renders pages from them). */
	keepTrees?: boolean;
}

/**
 * One analysed version: its outline (clauses, anchors, text blocks for diffs and search; for a
 * published version, of its redacted text, what the build publishes) and its references.
 */
export interface AnalysedVersion extends VersionAnalysis {
	/** 修訂說明 as published (redacted), for a published version that has one. */
	changes?: string;
}

export interface CorpusAnalysis {
	/** Every version read, published or not. */
	versions: DocumentVersion[];
	/** Every document, resolved for the build date; no publication ceiling applied. */
	documents: ResolvedDocument[];
	analyses: Map<string, AnalysedVersion>;
	/** Annex A catalogues (2013, 2022) and their crosswalk. */
	controls: LoadedControls;
	/** Title of each document (its version in force, else its newest), for the reference parser. */
	titles: Map<string, string>;
	/** What this build publishes and what not (publication ceiling, drafts). */
	ceiling: Ceiling;
	/** The one redaction of published text, for the renderer and every other output. */
	redactor: Redactor;
	/** The catalogue of the SoA in force (the configured one when there is none), when it loaded. */
	catalogue?: Catalogue;
	/** The SoA version in force, when there is one and it is valid. */
	soa?: Soa;
	/** Every valid SoA version, newest first, with its state on the build date. */
	soaVersions: ResolvedSoa[];
	/** The document controller's search synonyms (content/search/synonyms.yaml), when valid. */
	synonyms: string[][];
	/** Layout, frontmatter, version and reference problems, in one format. */
	problems: Problem[];
	/**
	 * With `keepTrees`: the parsed (and redacted) tree of every published version, by version id, for
	 * the site build to render its page from (src/integration/documents/rendering.ts): the one parse per version.
	 */
	trees: Map<string, Root>;
}
