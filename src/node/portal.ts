import type { BuildSettings } from '../lib/site/settings.ts';
import type { PortalConfig } from '../schemas/config.ts';
import { publishAnalysis, type BuildOutput } from '../lib/documents/portal.ts';
import { analyzeCorpus, type AnalyzeOptions } from './analyze.ts';

/**
 * Reads and analyses the corpus once (analyze.ts), then builds the published model from it (pure).
 * `cache`: what the dev server's previous analysis may lend this one.
 */
export function buildPortal(root: string, config: PortalConfig, settings: BuildSettings, options: AnalyzeOptions = {}): BuildOutput {
	return publishAnalysis(analyzeCorpus(root, config, settings, options), config, settings);
}
