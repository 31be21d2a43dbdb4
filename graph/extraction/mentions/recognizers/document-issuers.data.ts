// The central bodies of the Chinese state and party, which head the titles of the documents they
// issue without any suffix to tell them by (《中共中央 国务院关于…的意见》). General vocabulary
// of administrative writing, not names of any report.
export const CENTRAL_BODIES = [
  '中共中央',
  '国务院',
  '中央办公厅',
  '国务院办公厅',
  '中共中央办公厅',
  '全国人大常委会',
  '全国人民代表大会常务委员会',
  '全国人大',
  '全国政协',
  '中央军委',
  '最高人民法院',
  '最高人民检察院',
  '中央纪委',
  '中央组织部',
  '中央宣传部',
  '中央统战部',
  '中央财经委员会',
];
// A document's title names its issuers before this word (《某省人民政府办公厅关于…的通知》).
export const ISSUERS_END = '关于';
