import type { PortalModel } from '../lib/portal.ts';

const MODEL_ID = 'virtual:isms-portal/model';

/** Serves the resolved model to pages and content config: `import model from 'virtual:isms-portal/model'`. */
export function virtualModules(model: PortalModel) {
	const resolved = `\0${MODEL_ID}`;
	return {
		name: 'isms-portal:virtual-modules',
		resolveId(id: string) {
			return id === MODEL_ID ? resolved : undefined;
		},
		load(id: string) {
			return id === resolved ? `export default ${JSON.stringify(model)};` : undefined;
		},
	};
}
