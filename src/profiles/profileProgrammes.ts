// The engine's view of the county's programme profile (ProgrammePort): which fact to ask next, how
// to ask it, and the answer in words.
import { optionLines } from '../domain/parse/optionLines.js';
import type { ProgrammeDecision, ProgrammePort, ProfileQuestion } from '../flows/programmePort.js';
import type { Messages } from '../flows/flowSchema.js';
import { isCalendarDay } from '../domain/calendarDay.js';
import { evaluateEligibility, renderOutcome } from '../domain/eligibility/evaluateEligibility.js';
import { formatChineseDate } from '../domain/parse/formatChineseDate.js';
import { asBirthDateFact } from '../domain/parse/birthDateFact.js';
import { describeBirthDate } from '../flows/describeBirthDate.js';
import { renderTemplate } from '../domain/template.js';
import type { InputSpec } from '../domain/parse/inputSpec.js';
import type { County } from './countySchema.js';
import type { Profile, ProgrammeId, ProgrammeProfile } from '../domain/profile/profileSchema.js';

const PLACE_SUFFIX = /(街道|办事处|社区|镇|乡|村)$/u;

export function createProgrammePort(profile: Profile, county: County, messages: () => Messages): ProgrammePort {
  // words of a choice may name the county ({countyName}): as written, and as women say it (项城市 → 项城)
  const short = county.name.length > 2 ? county.name.replace(/[市县区旗]$/u, '') : county.name;
  const names = [...new Set([county.name, short])];
  // …or any of its townships and villages ({place}: 户口在李寨 is in the county), with and without 镇/村
  const places = [
    ...new Set(
      county.townships
        .flatMap((t) => [t.name, ...t.villages.map((v) => v.name)])
        .flatMap((n) => [n, n.replace(PLACE_SUFFIX, '')])
        .filter((n) => [...n].length >= 2),
    ),
  ];
  const render = (words: readonly string[]) => [
    ...new Set(
      words
        .flatMap((w) => (w.includes('{place}') ? places.map((p) => w.replaceAll('{place}', p)) : [w]))
        .flatMap((w) => (w.includes('{countyName}') ? names.map((n) => renderTemplate(w, { countyName: n })) : [w])),
    ),
  ];
  const withCountyName = (input: InputSpec): InputSpec =>
    input.type === 'choice'
      ? {
          ...input,
          yesWords: render(input.yesWords),
          noWords: render(input.noWords),
          options: input.options.map((o) => ({ ...o, words: render(o.words), notWords: render(o.notWords) })),
        }
      : input;

  const programmes = new Map<string, ProgrammeProfile>();
  for (const id of county.programmes) programmes.set(id, profile.programmes[id]);

  const question = (programmeId: string, fact: string, known?: unknown): ProfileQuestion | undefined => {
    const programme = programmes.get(programmeId);
    const q = programme?.questions[fact];
    if (!programme || !q) return undefined;
    // a birth date she gave as a year, a month or an age that was not enough: ask for more
    const partial = q.askMore ? asBirthDateFact(known) : undefined;
    const more =
      partial !== undefined && typeof partial !== 'string'
        ? q.askMore?.['date' in partial ? (partial.precision === 'month' ? 'month' : 'year') : 'age']
        : undefined;
    const vars = { programme: programme.name, countyName: county.name, known: partial !== undefined ? describeBirthDate(partial, messages()) : '' };
    let text = renderTemplate(more ?? q.text, vars).trim();
    if (q.input.type === 'choice') text += '\n' + optionLines(q.input.options);
    const confirmFirst = q.confirmFirst && Object.fromEntries(Object.entries(q.confirmFirst).map(([k, t]) => [k, renderTemplate(t, vars).trim()]));
    return { text, example: q.example, input: withCountyName(q.input), sensitive: q.sensitive, remember: q.remember, confirmFirst };
  };

  const choiceLabel = (fact: string, value: string): string | undefined => {
    for (const p of programmes.values()) {
      const input = p.questions[fact]?.input;
      if (input?.type === 'choice') {
        const option = input.options.find((o) => o.value === value);
        if (option) return option.label;
      }
    }
    return undefined;
  };

  const whoCanJoin = (programmeId: string): string | undefined => {
    const programme = programmes.get(programmeId);
    const age = programme?.rules.find((r) => r.type === 'age');
    const who = programme?.texts.whoCanJoin;
    if (!programme || !age || age.type !== 'age' || !who) return undefined;
    const vars = { programme: programme.name, min: String(age.min), max: String(age.max), who, countyName: county.name, servicePhone: county.servicePhone };
    return renderTemplate(messages().anotherWoman, vars);
  };

  return {
    whoCanJoin,
    has: (programmeId) => programmes.has(programmeId),
    ids: () => [...programmes.keys()],
    // a check kept from a programme the county no longer runs is still named by the profile
    name: (programmeId) => (profile.programmes as Record<string, ProgrammeProfile | undefined>)[programmeId]?.name,
    question,
    facts: (programmeId) => [...new Set(programmes.get(programmeId)?.rules.map((r) => r.fact) ?? [])].filter((f) => question(programmeId, f)),
    decide(programmeId, facts, today): ProgrammeDecision {
      const programme = programmes.get(programmeId)!;
      const outcome = evaluateEligibility(programme, facts, today);
      if (outcome.status === 'needs') return { status: 'needs', fact: outcome.fact };
      let text = renderOutcome(programme, outcome);
      if (outcome.status === 'eligible') {
        const m = messages();
        const hospitals = county.hospitals.filter((h) => h.programmes.includes(programmeId as ProgrammeId));
        text +=
          '\n' + [m.hospitalsHeader, ...hospitals.map((h) => renderTemplate(m.hospitalLine, { name: h.name, address: h.address, phone: h.phone }))].join('\n');
      }
      return {
        status: 'decided',
        eligible: outcome.status === 'eligible',
        reasonCode: outcome.status === 'ineligible' ? outcome.reason : undefined,
        nextEligibleOn: outcome.status === 'ineligible' ? outcome.nextEligibleOn : undefined,
        text,
      };
    },
    describeFact(fact, value) {
      const m = messages();
      if (value === null) return m.never;
      if (typeof value === 'boolean') return value ? m.yes : m.no;
      if (typeof value === 'string') {
        if (fact === 'township') return county.townships.find((t) => t.id === value)?.name ?? value;
        if (isCalendarDay(value)) return formatChineseDate(value);
        return choiceLabel(fact, value) ?? value;
      }
      if (typeof value === 'object' && value && 'date' in value) {
        const d = value as { date: string; precision?: 'day' | 'month' | 'year' };
        return formatChineseDate(d.date, d.precision ?? 'day');
      }
      const birth = asBirthDateFact(value);
      if (birth !== undefined) return describeBirthDate(birth, m);
      return String(value);
    },
  };
}
