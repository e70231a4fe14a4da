// Cross-references of what a profile says about booking: the bookable lines name screenings of
// their programme and say their window and cost; priority groups can be known from a question.
import { templatePlaceholders } from '../domain/template.js';
import { BOOKABLE_LABEL_VARS, type Profile, type ProgrammeProfile } from '../domain/profile/profileSchema.js';

export type Issue = { path: (string | number)[]; message: string };

export function crossCheckBooking(profile: Profile): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  for (const [key, programme] of Object.entries(profile.programmes)) {
    for (const issue of checkBookable(programme)) issues.push({ path: ['programmes', key, ...issue.path], message: issue.message });
    programme.bookable.forEach((item, i) => {
      const value = [...item.services].sort().join(',');
      const other = seen.get(value);
      if (other) issues.push({ path: ['programmes', key, 'bookable', i, 'services'], message: `the same services are already bookable as ${other}` });
      seen.set(value, `programmes.${key}.bookable.${i}`);
    });
  }
  // her group is asked by a programme's `group` rule; without one nobody would be in a priority group
  const asksGroup = Object.values(profile.programmes).some((p) => p.rules.some((r) => r.type === 'group'));
  if (profile.booking.priorityGroups.length > 0 && !asksGroup) {
    issues.push({ path: ['booking', 'priorityGroups'], message: "priority groups need a programme with a 'group' rule (and its question) to know her group" });
  }
  return issues;
}

function checkBookable(p: ProgrammeProfile): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map(p.screenings.map((s) => [s.id, s]));
  if (p.screenings.some((s) => s.cost)) {
    const text = p.texts.withCost;
    if (text === undefined) issues.push({ path: ['texts', 'withCost'], message: "text 'withCost' is missing (needed by a screening with a cost)" });
    else if (!templatePlaceholders(text).includes('cost')) issues.push({ path: ['texts', 'withCost'], message: 'must say the cost: use {cost}' });
  }
  p.bookable.forEach((item, i) => {
    const path = ['bookable', i];
    item.services.forEach((id, j) => {
      if (!byId.has(id))
        issues.push({ path: [...path, 'services', j], message: `'${id}' is not a screening of this programme (${[...byId.keys()].join(', ')})` });
    });
    if (new Set(item.services).size !== item.services.length) issues.push({ path: [...path, 'services'], message: 'a service is listed twice' });
    const screenings = item.services.flatMap((id) => byId.get(id) ?? []);
    const used = templatePlaceholders(item.label);
    for (const name of used) {
      if (!(BOOKABLE_LABEL_VARS as readonly string[]).includes(name)) {
        issues.push({
          path: [...path, 'label'],
          message: `placeholder {${name}} is not provided here (available: ${BOOKABLE_LABEL_VARS.map((v) => `{${v}}`).join(', ')})`,
        });
      }
    }
    const windows = new Set(screenings.flatMap((s) => (s.window ? [`${s.window.opens}-${s.window.closes}`] : [])));
    if (windows.size > 1) issues.push({ path: [...path, 'services'], message: 'services with different windows cannot be booked as one visit' });
    if (windows.size === 1 && !(used.includes('opens') && used.includes('closes'))) {
      issues.push({ path: [...path, 'label'], message: 'must say its window: use {opens} and {closes}' });
    }
    if (windows.size === 0 && (used.includes('opens') || used.includes('closes'))) {
      issues.push({ path: [...path, 'label'], message: '{opens} and {closes} need a screening with a window' });
    }
    const costs = screenings.some((s) => s.cost);
    if (costs && !used.includes('cost')) issues.push({ path: [...path, 'label'], message: 'a screening of it is not free: say so with {cost}' });
    if (!costs && used.includes('cost')) issues.push({ path: [...path, 'label'], message: '{cost} needs a screening with a cost' });
  });
  return issues;
}
