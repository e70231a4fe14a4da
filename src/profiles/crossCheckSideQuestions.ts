// Start-up checks of the profile's `sideQuestions` that its schema cannot express: a per-service answer
// names a screening or a programme of the profile, and every text uses only the values it is given.
import { templatePlaceholders } from '../domain/template.js';
import type { Profile } from '../domain/profile/profileSchema.js';
import { PAID_VARS, SIDE_QUESTION_VARS } from '../domain/profile/sideQuestionsSchema.js';
import type { Issue } from './crossCheck.js';

export function crossCheckSideQuestions(profile: Profile): Issue[] {
  const issues: Issue[] = [];
  const placeholders = (text: string, vars: readonly string[], path: (string | number)[]) => {
    for (const name of templatePlaceholders(text)) {
      if (!vars.includes(name))
        issues.push({ path, message: `placeholder {${name}} is not provided here (available: ${vars.map((v) => `{${v}}`).join(', ')})` });
    }
  };
  const programmes = Object.keys(profile.programmes);
  const screenings = Object.values(profile.programmes).flatMap((p) => p.screenings.map((s) => s.id));
  for (const [id, q] of Object.entries(profile.sideQuestions)) {
    const at = ['sideQuestions', id];
    placeholders(q.text, SIDE_QUESTION_VARS, [...at, 'text']);
    if (q.paid) placeholders(q.paid, PAID_VARS, [...at, 'paid']);
    if (q.noHours)
      placeholders(
        q.noHours,
        SIDE_QUESTION_VARS.filter((v) => v !== 'hours'),
        [...at, 'noHours'],
      );
    for (const [key, text] of Object.entries(q.services)) {
      if (!screenings.includes(key) && !programmes.includes(key)) {
        issues.push({
          path: [...at, 'services', key],
          message: `'${key}' is not a screening or programme of the profile (${[...programmes, ...screenings].join(', ')})`,
        });
      }
      placeholders(text, SIDE_QUESTION_VARS, [...at, 'services', key]);
    }
  }
  return issues;
}
