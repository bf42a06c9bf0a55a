import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { documentsLoader } from './integration/documents/loader.ts';

/**
 * Starlight's docs schema, built once. Every portal page is a <StarlightPage>, which validates its
 * props against this collection's schema and, when the schema is given as a function, builds all of
 * it again for every page it renders (about half a millisecond each, thousands of pages). The
 * portal's own pages use no frontmatter images (hero images), so an image is accepted only as
 * already-imported metadata, the form <StarlightPage> itself accepts.
 */
const starlightDocsSchema = docsSchema()({
	image: () =>
		z.object({
			src: z.string(),
			width: z.number(),
			height: z.number(),
			format: z.union([
				z.literal('png'),
				z.literal('jpg'),
				z.literal('jpeg'),
				z.literal('tiff'),
				z.literal('webp'),
				z.literal('gif'),
				z.literal('svg'),
				z.literal('avif'),
				z.literal('apng'),
			]),
		}),
});

export const collections = {
	/** The portal's own pages (home, help), maintained with the code. */
	docs: defineCollection({ loader: docsLoader(), schema: starlightDocsSchema }),
	/** Traditional Chinese for the few Starlight strings its zh-TW locale leaves in English. */
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
	/**
	 * Controlled documents: the versions this build publishes (drafts and documents above the ceiling
	 * stay out), their bodies rendered as HTML from the tree the analysis parsed (no module per
	 * document). Frontmatter was validated by the analysis; an entry is its number and version.
	 */
	documents: defineCollection({
		loader: documentsLoader(),
		schema: z.object({ docNo: z.string(), version: z.string() }),
	}),
};
