// Cross-checks of the profile's `followUp` section: it needs the results section; every grade a limit
// names exists, a window it names is a prenatal screening's; every category's outcomes are listed;
// every abnormal grade has a due day and a step name for its reminders; the reminder texts use only
// their variables; the aid's groups are values of the `group` fact.
import { GROUP_VALUES, type Profile } from '../domain/profile/profileSchema.js';
import { FOLLOW_UP_REMINDER_VARS } from '../domain/profile/followUpSchema.js';
import { RESULT_CATEGORIES, RESULT_GRADES, type ResultCategory } from '../domain/profile/resultsSchema.js';
import { checkPlaceholders, type Issue } from './crossCheck.js';

export function crossCheckFollowUp(profile: Profile): Issue[] {
  const f = profile.followUp;
  if (!f) return [];
  const issues: Issue[] = [];
  const r = profile.results;
  if (!r) return [{ path: ['followUp'], message: 'needs the results section' }];
  const windows = new Set(profile.programmes.prenatal.screenings.filter((s) => s.window).map((s) => s.id));
  f.limits.forEach((l, i) => {
    l.grades.forEach((g, j) => {
      const [category, grade] = g.split('.');
      const known: readonly string[] | undefined = RESULT_GRADES[category as ResultCategory];
      if (!known?.includes(grade)) issues.push({ path: ['followUp', 'limits', i, 'grades', j], message: `unknown grade '${g}'` });
    });
    if ('beforeWindowCloses' in l && !windows.has(l.beforeWindowCloses))
      issues.push({ path: ['followUp', 'limits', i, 'beforeWindowCloses'], message: `no prenatal screening '${l.beforeWindowCloses}' with a window` });
  });
  for (const category of Object.keys(f.outcomes)) {
    if (category !== 'anyCategory' && !(RESULT_CATEGORIES as string[]).includes(category))
      issues.push({ path: ['followUp', 'outcomes', category], message: `unknown category (known: ${RESULT_CATEGORIES.join(', ')})` });
  }
  for (const category of RESULT_CATEGORIES) {
    if (!f.outcomes[category]) issues.push({ path: ['followUp', 'outcomes', category], message: `the outcomes of '${category}' cases are missing` });
    for (const [grade, g] of Object.entries(r.categories[category]?.grades ?? {})) {
      if (!g.abnormal) continue;
      const path = ['results', 'categories', category, 'grades', grade];
      if (!g.dueDays) issues.push({ path: [...path, 'dueDays'], message: 'an abnormal grade opens a follow-up case: give dueDays' });
      if (!f.reminders.steps[g.next]) issues.push({ path: ['followUp', 'reminders', 'steps', g.next], message: `the step name of '${g.next}' is missing` });
    }
  }
  const vars = new Set<string>(FOLLOW_UP_REMINDER_VARS);
  for (const [key, text] of Object.entries(f.reminders.texts)) checkPlaceholders(text, vars, ['followUp', 'reminders', 'texts', key], issues);
  f.aid?.priorityGroups.forEach((g, i) => {
    if (!(GROUP_VALUES as readonly string[]).includes(g))
      issues.push({ path: ['followUp', 'aid', 'priorityGroups', i], message: `unknown group (known: ${GROUP_VALUES.join(', ')})` });
  });
  return issues;
}
