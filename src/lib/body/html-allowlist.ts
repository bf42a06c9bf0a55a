/**
 * What a document body may contain besides Markdown: the HTML tags and attributes that cannot run
 * code, load anything from elsewhere or pass for the portal's own page furniture, and the URLs that
 * links and images may use. Everything not listed is refused by the checker (src/lib/body/mdx-rules.ts).
 */

/** Attributes every allowed tag may carry. No `id`/`name` (they can clobber the page's scripts), no `class`/`data-*` (they can pass for portal notices or steer the search index). */
const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir'] as const;

/** Allowed tags (lower case) and the attributes each may carry besides the global ones. */
export const ALLOWED_TAGS: Readonly<Record<string, readonly string[]>> = {
	// Tables, including merged cells.
	table: [],
	caption: [],
	colgroup: ['span'],
	col: ['span'],
	thead: [],
	tbody: [],
	tfoot: [],
	tr: [],
	th: ['colspan', 'rowspan', 'scope', 'headers', 'abbr'],
	td: ['colspan', 'rowspan', 'headers'],
	// Text.
	p: [],
	br: [],
	wbr: [],
	hr: [],
	span: [],
	div: [],
	b: [],
	i: [],
	strong: [],
	em: [],
	small: [],
	sup: [],
	sub: [],
	u: [],
	s: [],
	del: ['datetime'],
	ins: ['datetime'],
	mark: [],
	abbr: [],
	dfn: [],
	kbd: [],
	samp: [],
	var: [],
	code: [],
	pre: [],
	q: [],
	cite: [],
	time: ['datetime'],
	bdi: [],
	bdo: [],
	ruby: [],
	rt: [],
	rp: [],
	blockquote: [],
	// Lists.
	ul: [],
	ol: ['start', 'reversed', 'type'],
	li: ['value'],
	dl: [],
	dt: [],
	dd: [],
	// Links, images, figures, folding.
	a: ['href'],
	img: ['src', 'alt', 'width', 'height'],
	figure: [],
	figcaption: [],
	details: ['open'],
	summary: [],
};

/** Tags refused with a reason of their own: what they would do. */
export const DANGEROUS_TAGS: Readonly<Record<string, string>> = {
	script: '會執行程式碼',
	style: '會改變整個頁面的樣式',
	iframe: '會嵌入其他網頁',
	frame: '會嵌入其他網頁',
	frameset: '會嵌入其他網頁',
	object: '會嵌入外掛程式或其他內容',
	embed: '會嵌入外掛程式或其他內容',
	applet: '會嵌入外掛程式',
	form: '會送出資料',
	input: '會建立表單欄位',
	button: '會建立按鈕',
	textarea: '會建立表單欄位',
	select: '會建立表單欄位',
	base: '會改變頁面上所有連結的位址',
	meta: '會改變頁面的設定或自動轉址',
	link: '會載入其他檔案',
	svg: '可能含有程式碼',
	math: '可能含有程式碼',
	template: '會隱藏內容',
	noscript: '會依瀏覽器設定隱藏內容',
	audio: '會載入媒體檔',
	video: '會載入媒體檔',
	source: '會載入媒體檔',
	track: '會載入媒體檔',
	portal: '會嵌入其他網頁',
	fencedframe: '會嵌入其他網頁',
};

export function allowedAttributes(tag: string): readonly string[] {
	return [...GLOBAL_ATTRIBUTES, ...(ALLOWED_TAGS[tag] ?? [])];
}

/** URL schemes a link may use; anything else (javascript:, data:, vbscript:, file: …) is refused. */
export const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

/** Image files a body may show: raster formats only (an SVG opened on its own can run script). */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif'] as const;

/**
 * A URL as a browser reads it: leading and trailing controls and spaces dropped, tabs and line
 * breaks removed anywhere (`java\tscript:` is `javascript:`), so the scheme seen here is the one
 * that would run.
 */
function normalizeUrl(url: string): string {
	return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

function schemeOf(url: string): string | undefined {
	return /^([a-z][a-z0-9+.-]*):/i.exec(normalizeUrl(url))?.[1]?.toLowerCase();
}

/** Why a link target is refused, or undefined when it is allowed (http(s), mailto:, tel:, relative, #fragment). */
export function linkUrlFault(url: string): string | undefined {
	const scheme = schemeOf(url);
	if (scheme === undefined || (ALLOWED_SCHEMES as readonly string[]).includes(scheme)) return undefined;
	return `連結網址「${shown(url)}」不允許：${scheme === 'javascript' || scheme === 'vbscript' ? '它會執行程式碼。' : ''}連結只能使用 http、https、mailto、tel，或站內網址（如 /documents/isms-p-005/、#sec-1-1）`;
}

/**
 * Why an image source is refused, or undefined when it is allowed: a raster image file in the
 * document's own folder or below it (`./圖1.png`, `圖/流程.jpg`), or a path on this site (`/圖/a.png`).
 * Nothing from another site (the portal loads nothing from elsewhere), no `..`, `?` or `#`: Astro
 * imports a relative image as a module, and a query such as `?raw` would import any file instead.
 */
export function imageUrlFault(url: string): string | undefined {
	const clean = normalizeUrl(url);
	const advice = '圖片請放在本文件的資料夾內，以相對路徑引用，例如 ./圖1.png（可用 png、jpg、jpeg、gif、webp、avif）';
	if (schemeOf(clean) !== undefined || /^[/\\]{2}/.test(clean))
		return `圖片來源「${shown(url)}」不允許：入口網不從其他網站或網址載入內容。${advice}`;
	if (/[?#]/.test(clean) || /(^|[/\\])\.\.([/\\]|$)/.test(clean) || clean.includes('\\'))
		return `圖片路徑「${shown(url)}」不允許：路徑不得含有 ..、?、# 或反斜線。${advice}`;
	const extension = /\.([a-z0-9]+)$/i.exec(clean)?.[1]?.toLowerCase();
	if (!extension || !(IMAGE_EXTENSIONS as readonly string[]).includes(extension))
		return `圖片「${shown(url)}」不是允許的圖檔類型。${advice}`;
	return undefined;
}

/** A value as it may be shown in a one-line message: control characters made visible, long values cut. */
export function shown(value: string, max = 60): string {
	const visible = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return visible.length > max ? `${visible.slice(0, max)}…` : visible;
}
