// Cues of a personal name: a post or role before it, a post or a speech verb after it, an age,
// a term of address.
export const TERMS_OF_ADDRESS = ['大爷', '大妈', '大伯', '大叔', '大姐', '阿姨', '奶奶', '爷爷', '阿婆', '老伯'];
export const SURNAME_AND_TERM_OF_ADDRESS = new RegExp(
  `(?<=老人|村民|居民|[\\s，,。：:“"、])(\\p{Script=Han})(${TERMS_OF_ADDRESS.join('|')})`,
  'gu',
);
export const POSTS_AFTER_NAME = ['总书记', '书记', '省长', '市长', '区长', '县长', '镇长', '主任', '局长', '部长', '厅长'];
export const NAME_BEFORE_POST = new RegExp(
  `(?<=^|[\\s，,。：:“”"、（(获由请向经据让与和对给被是])(?!是)(\\p{Script=Han}{2,4}?)(?=${POSTS_AFTER_NAME.join('|')})`,
  'gu',
);
export const SPEECH_VERBS = ['说', '表示', '介绍', '告诉记者', '坦言'];
export const NAME_BEFORE_SPEECH = new RegExp(`(?<=^|[\\s，,。：:“”"、（(])(\\p{Script=Han}{2,4}?)(?=${SPEECH_VERBS.join('|')})`, 'gu');
// 80岁老人杨兰香: a name after an age.
export const AGE_BEFORE_NAME = /\d+岁(?:的)?(?:老人|居民|村民|老党员|独居老人|老兵)?/g;
