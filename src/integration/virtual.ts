import type { PortalModel } from '../lib/documents/portal.ts';

/** The resolved model: config, build settings, published documents and versions. */
const MODEL = 'virtual:isms-portal/model';

/** Serves the build's model to pages and content config: `import model from 'virtual:isms-portal/model'`. */
export function virtualModules(data: { model: PortalModel }) {
	const source = `export default ${JSON.stringify(data.model)};`;
	return {
		name: 'isms-portal:virtual-modules',
		resolveId: {
			filter: { id: /^virtual:isms-portal\// },
			handler(id: string) {
				return id === MODEL ? `\0${MODEL}` : undefined;
			},
		},
		load: {
			filter: { id: /^\0virtual:isms-portal\// },
			handler(id: string) {
				return id === `\0${MODEL}` ? source : undefined;
			},
		},
	};
}
