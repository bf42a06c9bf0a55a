import type { APIRoute } from 'astro';
import model from 'virtual:isms-portal/model';
import { searchData } from '../../lib/search/data.ts';

/** `/search/data.json`: synonyms and titles for the search UI (src/lib/search/data.ts). */
export const GET: APIRoute = () =>
	new Response(JSON.stringify(searchData(model)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
