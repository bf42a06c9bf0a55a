/**
 * Words that shape a question but name nothing a page is about: 「備份多久一次」 is about 備份,
 * 「隨身碟可以用嗎」 about 隨身碟. A query's particles and question words do not have to occur in a
 * result (they still count for the exact-phrase band when the page has the query as written).
 */
export const PARTICLES: ReadonlySet<string> = new Set([
	// question words
	'怎麼', '怎麼辦', '怎麼做', '怎樣', '如何', '多久', '多少', '多長', '幾', '幾次', '幾天', '幾年', '是否', '可否', '能否',
	'能不能', '可不可以', '要不要', '有沒有', '有無', '什麼', '甚麼', '哪些', '哪裡', '哪個', '哪', '誰', '為何', '為什麼', '何時',
	'多久一次', '一次', '是誰', '是什麼', '什麼時候', '會怎樣', '怎麼樣', '幾年', '幾個月', '幾小時', '幾分鐘', '請問', '想問', '問',
	// particles, modal and linking words
	'嗎', '呢', '吧', '啊', '呀', '喔', '的', '之', '了', '著', '是', '在', '有', '與', '及', '和', '或', '跟', '並', '對',
	'要', '需要', '須', '需', '應', '應該', '該', '得', '可以', '可', '能', '會', '讓', '把', '被', '給', '用', '做', '辦',
	'我', '我們', '你', '您', '自己', '一下', '一定', '還', '也', '都', '就', '才', '又', '再',
]);

export function isParticle(word: string): boolean {
	return PARTICLES.has(word);
}

/**
 * What a question word asks for, in the words the documents answer with: 「備份多久一次」 is answered by a
 * 頻率 or 週期, 「要上幾小時」 by 時數. They are optional terms: they only order pages that have the rest.
 */
export const ANSWER_HINTS: Readonly<Record<string, readonly string[]>> = {
	多久: ['期限', '期間', '週期', '頻率', '年限'],
	多長: ['期限', '期間', '長度'],
	多久一次: ['週期', '頻率', '每年', '每月'],
	幾年: ['年限', '保存期限'],
	幾個月: ['個月', '期限'],
	幾天: ['日內', '工作日'],
	幾小時: ['時數', '小時'],
	幾次: ['次數'],
	是誰: ['權責', '負責'],
	誰: ['權責', '負責'],
	何時: ['時機', '期限'],
	什麼時候: ['時機', '期限'],
};
