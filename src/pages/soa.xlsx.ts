import type { APIRoute } from 'astro';
import model from 'virtual:isms-portal/model';
import { soaHeading } from '../lib/soa-view.ts';
import { soaWorkbook } from '../lib/soa-xlsx.ts';

/** `/soa.xlsx`: the SoA matrix for auditors as an Excel workbook. */
export const GET: APIRoute = async () =>
	new Response(model.soa.matrix ? await soaWorkbook(model.soa.matrix, soaHeading(model)) : new ArrayBuffer(0), {
		headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
	});
