// Official divisions: where their names end, and registered names that are also ordinary words.

// Registered names that are also ordinary words (阳泉市城区, 苏州工业园区).
export const GENERIC_DIVISION_NAMES = new Set([
  '城区',
  '郊区',
  '矿区',
  '市区',
  '新区',
  '街道',
  '开发区',
  '工业园区',
  '高新区',
  '经济开发区',
]);
// The last characters of division and village names.
export const DIVISION_END_CHARS = '省市区县镇乡道旗盟州';
export const VILLAGE_END_CHARS = '村区';
// A zone named after the division before it (温州高新区).
export const ZONE = /^(?:高新技术产业开发区|经济技术开发区|经济开发区|高新区|开发区|经开区|新区|产业集聚区)/;
// Township units dropped in a short form (闻堰 for 闻堰街道).
export const TOWNSHIP_UNIT = /(?:街道|镇|乡)$/;
// Numbered names (第二社区) are usually the tail of a longer one.
export const NUMBERED_NAME = /^[第\d一二三四五六七八九十]/;
