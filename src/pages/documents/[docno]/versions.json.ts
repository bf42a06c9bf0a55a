import type { APIRoute, GetStaticPaths } from 'astro';
import blocksFile from 'virtual:isms-portal/blocks';
import model from 'virtual:isms-portal/model';
import { readBlocks } from '../../../lib/blocks.ts';
import { diffableDocuments, versionsFile } from '../../../lib/diff-data.ts';
import type { PublishedDocument } from '../../../lib/portal.ts';
import { docSlug } from '../../../lib/urls.ts';

/**
 * `/documents/<docno>/versions.json`: every published version of a document with its text blocks,
 * newest first, for the diff page (`/diff/`), which compares them in the browser. Only documents
 * with two published versions or more; the model holds nothing above the publication ceiling.
 */
export const getStaticPaths = (() =>
	diffableDocuments(model.documents).map((document) => ({
		params: { docno: docSlug(document.docNo) },
		props: { document },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: PublishedDocument }> = ({ props }) =>
	new Response(JSON.stringify(versionsFile(props.document, readBlocks(blocksFile))), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
