// Side questions: a question she writes instead of, or beside, an answer (收费吗, 几点开门, 在哪, 要带什么,
// 要空腹吗, 是机器人吗, 结果多久出), answered at any step and before consent (nothing is stored), and
// then the question she was on asked again (the engine's carryOn, as after a warning sign). A step's own
// `sideAnswers` (the privacy notice's 要钱吗: the assistant is free) go first; then the profile's
// `sideQuestions`, answered from data: for her booking's services and hospital when she has one (its
// line said first), else for the service she names, else the programmes' general answer.
import type { SideQuestion, SideQuestions } from '../domain/profile/sideQuestionsSchema.js';
import { HOSPITAL_VARS } from '../domain/profile/sideQuestionsSchema.js';
import { renderTemplate, templatePlaceholders, type TemplateVars } from '../domain/template.js';
import { matchSideAnswer, matchSideAnswers, withoutSideClauses } from './matchWords.js';
import type { Turn } from './turn.js';

export interface SideHospital {
  name: string;
  address: string;
  phone: string;
  directions: string;
  hours?: string;
}

export interface SideQuestionsPort {
  questions: SideQuestions;
  /** The screenings she names (the booking menu's words and labels, the screenings' names). */
  named(text: string): string[];
  /** Her soonest booked visit: its services, its hospital and the line that describes it. */
  visit(contactId: string, now: Date): Promise<{ serviceIds: string[]; hospitalId: string; line: string } | undefined>;
  /** That hospital, or the county's hospitals providing all these services (all of them for none). */
  hospitals(serviceIds: string[], hospitalId?: string): SideHospital[];
  /** A screening's programme, the name she reads and what she pays for it (none: free under the programme). */
  screening(id: string): { programme: string; name: string; cost?: string } | undefined;
  /** The screenings with a cost that her county offers: the general answer about money names them. */
  paid(): string[];
  /**
   * Whether a clause of hers asks what is next in her plan (flows/next_reminder.yaml): a side question's
   * words inside it belong to that question (接下来要做什么检查 asks which check, not what one involves).
   */
  asksPlan?(clause: string): boolean;
}

export interface SideAnswer {
  text: string;
  /** Her other words (the clauses without the side question): they may answer the question she is on. */
  rest: string;
  /** Her booking's line was said: a look at her bookings in her other words adds nothing. */
  booked: boolean;
  /** Her message without the words of the side questions (NT在哪做 能免费不: NT做 能免费不): what else it asks for. */
  unasked: string;
}

/** The answer to the side questions of `text`, if it asks any. */
export async function answerSideQuestion(
  port: SideQuestionsPort | undefined,
  turn: Turn,
  text: string,
  own: { sideAnswers: readonly { words: string[]; text: string }[]; say: (template: string) => string; county: TemplateVars },
): Promise<SideAnswer | undefined> {
  const mine = matchSideAnswer(text, own.sideAnswers);
  if (mine) return { text: own.say(mine.text), rest: withoutSideClauses(text, own.sideAnswers), booked: false, unasked: withoutWords(text, [mine]) };
  if (!port) return undefined;
  const named = port.named(text);
  // (a clause that asks what is next in her plan is that question's, not a side question's)
  const sideWords = text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((clause) => clause && !port.asksPlan?.(clause))
    .join(' ');
  const asked = matchSideAnswers(sideWords, [...Object.values(port.questions), ...priceOfPaid(port, named)]);
  if (asked.length === 0) return undefined;
  const visit = asked.some((q) => q.aboutBooking) ? await port.visit(turn.contact.id, turn.now) : undefined;
  // her booking, unless she names another service (唐筛要空腹吗 with an NT booked)
  const booked = visit && (named.length === 0 || named.some((id) => visit.serviceIds.includes(id))) ? visit : undefined;
  // else the service she names, or the booking she is making (at its list of days), at the hospital she chose
  const making = named.length > 0 ? undefined : beingBooked(turn);
  const services = booked?.serviceIds ?? (named.length > 0 ? named : (making?.services ?? []));
  const lines = booked ? [booked.line] : [];
  for (const q of asked) lines.push(answerOf(port, q, services, booked?.hospitalId ?? making?.hospitalId, own.county));
  return { text: lines.join('\n'), rest: withoutSideClauses(text, asked), booked: !!booked, unasked: withoutWords(text, asked) };
}

/**
 * For a screening she names that no programme pays for (无创, 糖耐量), whether it is free is its price:
 * the money questions (with `paid`) asked in the words their `unless` keeps for qualifying (无创能免费做吗).
 */
function priceOfPaid(port: SideQuestionsPort, named: string[]): SideQuestion[] {
  if (!named.some((id) => port.screening(id)?.cost)) return [];
  return Object.values(port.questions).flatMap((q) => (q.paid && q.unless.length > 0 ? [{ ...q, words: q.unless, unless: [] }] : []));
}

/** `text` without the side questions' words (a word that asks them names no request: 真人 in 你是机器人还是真人). */
function withoutWords(text: string, asked: readonly { words: string[] }[]): string {
  const words = asked.flatMap((q) => q.words).sort((a, b) => b.length - a.length);
  return words.reduce((t, w) => t.split(w).join(' '), text);
}

/** The services and hospital of the booking she is making (at its list of days: 要空腹吗 is about that one). */
function beingBooked(turn: Turn): { services: string[]; hospitalId?: string } {
  const { services, hospitalId } = turn.state.vars;
  return {
    services: typeof services === 'string' ? services.split(',').filter(Boolean) : [],
    hospitalId: typeof hospitalId === 'string' ? hospitalId : undefined,
  };
}

/** One question's answer for `services` (none: the general one), a line per hospital where it names one. */
function answerOf(port: SideQuestionsPort, q: SideQuestion, services: string[], hospitalId: string | undefined, county: TemplateVars): string {
  const paid = (id: string) => {
    const s = port.screening(id);
    return q.paid && s?.cost ? renderTemplate(q.paid, { ...county, name: s.name, cost: s.cost }) : undefined;
  };
  const own = (id: string) => paid(id) ?? q.services[id] ?? q.services[port.screening(id)?.programme ?? ''];
  const found = [...new Set(services.map(own).filter((t): t is string => !!t))];
  // the general answer names what is not free (自费的糖耐量…)
  const texts = found.length > 0 ? found : [q.text, ...port.paid().flatMap((id) => paid(id) ?? [])];
  return texts
    .map((t) => {
      if (!templatePlaceholders(t).some((p) => (HOSPITAL_VARS as readonly string[]).includes(p))) return renderTemplate(t, county);
      return port
        .hospitals(services, hospitalId)
        .map((h) => renderTemplate(!h.hours && q.noHours && templatePlaceholders(t).includes('hours') ? q.noHours : t, { ...county, hospital: h.name, ...h }))
        .join('\n');
    })
    .join('\n');
}
