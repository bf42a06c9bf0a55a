import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Block } from '../lib/blocks.ts';
import type { PortalModel } from '../lib/portal.ts';

const MODULES = {
	/** The resolved model: config, build settings, published documents and versions. */
	model: 'virtual:isms-portal/model',
	/**
	 * Where the text blocks of each published version are, for the versions.json files the diff page
	 * fetches: a JSON file in Astro's cache, read when they are built, so that the bundler never carries
	 * the whole corpus text.
	 */
	blocks: 'virtual:isms-portal/blocks',
} as const;

/** Serves the build's data to pages and content config, e.g. `import model from 'virtual:isms-portal/model'`. */
export function virtualModules(data: { model: PortalModel; blocks: Record<string, Block[]>; blocksFile: string }) {
	mkdirSync(dirname(data.blocksFile), { recursive: true });
	writeFileSync(data.blocksFile, JSON.stringify(data.blocks));
	const sources = new Map<string, string>([
		[`\0${MODULES.model}`, `export default ${JSON.stringify(data.model)};`],
		[`\0${MODULES.blocks}`, `export default ${JSON.stringify(data.blocksFile)};`],
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
