// The planners' settings, read once from the county's profile: prenatal screenings with windows
// and their alerts, newborn screens, times of day, the 两癌 interval and age range, and the texts.
import { addDays, daysBetween } from '../../domain/calendarDay.js';
import { formatChineseDate } from '../../domain/parse/formatChineseDate.js';
import { formatGestationalAge, gestationalAgeDays } from '../../domain/pregnancy/gestation.js';
import { toAlertScreening, windowOf, type AlertScreening } from '../../domain/reminders/prenatalAlerts.js';
import { renderTemplate, type TemplateVars } from '../../domain/template.js';
import type { Profile } from '../../domain/profile/profileSchema.js';
import { screeningDisplayName } from '../../profiles/bookable.js';
import type { ReminderConfig, ReminderTexts } from './reminderTypes.js';

/** The appointment reminder of a visit, as the booking texts say it (flows/messages.yaml booking.appointmentReminder, …Today). */
export type AppointmentText = ReminderTexts['appointment'];

export function prenatalAlertScreenings(profile: Profile): AlertScreening[] {
  const prenatal = profile.programmes.prenatal;
  // a screening the programme does not pay for is named with its cost in every alert and plan line
  return prenatal.screenings
    .map((s) => toAlertScreening({ ...s, name: screeningDisplayName(prenatal, s) }, profile.reminders.prenatalAlerts))
    .filter((s): s is AlertScreening => !!s);
}

export function buildReminderConfig(profile: Profile, appointmentText: AppointmentText): ReminderConfig {
  const r = profile.reminders;
  // the programme whose interval and age set the re-screening reminders (two cancers, by default)
  const twoCancer = profile.programmes[r.rescreenProgramme];
  const interval = twoCancer.rules.find((x) => x.type === 'interval');
  const age = twoCancer.rules.find((x) => x.type === 'age');
  const t = (key: string, vars: TemplateVars) => renderTemplate(r.texts[key] ?? '', vars);
  // the days left before a window closes (0: its last day is today)
  const remaining = (days: number) => (days > 0 ? t('remaining_days', { days }) : t('remaining_today', {}));
  const texts: ReminderTexts = {
    prenatal: ({ dueDate, day, lines, sentOn }) => {
      const on = sentOn ?? day;
      const out = [t('prenatalHeader', { ga: formatGestationalAge(gestationalAgeDays(dueDate, on)), dueDate: formatChineseDate(dueDate) })];
      for (const { alert, screening } of lines) {
        const w = windowOf(screening, dueDate);
        // on its day: the days the alert names; late: counted from the day it goes out
        const anchorDay = alert.anchor === 'opens' ? w.from : w.to;
        const days = sentOn ? Math.max(0, daysBetween(sentOn, anchorDay)) : Math.abs(alert.days);
        out.push(
          t(sentOn ? (alert.late ?? alert.text) : alert.text, {
            screening: screening.name,
            from: formatChineseDate(w.from),
            to: formatChineseDate(w.to),
            opens: formatGestationalAge(screening.opensDay),
            closes: formatGestationalAge(screening.closesDay),
            days,
            remaining: remaining(daysBetween(on, w.to)),
          }),
        );
      }
      out.push(t('prenatalFooter', {}));
      return out.filter((x) => x).join('\n');
    },
    newborn: ({ birthDate, day, alerts, sentOn }) => {
      const on = sentOn ?? day;
      const out = alerts.map(({ alert, screen }) => {
        const left = Math.max(0, screen.window.toDay - daysBetween(birthDate, on));
        return t(sentOn ? (alert.late ?? alert.text) : alert.text, {
          screening: screen.name,
          birthDate: formatChineseDate(birthDate),
          age: daysBetween(birthDate, on),
          from: formatChineseDate(addDays(birthDate, screen.window.fromDay)),
          to: formatChineseDate(addDays(birthDate, screen.window.toDay)),
          days: left,
          remaining: remaining(left),
        });
      });
      out.push(t('newbornFooter', {}));
      return out.filter((x) => x).join('\n');
    },
    appointment: appointmentText,
    birthCheck: ({ dueDate, days }) => t('birth_check', { dueDate: formatChineseDate(dueDate), days }),
    rescreen: (v) =>
      v.kind === 'age'
        ? t('ageReached', { programme: twoCancer.name, age: age?.type === 'age' ? age.min : '' })
        : t('rescreen', { programme: twoCancer.name, years: interval?.type === 'interval' ? interval.years : '' }),
  };
  return {
    prenatal: prenatalAlertScreenings(profile),
    newborn: r.newborn,
    askBirthOn: r.afterDueDate.askBirthOn,
    time: r.time,
    appointmentTime: r.appointmentTime,
    sessionEnds: Object.fromEntries(Object.entries(profile.booking.sessionHours).map(([k, v]) => [k, v.ends])),
    rescreen: {
      years: interval?.type === 'interval' ? interval.years : undefined,
      serviceIds: twoCancer.screenings.filter((s) => !s.referral).map((s) => s.id),
      programme: r.rescreenProgramme,
      programmeName: twoCancer.name,
      ...(age?.type === 'age' ? { age: { min: age.min, max: age.max, fact: age.fact } } : {}),
    },
    texts,
  };
}
