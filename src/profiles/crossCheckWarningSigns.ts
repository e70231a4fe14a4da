// Start-up checks of the profile's `warningSigns` that its schema cannot express: every answer text
// uses only {hospitalName} and {hospitalPhone}, every sign is named by some words, sign ids are unique.
import { templatePlaceholders } from '../domain/template.js';
import type { Profile } from '../domain/profile/profileSchema.js';
import { WARNING_GROUPS, WARNING_TEXT_VARS } from '../domain/profile/warningSignsSchema.js';
import type { Issue } from './crossCheck.js';

export function crossCheckWarningSigns(profile: Profile): Issue[] {
  const ws = profile.warningSigns;
  if (!ws) return [];
  const issues: Issue[] = [];
  const allowed = new Set<string>(WARNING_TEXT_VARS);
  const placeholders = (text: string, path: (string | number)[]) => {
    for (const name of templatePlaceholders(text)) {
      if (!allowed.has(name)) {
        issues.push({ path, message: `placeholder {${name}} is not provided here (available: ${WARNING_TEXT_VARS.map((v) => `{${v}}`).join(', ')})` });
      }
    }
  };
  for (const group of WARNING_GROUPS) {
    const g = ws.groups[group];
    const at = ['warningSigns', 'groups', group];
    placeholders(g.text, [...at, 'text']);
    const ids = new Set<string>();
    g.signs.forEach((sign, i) => {
      if (ids.has(sign.id)) issues.push({ path: [...at, 'signs', i, 'id'], message: `duplicate sign id '${sign.id}'` });
      ids.add(sign.id);
      if (sign.words.length === 0 && sign.parts.length === 0) issues.push({ path: [...at, 'signs', i], message: 'give words or parts that name the sign' });
      if (sign.text) placeholders(sign.text, [...at, 'signs', i, 'text']);
    });
  }
  return issues;
}
