// Her reminder of a follow-up case's next step (pure): on which days she is reminded, and its words.
// She is reminded on the profile's days before the due day (0: the due day itself) while nothing is
// booked or done; a day missed (no process ran) is made up once, on a later day up to the due day,
// never in a burst. Never on or before the day she was told (her notice said it that day).
import { addDays } from '../calendarDay.js';
import type { FollowUpSettings } from '../profile/followUpSchema.js';
import { formatChineseDate } from '../parse/formatChineseDate.js';
import { renderTemplate } from '../template.js';

/** Which reminder is due `today`: the one before the due day, the due day's, or none. */
export function reminderDue(
  daysBefore: readonly number[],
  c: { dueOn: string; lastRemindedOn: string | null; toldOn: string },
  today: string,
): 'before' | 'dueDay' | undefined {
  if (today > c.dueOn || today <= c.toldOn) return undefined;
  // the latest reminder day reached by today, after the day she was told
  const reached = daysBefore
    .map((n) => addDays(c.dueOn, -n))
    .filter((d) => d <= today && d > c.toldOn)
    .sort()
    .pop();
  if (!reached || (c.lastRemindedOn && c.lastRemindedOn >= reached)) return undefined;
  return today === c.dueOn ? 'dueDay' : 'before';
}

/** The reminder's words: the next step's name, where and by when (no result, nothing more). */
export function followUpReminderText(
  s: FollowUpSettings,
  which: 'before' | 'dueDay',
  f: { nextStep: string; dueOn: string; where: string; phone: string },
): string {
  const step = s.reminders.steps[f.nextStep];
  if (!step) throw new Error(`followUp: no step name for ${f.nextStep} in the profile`);
  return renderTemplate(s.reminders.texts[which], { step, by: formatChineseDate(f.dueOn), where: f.where, phone: f.phone });
}
