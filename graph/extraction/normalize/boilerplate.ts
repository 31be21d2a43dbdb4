// Page furniture that is not part of the report: navigation, share buttons, copyright and ICP
// lines, editor credits, "如果您觉得本站好…". Such lines are left out of relation extraction but
// still read for metadata (editors and outlets are named there).
import { WordTable } from '../text/word-table.ts';

const BOILERPLATE = [
  '设为首页',
  '加入收藏',
  '当前位置',
  '责任编辑',
  '版式',
  '字号',
  '分享到',
  '打印本页',
  '关闭窗口',
  '版权所有',
  '版权声明',
  'Copyright',
  '©',
  'ICP备',
  'ICP证',
  '公网安备',
  '举报电话',
  '举报邮箱',
  '如果您觉得本站',
  '扫一扫',
  '微信公众号',
  '上一篇',
  '下一篇',
  '返回顶部',
  '网站介绍',
  '联系我们',
  '广告服务',
  '参与互动',
  '纠错',
  '【编辑',
  '编辑:',
  '编辑：',
  '来源:',
  '来源：',
  '来 源',
  '时 间',
  '浏览次数',
  '点击数',
  '相关新闻',
  '相关阅读',
  '推荐阅读',
  '免责声明',
  '未经授权',
  '关注我们',
  'All Rights Reserved',
];

// The markers by first character: one pass over a line finds any of them, where a search per
// marker would read the line once for each.
const MARKERS = new WordTable(BOILERPLATE);

function holdsMarker(line: string): boolean {
  for (let at = 0; at < line.length; at++) if (MARKERS.longestAt(line, at, line.length)) return true;
  return false;
}

/** True for a line (trimmed) that belongs to the page around the report rather than the report. */
export function isBoilerplateLine(line: string): boolean {
  if (line.length === 0) return false;
  if (holdsMarker(line)) return true;
  // Navigation bars: several short items separated by | or │.
  if ((line.match(/[|│]/g)?.length ?? 0) >= 2 && line.length < 120) return true;
  // Bullet-only navigation items and page-number markers such as "5—8版".
  if (/^[•·●▪■]/.test(line) && line.length <= 12) return true;
  if (/^\d+[—–-]\d+版$|^第?\d+版$/.test(line)) return true;
  return false;
}
