/** `npm run bench` options: which sizes, how many runs, which targets. */
import { parseArgs } from 'node:util';
import type { Kind } from './build.ts';
import { CHECK_DOCUMENTS } from './check.ts';
import type { PlainSidebar } from './plain.ts';
import { PREVIEW_DOCUMENTS } from './preview.ts';

export const TARGETS = ['wall', 'rss', 'check', 'preview'] as const;
export type Target = (typeof TARGETS)[number];

/** The corpus sizes issue 19 states its build targets at. */
export const DEFAULT_SIZES = [400, 1600];

export interface BenchOptions {
	sizes: number[];
	runs: number;
	targets: Target[];
	kinds: Kind[];
	versionsPerDocument: number;
	plainSidebar: PlainSidebar;
	checkDocuments: number;
	previewDocuments: number;
	edits: number;
}

export const USAGE = `usage: npm run bench -- [--sizes 400,1600] [--runs 3] [--targets wall,rss,check,preview]
  [--builds portal,plain] [--versions-per-document 2.5] [--plain-sidebar fixed|auto]
  [--check-documents 1000] [--preview-documents 400] [--edits 5]
  quick: --sizes 400 --runs 1   one target: --targets check   (--documents N is --sizes N)
`;

/** The options, or a message saying what is wrong with them. */
export function parseBenchOptions(args: string[]): BenchOptions | { error: string } {
	let values;
	try {
		({ values } = parseArgs({
			args,
			options: {
				sizes: { type: 'string' },
				documents: { type: 'string' },
				runs: { type: 'string', default: '3' },
				targets: { type: 'string', default: TARGETS.join(',') },
				/** Which builds to run, for profiling one side alone: `portal,plain`, `portal`, `plain`. */
				builds: { type: 'string' },
				'versions-per-document': { type: 'string', default: '2.5' },
				/** Plain site's sidebar: `fixed` (a few links, like the portal's) or `auto` (Starlight's default: every page). */
				'plain-sidebar': { type: 'string', default: 'fixed' },
				'check-documents': { type: 'string', default: String(CHECK_DOCUMENTS) },
				'preview-documents': { type: 'string', default: String(PREVIEW_DOCUMENTS) },
				edits: { type: 'string', default: '5' },
			},
		}));
	} catch (error) {
		return { error: (error as Error).message };
	}
	const list = (text: string) =>
		text
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
	const count = (text: string) => (/^\d+$/.test(text) && Number(text) >= 1 ? Number(text) : Number.NaN);
	const sizes =
		values.sizes !== undefined ? list(values.sizes).map(count) : values.documents !== undefined ? [count(values.documents)] : DEFAULT_SIZES;
	const targets = list(values.targets) as Target[];
	// The wall-time target compares both sides; the memory target alone needs only the portal's builds.
	const kinds = (values.builds !== undefined ? list(values.builds) : targets.includes('wall') ? ['portal', 'plain'] : ['portal']) as Kind[];
	const options: BenchOptions = {
		sizes,
		runs: count(values.runs),
		targets,
		kinds,
		versionsPerDocument: Number(values['versions-per-document']),
		plainSidebar: values['plain-sidebar'] as PlainSidebar,
		checkDocuments: count(values['check-documents']),
		previewDocuments: count(values['preview-documents']),
		edits: count(values.edits),
	};
	if (sizes.length === 0 || sizes.some(Number.isNaN)) return { error: '--sizes: whole numbers of documents, e.g. 400,1600' };
	if (Number.isNaN(options.runs)) return { error: '--runs: a whole number ≥ 1' };
	if (targets.length === 0 || targets.some((t) => !TARGETS.includes(t))) return { error: `--targets: some of ${TARGETS.join(',')}` };
	if (kinds.length === 0 || kinds.some((k) => k !== 'portal' && k !== 'plain')) return { error: '--builds: portal,plain, portal or plain' };
	if (!(options.versionsPerDocument >= 1)) return { error: '--versions-per-document: a number ≥ 1' };
	if (!['fixed', 'auto'].includes(options.plainSidebar)) return { error: '--plain-sidebar: fixed or auto' };
	if ([options.checkDocuments, options.previewDocuments, options.edits].some(Number.isNaN)) {
		return { error: '--check-documents, --preview-documents, --edits: whole numbers ≥ 1' };
	}
	return options;
}
