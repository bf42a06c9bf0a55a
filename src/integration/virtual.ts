import type { Block } from '../lib/blocks.ts';
import type { PortalModel } from '../lib/portal.ts';

const MODULES = {
	/** The resolved model: config, build settings, published documents and versions. */
	model: 'virtual:isms-portal/model',
	/** Text blocks of each published version, for diff pages only (kept out of other pages' bundles). */
	blocks: 'virtual:isms-portal/blocks',
} as const;

/** Serves the build's data to pages and content config, e.g. `import model from 'virtual:isms-portal/model'`. */
export function virtualModules(data: { model: PortalModel; blocks: Record<string, Block[]> }) {
	const sources = new Map<string, string>([
		[`\0${MODULES.model}`, `export default ${JSON.stringify(data.model)};`],
		[`\0${MODULES.blocks}`, `export default ${JSON.stringify(data.blocks)};`],
	]);
	return {
		name: 'isms-portal:virtual-modules',
		resolveId(id: string) {
			return Object.values(MODULES).includes(id as never) ? `\0${id}` : undefined;
		},
		load(id: string) {
			return sources.get(id);
		},
	};
}
