import { unified as astroUnified } from '@astrojs/markdown-remark';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { EventEmitter } from 'node:events';
import { appendFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ViteDevServer } from 'vite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { portal } from '../../astro.config.mjs';
import { previewFor, servePreview, type PortalState } from '../../src/integration/dev.ts';
import { documentRendering } from '../../src/integration/documents/rendering.ts';
import { liveDocuments } from '../../src/integration/documents/source.ts';
import { setupMarkdown } from '../../src/integration/markdown/index.ts';
import { analyse, readSetup, type Snapshot } from '../../src/integration/setup.ts';
import { createAnalysisCache } from '../../src/node/analysis-cache.ts';
import { PROJECT_ROOT } from '../unit/_helpers.ts';

/**
 * The dev server's handling of saves (src/integration/dev.ts), with a stand-in for Vite's server whose
 * watcher events the test sends itself.
 */
const DIR = 'test/.tmp/integration-dev';
rmSync(join(PROJECT_ROOT, DIR), { recursive: true, force: true });
mkdirSync(join(PROJECT_ROOT, DIR), { recursive: true });
cpSync(join(PROJECT_ROOT, 'test/fixtures/corpus-dev'), join(PROJECT_ROOT, DIR, 'documents'), { recursive: true });
afterAll(() => rmSync(join(PROJECT_ROOT, DIR), { recursive: true, force: true }));

const setup = readSetup(portal, { root: pathToFileURL(`${PROJECT_ROOT}/`), base: '/' }, 'dev', {
	PORTAL_DOCUMENTS_DIR: `${DIR}/documents`,
	PORTAL_SOA_FILE: 'test/fixtures/soa/basic.yaml',
	PORTAL_TODAY: '2025-01-15',
});
const processor = setupMarkdown({ processor: astroUnified() } as unknown as AstroConfig['markdown'], setup);

function devServer() {
	const watcher = Object.assign(new EventEmitter(), { add: () => undefined });
	const server = {
		watcher,
		middlewares: { use: () => undefined },
		environments: { client: { hot: { send: () => undefined } } },
		config: { root: PROJECT_ROOT },
	};
	return { server: server as unknown as ViteDevServer, watcher };
}

describe('astro dev: saves', () => {
	it('a second save the watcher dropped (two writes within its 50 ms change throttle) is analysed too', async () => {
		const cache = createAnalysisCache();
		const snapshot = analyse(setup, cache);
		const state: PortalState = { snapshot, preview: previewFor(setup, snapshot), cache };
		const renderingOf = (current: Snapshot) =>
			documentRendering({ root: setup.root, base: '/', snapshot: current, processor, keep: true, blocked: new Set() });
		const file = join(PROJECT_ROOT, DIR, 'documents/ISMS-P-003/1.0.mdx');
		let analyses = 0;
		const info = (line: string) => {
			if (!line.startsWith('已重新分析')) return;
			// The second save lands right after the first analysis read the file; the watcher reports nothing of it.
			if (++analyses === 1) appendFileSync(file, '\n第二次存檔的內容。\n');
		};
		const logger = { info, warn: () => undefined, error: () => undefined } as unknown as AstroIntegrationLogger;
		const { server, watcher } = devServer();
		servePreview(server, setup, state, { live: liveDocuments(renderingOf(snapshot)), renderingOf }, logger);

		appendFileSync(file, '\n第一次存檔的內容。\n');
		watcher.emit('change', file);
		const body = () => state.snapshot.versions.find((version) => version.id === 'ISMS-P-003/1.0')?.body ?? '';
		await vi.waitFor(() => expect(body()).toContain('第一次存檔'), { timeout: 30_000, interval: 20 });
		await vi.waitFor(() => expect(body()).toContain('第二次存檔'), { timeout: 30_000, interval: 20 });
		expect(analyses).toBe(2);
	});
});
