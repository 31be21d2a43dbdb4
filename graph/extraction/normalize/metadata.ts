// Document metadata from the page's own lines: title, publication date, outlet, and the people
// credited (记者, 编辑, 摄). Outlets and credited people also become entities, with their offsets.
import { personNameLength } from '../lexicon/person-names.ts';
import type { Span } from './sentences.ts';

export interface Credit extends Span {
  name: string;
  /** A correspondent (通讯员, 报道组) reports for the page but is not on the outlet's staff. */
  role: 'reporter' | 'correspondent' | 'editor' | 'photographer' | 'author';
}

export interface Outlet extends Span {
  name: string;
}

export interface Metadata {
  title: string;
  /** The line the title was read from (it may also carry the site's name). */
  titleLine: Span | undefined;
  date: string | null;
  source: string | null;
  authors: string[];
  credits: Credit[];
  outlets: Outlet[];
}

const OUTLET_SUFFIX = /(?:网|报|日报|晚报|新闻|客户端|电视台|通讯社|新闻社|杂志|在线|头条|周刊|发布|快报)$/;
// 本报记者, 本网讯: "this paper", "this site" stand for the page's outlet, named elsewhere.
const NOT_OUTLETS = new Set([
  '本站',
  '本站整理',
  '本报',
  '本网',
  '本台',
  '本刊',
  '本社',
  '网络',
  '综合',
  '原创',
  '转载',
  '首页',
  '主页',
  '网站首页',
  '新闻',
  '新闻中心',
]);
// A page's breadcrumb starts with the site's name: 当前位置: 某某资讯网 > 要闻.
const BREADCRUMB = /(?:当前位置|您的位置|您当前的位置|当前的位置)\s*[:：]\s*([^\s>＞]{2,12})\s*[>＞]/g;
// A dispatch: 某某新闻网讯（记者 张三）, the outlet that sends it opening the line.
const DISPATCH = /(?<=^|[\s|｜])(\p{Script=Han}{2,10}?(?:网|报|在线|新闻|客户端|电视台|社))讯/gu;
// An outlet right before its reporter: 某某新闻 记者 张三, 某某在线记者 李四.
const OUTLET_BEFORE_REPORTER = /(?<=^|[\s（(【[|：:])([\p{Script=Han}·]{2,10}?)\s*(?=记者)/gu;
// A dateline: 中新网温州9月26日电, 某某在线3月5日讯.
const DATELINE = /([\p{Script=Han}]{1,8}?(?:网|社|报|在线|新闻|客户端))[\p{Script=Han}]{0,6}\d{1,2}月\d{1,2}日(?:电|讯)/gu;
// A photo credit after the outlet it is for: 某某联盟·某地 王五 摄.
const OUTLET_BEFORE_PHOTOGRAPHER = /(?<=^|[\s。])([\p{Script=Han}·]{2,12})\s+(?=\p{Script=Han}{2,4}\s*摄(?:影)?\s*$)/gu;

/** True when the line before is a headline: short, and no sentence. */
function underHeadline(text: string, previousLine: Span): boolean {
  const previous = text.slice(previousLine.start, previousLine.end);
  return previous.length >= 6 && previous.length <= 30 && !/[。，,；;：:！？]/.test(previous);
}

function pad(n: string): string {
  return n.padStart(2, '0');
}

/** Reads metadata from the analysed text's lines (the first ones hold most of it). */
export function readMetadata(text: string, lines: Span[]): Metadata {
  const credits: Credit[] = [];
  const outlets: Outlet[] = [];
  const addOutlet = (name: string, start: number, suffix = OUTLET_SUFFIX) => {
    name = name.trim();
    if (name.length < 2 || name.length > 12 || NOT_OUTLETS.has(name) || !suffix.test(name)) return;
    outlets.push({ name, start, end: start + name.length });
  };
  // 记者 张三 李四: every name of a role's list, separated by spaces or 、.
  const addCredit = (start: number, role: Credit['role'], end: number) => {
    for (;;) {
      const length = personNameLength(text, start);
      if (length === 0 || start + length > end) return;
      credits.push({ name: text.slice(start, start + length), role, start, end: start + length });
      let next = start + length;
      while (next < end && (text[next] === ' ' || text[next] === '\u3000' || text[next] === '、')) next++;
      const after = next + personNameLength(text, next);
      if (next === start + length || next >= end || (after < end && !/[\s)）、]/.test(text[after]!))) return;
      start = next;
    }
  };

  // The title: the first line long enough to be one (a first line can be just the site's name).
  const first = lines.find((line) => line.end - line.start >= 6) ?? lines[0];
  let title = first ? text.slice(first.start, first.end) : '';
  // "Title-Outlet" or "Title_Outlet": the page title names the site after a dash.
  const siteSuffix = /[-_|–]\s*([^-_|–]{2,12})$/.exec(title);
  if (first && siteSuffix && OUTLET_SUFFIX.test(siteSuffix[1]!.trim())) {
    addOutlet(siteSuffix[1]!, first.start + siteSuffix.index + siteSuffix[0].indexOf(siteSuffix[1]!));
    title = title.slice(0, siteSuffix.index).trim();
  }

  let date: string | null = null;
  for (const [index, line] of lines.entries()) {
    const content = text.slice(line.start, line.end);
    // A line that is just the outlet's name (来源：杭州日报 is read below), maybe after a bar.
    if (index < 3) {
      const bare = content.replace(/^[|｜]\s*/, '');
      if (OUTLET_SUFFIX.test(bare) && bare.length <= 8 && !/[\s:：]/.test(bare)) addOutlet(bare, line.end - bare.length);
    }
    // Each expression below is tried only on lines holding a word it needs: most lines hold none.
    if (content.includes('位置')) {
      for (const m of content.matchAll(BREADCRUMB)) addOutlet(m[1]!, line.start + m.index + m[0].indexOf(m[1]!), /./);
    }
    if (index < 20 && date === null) {
      const d = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/.exec(content);
      if (d) date = `${d[1]}-${pad(d[2]!)}-${pad(d[3]!)}`;
    }
    // 来源：杭州日报, 来源:某某娱乐: whatever a page names as its source is the outlet.
    if (content.includes('源'))
      for (const m of content.matchAll(/来\s*源\s*[:：]\s*([^\s|，,]{2,16})/g))
        addOutlet(m[1]!, line.start + m.index + m[0].length - m[1]!.length, /^\p{Script=Han}/u);
    // Wire-service datelines: 中新网温州9月26日电, 某某在线3月5日讯
    if (content.includes('日电') || content.includes('日讯')) {
      for (const m of content.matchAll(DATELINE)) addOutlet(m[1]!, line.start + m.index, /./);
    }
    if (content.includes('讯')) {
      for (const m of content.matchAll(DISPATCH)) addOutlet(m[1]!, line.start + m.index, /./);
    }
    // 新华社记者, 中央社记者, 某某新闻 记者: the outlet a reporter writes for, named right before 记者.
    if (content.includes('记者')) {
      for (const m of content.matchAll(OUTLET_BEFORE_REPORTER))
        addOutlet(m[1]!, line.start + m.index, /(?:社|网|报|新闻|在线|周刊|客户端|电视台)$/);
    }
    for (const m of content.matchAll(/(记者|通讯员|报道组)\s*[:：]?\s*|(责任编辑|编辑|版式|文|作者|撰稿)\s*[:：/]\s*/g)) {
      const marker = m[1] ?? m[2];
      const role =
        marker === '记者'
          ? 'reporter'
          : marker === '通讯员' || marker === '报道组'
            ? 'correspondent'
            : marker === '文' || marker === '作者' || marker === '撰稿'
              ? 'author'
              : 'editor';
      addCredit(line.start + m.index + m[0].length, role, line.end);
    }
    // Photo credits: "龙港新城掠影 池长峰 摄", and the outlet before one (某某联盟·某地 王五 摄).
    if (content.includes('摄')) {
      for (const m of content.matchAll(/(?<=^|\s)(\p{Script=Han}{2,4})\s*摄(?:影)?\s*(?=$|[/|／])/gu))
        addCredit(line.start + m.index, 'photographer', line.end);
      for (const m of content.matchAll(OUTLET_BEFORE_PHOTOGRAPHER)) if (m[1]!.includes('·')) addOutlet(m[1]!, line.start + m.index, /./);
    }
    // A byline: a line that is just a name, near the top or under a headline (pages that carry
    // several articles credit each under its own headline).
    if (
      index > 0 &&
      content.length >= 2 &&
      content.length <= 4 &&
      (index < 8 || underHeadline(text, lines[index - 1]!)) &&
      personNameLength(content, 0) === content.length
    ) {
      addCredit(line.start, 'author', line.end);
    }
  }

  const source = outlets[0]?.name ?? null;
  const authors = [
    ...new Set(credits.filter((c) => c.role === 'reporter' || c.role === 'correspondent' || c.role === 'author').map((c) => c.name)),
  ];
  return { title, titleLine: first, date, source, authors, credits, outlets };
}
