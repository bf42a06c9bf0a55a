import type { APIRoute } from 'astro';
import model from 'virtual:isms-portal/model';
import { soaHeading } from '../lib/soa/view.ts';
import { soaSheets } from '../lib/soa/workbook.ts';
import { writeXlsx } from '../node/xlsx.ts';

/** `/soa.xlsx`: the SoA in force for auditors as an Excel workbook. */
export const GET: APIRoute = () =>
	new Response(
		model.soa.matrix
			? writeXlsx(soaSheets(model.soa.matrix, soaHeading(model)), { creator: model.config.organization, created: model.settings.today })
			: new Uint8Array(0),
		{
			headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
		},
	);
