// Cross-checks of the profile's `results` section: every grade of every category has its settings,
// no grade the classifier cannot give, every text a grade names exists with only the notice's
// variables, a grade that names {by} has a due date, matching by ID number names screenings of the
// profile, and a profile that holds any grade for a person
// says by when (holdDeadline).
import type { Profile } from '../domain/profile/profileSchema.js';
import { RESULT_CATEGORIES, RESULT_GRADES, RESULT_TEXT_VARS } from '../domain/profile/resultsSchema.js';
import { checkPlaceholders, type Issue } from './crossCheck.js';

const FIXED_TEXTS = ['header', 'contact', 'footer', 'corrected'];

export function crossCheckResults(profile: Profile): Issue[] {
  const r = profile.results;
  if (!r) return [];
  const issues: Issue[] = [];
  const vars = new Set<string>(RESULT_TEXT_VARS);
  const need = (key: string, path: (string | number)[]) => {
    const text = r.texts[key];
    if (text === undefined) issues.push({ path, message: `text '${key}' is missing from results.texts` });
    else checkPlaceholders(text, vars, ['results', 'texts', key], issues);
    return text ?? '';
  };
  for (const key of FIXED_TEXTS) need(key, ['results', 'texts', key]);
  for (const category of RESULT_CATEGORIES) {
    const c = r.categories[category];
    if (!c) {
      issues.push({ path: ['results', 'categories', category], message: `category '${category}' is missing` });
      continue;
    }
    const known: readonly string[] = RESULT_GRADES[category];
    for (const grade of known) {
      const g = c.grades[grade];
      if (!g) {
        issues.push({ path: ['results', 'categories', category, 'grades', grade], message: `grade '${grade}' is missing` });
        continue;
      }
      const path = ['results', 'categories', category, 'grades', grade];
      const texts = need(g.meaning, [...path, 'meaning']) + need(g.next, [...path, 'next']);
      if (texts.includes('{by}') && !g.dueDays) issues.push({ path: [...path, 'dueDays'], message: 'its texts name {by}: give dueDays' });
    }
    const screenings = new Set(Object.values(profile.programmes).flatMap((p) => p.screenings.map((s) => s.id)));
    for (const [i, id] of (c.matchById?.services ?? []).entries()) {
      if (!screenings.has(id))
        issues.push({ path: ['results', 'categories', category, 'matchById', 'services', i], message: `'${id}' is no screening of this profile` });
    }
    for (const grade of Object.keys(c.grades)) {
      if (!known.includes(grade))
        issues.push({ path: ['results', 'categories', category, 'grades', grade], message: `unknown grade (known: ${known.join(', ')})` });
    }
  }
  const holds = Object.values(r.categories).some((c) => Object.values(c.grades).some((g) => g.release === 'hold'));
  if (holds && !r.holdDeadline) {
    issues.push({
      path: ['results', 'holdDeadline'],
      message: 'some grades are held for a person: give holdDeadline { workingDays } (escalated to the county after it)',
    });
  }
  for (const category of Object.keys(r.categories)) {
    if (!(RESULT_CATEGORIES as string[]).includes(category))
      issues.push({ path: ['results', 'categories', category], message: `unknown category (known: ${RESULT_CATEGORIES.join(', ')})` });
  }
  crossCheckBookNext(profile, issues);
  return issues;
}

/**
 * The next steps booked in the chat (results.bookNext): each names a next-step text, and a service
 * that is a `referral` screening of a programme with a bookable line of its own; each service booked
 * has its offer line (with only the notice's variables), and each offer a service booked.
 */
function crossCheckBookNext(profile: Profile, issues: Issue[]): void {
  const b = profile.results?.bookNext;
  if (!b) return;
  const referral = new Set(
    Object.values(profile.programmes).flatMap((p) =>
      p.screenings.filter((s) => s.referral && p.bookable.some((l) => l.services.length === 1 && l.services[0] === s.id)).map((s) => s.id),
    ),
  );
  const known = [...referral].join(', ') || 'none';
  for (const [next, service] of Object.entries(b.services)) {
    const path = ['results', 'bookNext', 'services', next];
    if (profile.results?.texts[next] === undefined) issues.push({ path, message: `'${next}' is not a text of results.texts` });
    if (!referral.has(service))
      issues.push({ path, message: `unknown service '${service}': not a referral screening with its own bookable line (known: ${known})` });
    else if (b.offers[service] === undefined)
      issues.push({ path: ['results', 'bookNext', 'offers', service], message: `the offer line of '${service}' is missing` });
  }
  const booked = new Set(Object.values(b.services));
  for (const [service, text] of Object.entries(b.offers)) {
    if (!booked.has(service))
      issues.push({ path: ['results', 'bookNext', 'offers', service], message: `'${service}' is booked by no next step of bookNext.services` });
    checkPlaceholders(text, new Set<string>(RESULT_TEXT_VARS), ['results', 'bookNext', 'offers', service], issues);
  }
}
