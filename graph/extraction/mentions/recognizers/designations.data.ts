// A verb of selection, an optional batch (首批, 第一批) and the designation up to the clause's end.
// 是 only before a scope or a grade (某村是三星级森林乡村, 是全省首批…).
export const DESIGNATION =
  /(入选|列入|被列为|列为|获评|被评为|评为|命名为|认定为|确定为|获批|创成|荣获|中榜|成为|获|是(?=全国|全省|全市|国家级|省级|市级|县级|首批|第[一二三四五六七八九十\d]+批|[一二三四五\d]星级))(?:了)?(?:首批|第[一二三四五六七八九十\d]+批)?([\p{Script=Han}A-Za-z0-9·“”"]+?)(?=[，,。；;：:、！？（(]|并|和|$)/gu;
// After a bare 获 (获得 money, 获 praise…) only prizes count.
export const BARE_AWARD_HEADS = ['奖', '激励', '称号'];
// 获评“岭底山珍”等7家三星共富工坊: what comes before 等 was selected; the designation follows.
export const COUNTED_SELECTION = /等(?:\d+|[一二三四五六七八九十两]+)?[个家项批所]?/u;
// The level a designation opens with (省级试点 is a 试点 at a level).
export const DESIGNATION_LEVEL = /^(?:国家级|省级|市级|县级|区级|全国|全省|全市|国家|省|市)/;
// A verb of issuing and its objects up to the clause's end (《》 titles are read on their own).
export const ISSUED_OBJECTS =
  /(?:印发|出台|制定|编制|下发|颁布)(?:了|实施)?([\p{Script=Han}A-Za-z0-9·“”"‘’+\-、]+?)(?=[，,。；;：:！？（(《]|$)/gu;
