// 《…》 spans, and the titles in them that name a newspaper rather than a document.
export const BOOK_TITLE = /《([^《》]{2,60})》/g;
// 《浙江日报》 is a newspaper, an organization; other titles are documents.
export const NEWSPAPER_TITLE = /(?:日报|晚报|时报|周报|报)$/;
// 《某某》新闻周刊: a title followed by the kind of periodical names the periodical.
export const PERIODICAL_AFTER = /^(?:新闻周刊|周刊|杂志|月刊|半月刊|画报)/;
