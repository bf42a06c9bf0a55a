import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import model from 'virtual:isms-portal/model';
import { documentFrontmatterSchema } from './lib/schema.ts';

/** Only the versions this build publishes (drafts and documents above the ceiling stay out). */
const published = model.documents.flatMap((doc) => doc.versions.map((v) => `${v.docNo}/${v.version}.mdx`));

export const collections = {
	/** The portal's own pages (home, help), maintained with the code. */
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	/** Traditional Chinese for the few Starlight strings its zh-TW locale leaves in English. */
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
	/** Controlled documents: content/documents/<DOCNO>/<VERSION>.mdx (AUTHORING.md). */
	documents: defineCollection({
		loader: glob({
			base: `./${model.settings.documentsDir}`,
			pattern: published.length > 0 ? published : '__none__',
			generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
		}),
		schema: documentFrontmatterSchema({ docNoPattern: model.config.docNoPattern }),
	}),
};
