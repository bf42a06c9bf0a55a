import type { APIRoute } from 'astro';
import model from 'virtual:isms-portal/model';
import preview from 'virtual:isms-portal/preview';
import { docSlug } from '../../../../lib/site/urls.ts';
import { readAttachments } from '../../../../node/attachments.ts';

/**
 * `/documents/<docno>/v<version>/<file>`: the files a published version offers for download
 * (`attachments`), byte for byte. Only versions in the model (published, within the ceiling) have any.
 * `npm run dev` leaves out a version with errors (a missing attachment among them; its page lists them).
 */
export function getStaticPaths() {
	return model.documents.flatMap((document) =>
		document.versions
			.filter((version) => !preview.blocked.includes(version.id))
			.flatMap((version) =>
				readAttachments(process.cwd(), model.settings.base, version).map((file) => ({
					params: { docno: docSlug(document.docNo), version: version.version, attachment: file.name },
					props: { bytes: file.bytes },
				})),
			),
	);
}

export const GET: APIRoute = ({ props }) => new Response(new Uint8Array((props as { bytes: Buffer }).bytes));
