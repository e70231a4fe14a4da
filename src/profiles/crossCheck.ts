// Cross-reference checks a schema cannot express: rules need questions of the right input type,
// texts named by rules must exist, and placeholders must be values the outcome provides.
import { templatePlaceholders } from '../domain/template.js';
import { crossCheckBooking } from './crossCheckBooking.js';
import { crossCheckWarningSigns } from './crossCheckWarningSigns.js';
import { crossCheckSideQuestions } from './crossCheckSideQuestions.js';
import { crossCheckResults } from './crossCheckResults.js';
import { crossCheckFollowUp } from './crossCheckFollowUp.js';
import {
  ASK_MORE_VARS,
  COMMON_VARS,
  QUESTION_VARS,
  EXCLUSION_VARS,
  GROUP_VALUES,
  OUTCOME_VARS,
  RESIDENCE_VALUES,
  REMINDER_VARS,
  ALERT_LINE_VARS,
  NEWBORN_VARS,
  BIRTH_CHECK_VARS,
  WITH_COST_VARS,
  textKeysForRule,
  type Profile,
  type ProgrammeProfile,
  type Rule,
} from '../domain/profile/profileSchema.js';

export type Issue = { path: (string | number)[]; message: string };

// Which input types can give the fact a rule type needs.
const INPUT_FOR_RULE: Record<Rule['type'], string[]> = {
  age: ['birthDate', 'date'],
  residence: ['choice'],
  group: ['choice'],
  notPregnant: ['yesno'],
  pregnant: ['yesno'],
  exclusion: ['yesno'],
  interval: ['date'],
};

export function crossCheckProfile(profile: Profile): Issue[] {
  const issues: Issue[] = [];
  for (const [key, programme] of Object.entries(profile.programmes)) {
    for (const issue of crossCheckProgramme(programme)) {
      issues.push({ path: ['programmes', key, ...issue.path], message: issue.message });
    }
  }
  issues.push(...crossCheckReminders(profile));
  issues.push(...crossCheckBooking(profile));
  issues.push(...crossCheckWarningSigns(profile));
  issues.push(...crossCheckSideQuestions(profile));
  issues.push(...crossCheckResults(profile));
  issues.push(...crossCheckFollowUp(profile));
  return issues;
}

/** Reminders: every text they name exists with only the variables it gets; times outside the quiet hours. */
function crossCheckReminders(profile: Profile): Issue[] {
  const issues: Issue[] = [];
  const r = profile.reminders;
  const texts = r.texts;
  const need = (key: string, vars: readonly string[], by: (string | number)[]) => {
    const text = texts[key];
    if (text === undefined) issues.push({ path: ['reminders', 'texts', key], message: `text '${key}' is missing (needed by ${by.join('.')})` });
    else checkPlaceholders(text, new Set(vars), ['reminders', 'texts', key], issues);
  };
  const prenatal = profile.programmes.prenatal.screenings;
  const ids = new Set(prenatal.map((s) => s.id));
  const windowed = prenatal.filter((s) => s.window);
  if (windowed.some((s) => !s.alerts) && r.prenatalAlerts.length > 0) {
    r.prenatalAlerts.forEach((a, i) => {
      need(a.text, ALERT_LINE_VARS, ['reminders', 'prenatalAlerts', i]);
      if (a.late) need(a.late, ALERT_LINE_VARS, ['reminders', 'prenatalAlerts', i, 'late']);
    });
  }
  prenatal.forEach((s, i) => {
    (s.alerts ?? []).forEach((a, j) => {
      need(a.text, ALERT_LINE_VARS, ['programmes', 'prenatal', 'screenings', i, 'alerts', j]);
      if (a.late) need(a.late, ALERT_LINE_VARS, ['programmes', 'prenatal', 'screenings', i, 'alerts', j, 'late']);
    });
    if ((s.alerts?.length ?? 0) > 0 && !s.window) {
      issues.push({ path: ['programmes', 'prenatal', 'screenings', i, 'alerts'], message: 'alerts need a window' });
    }
    if (s.onlyIf?.missed && !ids.has(s.onlyIf.missed)) {
      issues.push({ path: ['programmes', 'prenatal', 'screenings', i, 'onlyIf', 'missed'], message: `unknown screening id '${s.onlyIf.missed}'` });
    }
  });
  r.newborn.forEach((n, i) => {
    n.alerts.forEach((a, j) => {
      need(a.text, NEWBORN_VARS, ['reminders', 'newborn', i, 'alerts', j]);
      if (a.late) need(a.late, NEWBORN_VARS, ['reminders', 'newborn', i, 'alerts', j, 'late']);
    });
    if (n.window.fromDay > n.window.toDay) issues.push({ path: ['reminders', 'newborn', i, 'window'], message: 'fromDay is after toDay' });
  });
  for (const [key, vars] of Object.entries(REMINDER_VARS)) {
    if (key.startsWith('newborn') && r.newborn.length === 0) continue;
    need(key, vars, ['reminders']);
  }
  const after = r.afterDueDate;
  if (after.askBirthOn.length > 0) need('birth_check', BIRTH_CHECK_VARS, ['reminders', 'afterDueDate', 'askBirthOn']);
  after.askBirthOn.forEach((d, i) => {
    if (d >= after.closeAfterDays) {
      issues.push({
        path: ['reminders', 'afterDueDate', 'askBirthOn', i],
        message: `${d} is not before closeAfterDays (${after.closeAfterDays}): the pregnancy is closed by then`,
      });
    }
  });
  const { quietStartHour: qs, quietEndHour: qe } = profile.messaging;
  for (const field of ['time', 'appointmentTime'] as const) {
    const hour = Number(r[field].slice(0, 2));
    const quiet = qs > qe ? hour >= qs || hour < qe : hour >= qs && hour < qe;
    if (qs !== qe && quiet) issues.push({ path: ['reminders', field], message: `${r[field]} is inside the quiet hours (${qs}:00–${qe}:00)` });
  }
  return issues;
}

function crossCheckProgramme(p: ProgrammeProfile): Issue[] {
  const issues: Issue[] = [];
  const screeningIds = new Set<string>();
  p.screenings.forEach((s, i) => {
    if (screeningIds.has(s.id)) issues.push({ path: ['screenings', i, 'id'], message: `duplicate screening id '${s.id}'` });
    screeningIds.add(s.id);
  });

  // text key → variables it may use
  const allowed = new Map<string, Set<string>>();
  const need = (key: string, vars: readonly string[], by?: (string | number)[]) => {
    if (!(key in p.texts)) {
      issues.push({ path: ['texts', key], message: `text '${key}' is missing${by ? ` (needed by ${by.join('.')})` : ''}` });
    }
    const set = allowed.get(key) ?? new Set<string>(COMMON_VARS);
    vars.forEach((v) => set.add(v));
    allowed.set(key, set);
  };
  need('eligible', OUTCOME_VARS.eligible);
  need('alternatives', OUTCOME_VARS.alternatives);

  p.rules.forEach((rule, i) => {
    const path = ['rules', i];
    const q = p.questions[rule.fact];
    if (!q) {
      issues.push({ path: [...path, 'fact'], message: `rule '${rule.type}' needs fact '${rule.fact}' but no question for it is defined in questions` });
    } else if (!INPUT_FOR_RULE[rule.type].includes(q.input.type)) {
      issues.push({
        path: ['questions', rule.fact, 'input', 'type'],
        message: `rule '${rule.type}' needs input type ${INPUT_FOR_RULE[rule.type].join(' or ')}, got '${q.input.type}'`,
      });
    } else if ((rule.type === 'residence' || rule.type === 'group') && q.input.type === 'choice') {
      const known: readonly string[] = rule.type === 'residence' ? RESIDENCE_VALUES : GROUP_VALUES;
      const options = q.input.options.map((o) => o.value);
      options.forEach((v, j) => {
        if (!known.includes(v)) {
          issues.push({ path: ['questions', rule.fact, 'input', 'options', j, 'value'], message: `'${v}' is not a ${rule.type} value (${known.join(', ')})` });
        }
      });
      rule.accept.forEach((v, j) => {
        if (!options.includes(v)) issues.push({ path: [...path, 'accept', j], message: `'${v}' is not an option of question '${rule.fact}'` });
      });
    }
    if (rule.type === 'age' && rule.min > rule.max) issues.push({ path: [...path, 'min'], message: `min ${rule.min} is above max ${rule.max}` });
    if (rule.type === 'age' && q && !q.askMore) {
      issues.push({
        path: ['questions', rule.fact, 'askMore'],
        message: 'an age rule needs askMore (asked when a year, a month or an age leaves the rule undecided)',
      });
    }
    if (rule.type === 'exclusion') {
      (rule.removes ?? []).forEach((id, j) => {
        if (!screeningIds.has(id)) issues.push({ path: [...path, 'removes', j], message: `unknown screening id '${id}'` });
      });
      need(rule.text, EXCLUSION_VARS, path);
      if (rule.removes) need('excluded_all', OUTCOME_VARS.excluded_all, path);
    } else {
      for (const key of textKeysForRule(rule)) need(key, OUTCOME_VARS[key] ?? [], path);
    }
  });

  // the name of a screening with a cost (its presence is checked with the bookable lines)
  allowed.set('withCost', new Set(WITH_COST_VARS));
  // Placeholders: texts a rule uses get exactly its variables; other texts (e.g. inherited and
  // unused) may use any outcome variable.
  const anyVar = new Set<string>([...COMMON_VARS, ...EXCLUSION_VARS, ...Object.values(OUTCOME_VARS).flat()]);
  for (const [key, text] of Object.entries(p.texts)) {
    checkPlaceholders(text, allowed.get(key) ?? anyVar, ['texts', key], issues);
  }
  for (const [fact, q] of Object.entries(p.questions)) {
    checkPlaceholders(q.text, new Set(QUESTION_VARS), ['questions', fact, 'text'], issues);
    for (const [known, text] of Object.entries(q.askMore ?? {})) checkPlaceholders(text, new Set(ASK_MORE_VARS), ['questions', fact, 'askMore', known], issues);
    checkPlaceholders(q.example, new Set(COMMON_VARS), ['questions', fact, 'example'], issues);
  }
  return issues;
}

/** Adds an issue for every {placeholder} of `text` not in `allowed`. */
export function checkPlaceholders(text: string, allowed: Set<string>, path: (string | number)[], issues: Issue[]): void {
  for (const name of templatePlaceholders(text)) {
    if (!allowed.has(name)) {
      issues.push({ path, message: `placeholder {${name}} is not provided here (available: ${[...allowed].map((v) => `{${v}}`).join(', ')})` });
    }
  }
}
