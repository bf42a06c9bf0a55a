import type { APIRoute, GetStaticPaths } from 'astro';
import model from 'virtual:isms-portal/model';
import { soaCsv } from '../../../lib/soa/export.ts';
import type { SoaVersionModel } from '../../../lib/soa/model.ts';
import { soaHeading } from '../../../lib/soa/view.ts';
import { soaSheets } from '../../../lib/soa/workbook.ts';
import { writeXlsx } from '../../../node/xlsx.ts';

/** `/soa/v<version>/soa-v<version>.csv` and `.xlsx`: the exports of every SoA version. */
export const getStaticPaths = (() =>
	model.soa.versions.flatMap((version) =>
		(['csv', 'xlsx'] as const).map((extension) => ({
			params: { version: version.meta.version, file: `soa-v${version.meta.version}.${extension}` },
			props: { version, extension },
		})),
	)) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { version, extension } = props as { version: SoaVersionModel; extension: 'csv' | 'xlsx' };
	if (extension === 'csv') return new Response(soaCsv(version.matrix), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
	return new Response(
		writeXlsx(soaSheets(version.matrix, soaHeading(model, version)), { creator: model.config.organization, created: model.settings.today }),
		{
			headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
		},
	);
};
