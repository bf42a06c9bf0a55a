import type { DevEnvironment, EnvironmentModuleNode, ViteDevServer } from 'vite';

/**
 * Invalidation in Vite's dev server as Astro does it for server-only modules (astro/dist/vite-plugin-hmr-reload):
 * the module and, through Vite, every module that imports it, both in the environment's module graph
 * (transformed again) and in its module runner (evaluated again), in every server environment. The browser
 * environment is left alone: no page script imports the portal's model.
 */
function invalidate(server: ViteDevServer, find: (environment: DevEnvironment) => Iterable<EnvironmentModuleNode>): void {
	const timestamp = Date.now();
	for (const [name, environment] of Object.entries(server.environments)) {
		if (name === 'client') continue;
		const seen = new Set<EnvironmentModuleNode>();
		for (const module of find(environment)) environment.moduleGraph.invalidateModule(module, seen, timestamp, true);
		const runner = (environment as DevEnvironment & { runner?: { evaluatedModules: RunnerModules } }).runner;
		if (!runner) continue;
		for (const module of seen) {
			const evaluated = module.id ? runner.evaluatedModules.getModuleById(module.id) : undefined;
			if (evaluated) runner.evaluatedModules.invalidateModule(evaluated);
		}
	}
}

interface RunnerModules {
	getModuleById(id: string): unknown;
	invalidateModule(node: unknown): void;
}

/**
 * The files of the routes with a `getStaticPaths` (Astro lists a route's pages once per evaluation of its
 * module): every page module of `src/pages/` the server has loaded.
 */
export function routeFiles(server: ViteDevServer): string[] {
	const pages = `${server.config.root.replace(/\/$/, '')}/src/pages/`;
	const files = new Set<string>();
	for (const [name, environment] of Object.entries(server.environments)) {
		if (name === 'client') continue;
		for (const file of environment.moduleGraph.fileToModulesMap.keys()) if (file.startsWith(pages)) files.add(file);
	}
	return [...files];
}

/** Every module compiled from these files (absolute paths): a document body, whatever its query. */
export function invalidateFiles(server: ViteDevServer, files: readonly string[]): void {
	if (files.length === 0) return;
	invalidate(server, (environment) => files.flatMap((file) => [...(environment.moduleGraph.getModulesByFile(file) ?? [])]));
}

/** Open pages reload (Vite's client), showing the new state. */
export function reloadBrowsers(server: ViteDevServer): void {
	server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}
