import type { CorpusAnalysis } from '../documents/analysis.ts';
import { auditCanaries, type Canary } from '../ceiling/audit.ts';
import type { PortalModel } from '../documents/portal.ts';

/**
 * The canaries of a build's audit (src/lib/audit.ts): every version this build does not publish, with
 * its text, and what the build publishes from its sources (a sentence also found there is not
 * distinctive): the published versions' text, frontmatter and 修訂說明, as redacted, the SoA (its data
 * and the catalogue) and the configuration. Not the page model: a leak into it must still be found.
 */
export function buildCanaries(
	analysis: Pick<CorpusAnalysis, 'versions' | 'ceiling' | 'analyses'>,
	model: Pick<PortalModel, 'soa' | 'config'>,
): Canary[] {
	const blocksOf = (id: string) => (analysis.analyses.get(id)?.outline.blocks ?? []).map((block) => block.text);
	const unpublished = analysis.versions
		.filter((version) => !analysis.ceiling.published.has(version.id))
		.map((version) => ({
			docNo: version.docNo,
			version: version.version,
			texts: [version.title, ...(version.changes ? [version.changes] : []), ...blocksOf(version.id)],
		}));
	const published = [JSON.stringify(model.soa), JSON.stringify(model.config)];
	for (const version of analysis.versions) {
		if (!analysis.ceiling.published.has(version.id)) continue;
		const analysed = analysis.analyses.get(version.id);
		published.push(
			version.title,
			version.issuedBy ?? '',
			version.approvedBy ?? '',
			version.owner ?? '',
			analysed?.changes ?? '',
			...blocksOf(version.id),
		);
	}
	return auditCanaries(analysis.ceiling, unpublished, published);
}
