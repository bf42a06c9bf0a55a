import type { BuildSettings } from '../lib/site/settings.ts';
import type { PortalConfig } from '../schemas/config.ts';
import { publishAnalysis, type BuildOutput } from '../lib/documents/portal.ts';
import type { AnalysisOptions } from '../lib/documents/analysis.ts';
import { analyzeCorpus } from './analyze.ts';

/** Reads and analyses the corpus once (analyze.ts), then builds the published model from it (pure). */
export function buildPortal(root: string, config: PortalConfig, settings: BuildSettings, options: AnalysisOptions = {}): BuildOutput {
	return publishAnalysis(analyzeCorpus(root, config, settings, options), config, settings);
}
