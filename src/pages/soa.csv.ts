import type { APIRoute } from 'astro';
import model from 'virtual:isms-portal/model';
import { soaCsv } from '../lib/soa/export.ts';

/** `/soa.csv`: the SoA in force for auditors, UTF-8 with BOM, column header on row 1. */
export const GET: APIRoute = () =>
	new Response(model.soa.matrix ? soaCsv(model.soa.matrix) : '', {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
