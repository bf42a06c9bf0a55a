import type { APIRoute } from 'astro';
import model from 'virtual:isms-portal/model';
import { soaHeading } from '../lib/soa-view.ts';
import { soaCsv } from '../lib/soa-export.ts';

/** `/soa.csv`: the SoA matrix for auditors, UTF-8 with BOM. */
export const GET: APIRoute = () =>
	new Response(model.soa.matrix ? soaCsv(model.soa.matrix, soaHeading(model)) : '', {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
