// How the text gives each end of a relation in its sentence: named there, stood for by an anaphor
// (该县, 我市, 该中心), left out as the subject of a report about it, or given by the page's
// structure (the outlet of a byline). A relation whose end the sentence does not reach this way
// is not stated by that sentence.
import type { AntecedentPlace, EndLink } from '../../model.ts';
import { clauseStartBefore } from '../mentions/index.ts';
import type { NormalizedText, Sentence, Span } from '../normalize/index.ts';
import type { ResolvedEntity, ResolvedMention } from '../resolve/resolve.ts';
import type { PlacesNamed } from './actors.ts';
import type { SentenceContext } from './contexts.ts';
import { ANAPHOR, WHOLE_ANAPHOR } from './cues.ts';

/** An end's trace in the analysed text (offsets mapped to the original when evidence is written). */
export interface TextTrace {
  link: EndLink;
  start: number;
  end: number;
  antecedent?: { start: number; end: number; place: AntecedentPlace };
}

// 该社区, 我市, 村里 anywhere in the sentence; and a bare 村 before a village committee's post (村党支部书记).
const ANAPHORS = new RegExp(ANAPHOR.source, 'g');
const WHOLE_ANAPHORS = new RegExp(WHOLE_ANAPHOR.source, 'g');
const BARE_VILLAGE = /(?:^|[^\p{Script=Han}]|[、，,和及])(村)(?=党支部|党总支|党委|委会|两委|副?书记|副?主任)/gu;

export class EndTracer {
  private readonly lead: Span | undefined;

  constructor(
    private readonly doc: NormalizedText,
    private readonly entities: Map<string, ResolvedEntity>,
    private readonly places: PlacesNamed,
    /** The outlet the page is from, where it is named (a byline, the page's header). */
    private readonly pageOutlet: ResolvedMention | undefined,
  ) {
    this.lead = leadParagraph(doc);
  }

  /**
   * How `context`'s sentence gives entity `id`, or undefined when it does not. `near` is where the
   * other end stands (a left-out subject is missing at the start of its clause).
   */
  trace(context: SentenceContext, id: string, near?: number): TextTrace | undefined {
    const { sentence, mentions } = context;
    const named = mentions.find((m) => m.entity === id);
    if (named) return { link: 'named', start: named.start, end: named.end };
    const anaphor = this.anaphorFor(sentence, id);
    if (anaphor) return anaphor;
    // A subject is left out only for whom the report has already named (or names in its title).
    if (id === context.actor && !context.subject && context.topicNamed && this.namedBy(context.topicNamed, sentence)) {
      const at = this.subjectPoint(sentence, near ?? sentence.start);
      return { link: 'omitted', start: at, end: at, antecedent: this.antecedent(context.topicNamed, sentence) };
    }
    if (this.pageOutlet && id === this.pageOutlet.entity) {
      return { link: 'structural', start: sentence.start, end: sentence.end, antecedent: this.antecedent(this.pageOutlet, sentence) };
    }
    return undefined;
  }

  /** The end named by a mention the caller holds (a relation read from two names). */
  named(mention: ResolvedMention): TextTrace {
    return { link: 'named', start: mention.start, end: mention.end };
  }

  /** The outlet of a credit line: named on the line, else the page's own (a structural cue). */
  outlet(line: Sentence, outlet: ResolvedMention): TextTrace {
    if (outlet.start >= line.start && outlet.end <= line.end) return this.named(outlet);
    return { link: 'structural', start: line.start, end: line.end, antecedent: this.antecedent(outlet, line) };
  }

  /** True when `mention` stands before `sentence`, or in the title or a byline above the text. */
  private namedBy(mention: ResolvedMention, sentence: Sentence): boolean {
    return this.placeOf(mention, sentence) !== 'after';
  }

  /** The entities the sentence's anaphors stand for, each with its first anaphor's trace. */
  referents(sentence: Sentence): Array<{ entity: string; trace: TextTrace }> {
    const found = new Map<string, TextTrace>();
    for (const { entity, trace } of this.anaphors(sentence)) if (!found.has(entity)) found.set(entity, trace);
    return [...found].map(([entity, trace]) => ({ entity, trace }));
  }

  private anaphorFor(sentence: Sentence, id: string): TextTrace | undefined {
    for (const { entity, trace } of this.anaphors(sentence)) if (entity === id) return trace;
    return undefined;
  }

  /** Each anaphor of the sentence with what it stands for: 该县 the last county named before it, 该中心 the last name ending in 中心. */
  private *anaphors(sentence: Sentence): Generator<{ entity: string; trace: TextTrace }> {
    const text = this.doc.analysis.text;
    const body = text.slice(sentence.start, sentence.end);
    for (const m of body.matchAll(ANAPHORS)) {
      const at = sentence.start + m.index;
      const referent = this.places.lastPlaceNamed(m[1] ?? m[2] ?? m[3]!, at);
      if (referent) yield { entity: referent.entity, trace: this.anaphor(at, at + m[0].length, referent, sentence) };
    }
    for (const m of body.matchAll(WHOLE_ANAPHORS)) {
      const at = sentence.start + m.index;
      const referent = this.places.lastNamedEnding(m[1]!, at);
      if (referent) yield { entity: referent.entity, trace: this.anaphor(at, at + m[0].length, referent, sentence) };
    }
    for (const m of body.matchAll(BARE_VILLAGE)) {
      const at = sentence.start + m.index + m[0].length - 1;
      const referent = this.places.lastPlaceNamed('村', at);
      if (referent) yield { entity: referent.entity, trace: this.anaphor(at, at + 1, referent, sentence) };
    }
  }

  /** The omitted subject of the sentence, traced, when it leaves out whom the report is about. */
  omitted(context: SentenceContext): { entity: string; trace: TextTrace } | undefined {
    if (context.subject || !context.actor || !context.topicNamed) return undefined;
    const trace = this.trace(context, context.actor);
    return trace?.link === 'omitted' ? { entity: context.actor, trace } : undefined;
  }

  private anaphor(start: number, end: number, referent: ResolvedMention, sentence: Sentence): TextTrace {
    return { link: 'anaphor', start, end, antecedent: this.antecedent(referent, sentence) };
  }

  private antecedent(mention: ResolvedMention, sentence: Sentence): NonNullable<TextTrace['antecedent']> {
    return { start: mention.start, end: mention.end, place: this.placeOf(mention, sentence) };
  }

  private placeOf(span: Span, sentence: Sentence): AntecedentPlace {
    const title = this.doc.metadata.titleLine;
    if (title && span.start >= title.start && span.end <= title.end) return 'title';
    if (this.doc.boilerplate.some((line) => span.start >= line.start && span.end <= line.end)) return 'byline';
    if (span.end > sentence.start) return 'after';
    return this.lead && span.start >= this.lead.start && span.end <= this.lead.end ? 'lead' : 'before';
  }

  /** Where a left-out subject would stand: the start of the clause holding `near`, past any space. */
  private subjectPoint(sentence: Sentence, near: number): number {
    const text = this.doc.analysis.text;
    let at = clauseStartBefore(text, sentence, Math.max(sentence.start, Math.min(near, sentence.end)));
    while (at < sentence.end && /\s/.test(text[at]!)) at++;
    return at;
  }
}

/** The report's first paragraph of running text after its title: what its lead says it is about. */
function leadParagraph(doc: NormalizedText): Span | undefined {
  const title = doc.metadata.titleLine;
  const first = doc.sentences.find((s) => (!title || s.start >= title.end) && s.end - s.start >= 15);
  if (!first) return undefined;
  const inParagraph = doc.sentences.filter((s) => s.paragraph === first.paragraph);
  return { start: inParagraph[0]!.start, end: inParagraph[inParagraph.length - 1]!.end };
}
