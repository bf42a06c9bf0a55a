import type { Root } from 'mdast';
import { bodyFaults, type BodyFault } from '../lib/body/mdx-rules.ts';

export interface RemarkNoCodeOptions {
	/** Whether a file is a controlled document (the rules apply to documents only, not to help pages). */
	include: (path: string | undefined) => boolean;
	/** Called with the findings in one file; the build stops there (it does not return). */
	report: (path: string, faults: BodyFault[]) => void;
}

/**
 * The checker's rules (src/lib/body/mdx-rules.ts) again, on the tree the MDX compiler itself parsed, before
 * it turns the body into JavaScript. `npm run check` and the start of the build read bodies with
 * Sätteri; this pass makes sure that nothing the compiler reads differently (an `import`, an
 * expression, a tag) gets compiled, let alone run. Registered first among the remark plugins.
 */
export function remarkNoCode(options: RemarkNoCodeOptions) {
	return (tree: Root, file: { path?: string }) => {
		if (!options.include(file.path)) return;
		const faults = bodyFaults(tree);
		if (faults.length > 0) options.report(file.path!, faults);
	};
}
