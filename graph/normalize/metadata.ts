// Document metadata from the page's own lines: title, publication date, outlet, and the people
// credited (记者, 编辑, 摄). Outlets and credited people also become entities, with their offsets.
import { personNameLength } from '../lexicon/person-names.ts';
import type { Span } from './sentences.ts';

export interface Credit extends Span {
  name: string;
  role: 'reporter' | 'editor' | 'photographer' | 'author';
}

export interface Outlet extends Span {
  name: string;
}

export interface Metadata {
  title: string;
  date: string | null;
  source: string | null;
  authors: string[];
  credits: Credit[];
  outlets: Outlet[];
}

const OUTLET_SUFFIX = /(?:网|报|日报|晚报|新闻|客户端|电视台|通讯社|新闻社|杂志|在线|头条)$/;
const NOT_OUTLETS = new Set(['本站', '本站整理', '网络', '综合', '原创', '转载']);

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
  const addCredit = (start: number, role: Credit['role']) => {
    const length = personNameLength(text, start);
    if (length > 0) credits.push({ name: text.slice(start, start + length), role, start, end: start + length });
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
    // A line that is just the outlet's name (来源：杭州日报 is read below).
    if (index < 3 && OUTLET_SUFFIX.test(content) && content.length <= 8 && !/[\s:：]/.test(content)) addOutlet(content, line.start);
    if (index < 20 && date === null) {
      const d = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/.exec(content);
      if (d) date = `${d[1]}-${pad(d[2]!)}-${pad(d[3]!)}`;
    }
    for (const m of content.matchAll(/来\s*源\s*[:：]\s*([^\s|，,]{2,16})/g)) addOutlet(m[1]!, line.start + m.index + m[0].length - m[1]!.length);
    // Wire-service datelines: 中新网温州9月26日电
    if (content.includes('日电')) {
      for (const m of content.matchAll(/([\p{Script=Han}]{1,8}?(?:网|社|报))[\p{Script=Han}]{0,6}\d{1,2}月\d{1,2}日电/gu)) addOutlet(m[1]!, line.start + m.index, /(?:网|社|报)$/);
    }
    // 新华社记者, 中央社记者: the outlet a reporter writes for, named right before 记者.
    for (const m of content.matchAll(/(?<=^|[\s（(【[])(\p{Script=Han}{1,6}?社)(?=记者)/gu)) addOutlet(m[1]!, line.start + m.index, /社$/);
    for (const m of content.matchAll(/(记者|通讯员)\s*[:：]?\s*|(责任编辑|编辑|版式|文|作者|撰稿)\s*[:：/]\s*/g)) {
      const marker = m[1] ?? m[2];
      const role = marker === '记者' || marker === '通讯员' ? 'reporter' : marker === '文' || marker === '作者' || marker === '撰稿' ? 'author' : 'editor';
      addCredit(line.start + m.index + m[0].length, role);
    }
    // Photo credits: "龙港新城掠影 池长峰 摄"
    for (const m of content.matchAll(/(?<=^|\s)(\p{Script=Han}{2,4})\s*摄(?:影)?\s*$/gu)) addCredit(line.start + m.index, 'photographer');
    // A byline: a line that is just a name, near the top or under a headline (pages that carry
    // several articles credit each under its own headline).
    const previous = index > 0 ? text.slice(lines[index - 1]!.start, lines[index - 1]!.end) : '';
    const underHeadline = previous.length >= 6 && previous.length <= 30 && !/[。，,；;：:！？]/.test(previous);
    if (index > 0 && (index < 8 || underHeadline) && content.length >= 2 && content.length <= 4 && personNameLength(content, 0) === content.length) {
      addCredit(line.start, 'author');
    }
  }

  const source = outlets[0]?.name ?? null;
  const authors = [...new Set(credits.filter((c) => c.role === 'reporter' || c.role === 'author').map((c) => c.name))];
  return { title, date, source, authors, credits, outlets };
}
