import { describe, expect, it } from 'vitest';
import { MODEL, PREVIEW, updateLive, virtualModules } from '../../src/integration/virtual.ts';
import type { PortalModel } from '../../src/lib/documents/portal.ts';
import { NO_PREVIEW, type Preview } from '../../src/lib/site/preview.ts';

const model = (title: string) => ({ config: { siteTitle: title }, documents: [], backlinks: {} }) as unknown as PortalModel;
const load = (plugin: ReturnType<typeof virtualModules>, id: string) => plugin.load.handler(plugin.resolveId.handler(id)!);

describe('virtual modules: the model and the preview for pages', () => {
	it('resolves only the portal ids', () => {
		const plugin = virtualModules(() => ({ model: model('a'), preview: NO_PREVIEW }));
		expect(plugin.resolveId.handler(MODEL)).toBe(`\0${MODEL}`);
		expect(plugin.resolveId.handler(PREVIEW)).toBe(`\0${PREVIEW}`);
		expect(plugin.resolveId.handler('virtual:isms-portal/other')).toBeUndefined();
	});

	it('inlines them as JSON in a build, as they are when Vite loads them', () => {
		let current = model('第一');
		const plugin = virtualModules(() => ({ model: current, preview: NO_PREVIEW }));
		expect(load(plugin, MODEL)).toBe(`export default ${JSON.stringify(current)};`);
		current = model('第二');
		expect(load(plugin, MODEL)).toContain('第二');
		expect(load(plugin, PREVIEW)).toBe('export default {"enabled":false,"byFile":{},"byDocument":{},"blocked":[]};');
	});

	it('serves live objects in astro dev, updated in place (a page holding the object reads the new state)', async () => {
		const preview: Preview = { enabled: true, byFile: {}, byDocument: {}, blocked: [] };
		const plugin = virtualModules(() => ({ model: model('舊'), preview }), true);
		const source = load(plugin, MODEL)!;
		expect(source).not.toContain('舊');
		const served = (await import(`data:text/javascript,${encodeURIComponent(source)}`)).default as PortalModel;
		expect(served.config.siteTitle).toBe('舊');
		updateLive({ model: { ...model('新'), synonyms: [['a', 'b']] } as PortalModel, preview: { ...preview, blocked: ['ISMS-M-001/1.0'] } });
		expect(served.config.siteTitle).toBe('新');
		expect(served.synonyms).toEqual([['a', 'b']]);
		updateLive({ model: model('再新'), preview });
		// A key the new model does not have is gone, as in a build.
		expect('synonyms' in served).toBe(false);
		const livePreview = (await import(`data:text/javascript,${encodeURIComponent(load(plugin, PREVIEW)!)}`)).default as Preview;
		expect(livePreview.enabled).toBe(true);
	});
});
