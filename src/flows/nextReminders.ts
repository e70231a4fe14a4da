// 下回啥时候提醒我 / 还有啥检查要做 (flows/next_reminder.yaml) and the reminder lines of 我的信息: the
// days her reminders will really come on, read from what the planner sends (her pregnancy's
// alerts, her baby's, the evening before a visit, the day she may join 两癌 again), with the
// screening plan registration shows. Texts: flows/messages.yaml → reminders.
import { actionSpecs, declaredAction, type ActionContext, type ActionResult, type FlowAction } from './actions.js';
import type { Messages } from './flowSchema.js';
import { addDays, shanghaiAt, shanghaiDay } from '../domain/calendarDay.js';
import { formatChineseDate } from '../domain/parse/formatChineseDate.js';
import type { DueAlert } from '../domain/reminders/prenatalAlerts.js';
import { upcomingNewbornAlerts, type AlertDay } from '../domain/reminders/upcomingAlerts.js';
import { renderTemplate } from '../domain/template.js';
import type { ActiveBooking, BookingPort } from './booking/bookingPort.js';
import type { BookingTexts } from './booking/bookingTexts.js';
import type { PregnancyPort, PregnancyView } from './pregnancy/pregnancyPort.js';
import type { PregnancyTexts } from './pregnancy/pregnancyTexts.js';

/**
 * some: her reminders ({upcoming}); off: she unsubscribed, nothing is sent ({upcoming}: what is
 * ahead of her all the same; off_none: nothing is); none: nothing registered or booked;
 * none_asked: nothing, and she named a prenatal screening (the programme's answer says when).
 */
export const NEXT_REMINDER_ACTIONS = actionSpecs([['reminders.next', ['some', 'off', 'off_none', 'none', 'none_asked'], ['upcoming']]]);

/** How many days of reminders are listed (the rest follow the plan's windows). */
const DAYS_LISTED = 3;

/** An eligibility answer as kept (MyDataService.collect). */
interface KeptCheck {
  programme: string;
  eligible: boolean;
  reasonCode: string | null;
  nextEligibleOn: string | null;
  checkedAt: Date;
}

export interface NextReminderDeps {
  pregnancies: PregnancyPort;
  pregnancyTexts: PregnancyTexts;
  bookings: BookingPort;
  bookingTexts: BookingTexts;
  /** Her eligibility answers, oldest first. */
  checks: (contactId: string) => Promise<KeptCheck[]>;
  messages: () => Messages;
  /** Profile `reminders`: the times, and the programme whose 再次参加 day is reminded (and its name). */
  settings: { time: string; appointmentTime: string; rescreenProgramme: string; rescreenName: string };
}

/** Re-screening reminders go to women told they may join from a day for these reasons (planRescreen.ts). */
const REMINDED_REASONS = ['age_below', 'interval'];

export class NextReminders {
  constructor(private readonly d: NextReminderDeps) {}

  private get m() {
    return this.d.messages().reminders;
  }

  private date(day: string): string {
    return `${formatChineseDate(day)} ${this.d.bookingTexts.weekday(day)}`;
  }

  /** The first day whose reminders are still to come: today's go out at the profile's time. */
  private fromDay(now: Date): string {
    const today = shanghaiDay(now);
    return now < shanghaiAt(today, this.d.settings.time) ? today : addDays(today, 1);
  }

  private prenatalAlert(a: DueAlert, dueDate: string): string {
    const lmp = addDays(dueDate, -280);
    const vars = {
      screening: a.screening.name,
      from: formatChineseDate(addDays(lmp, a.screening.opensDay)),
      to: formatChineseDate(addDays(lmp, a.screening.closesDay)),
    };
    const template = a.alert.anchor === 'closes' ? this.m.alertClosing : a.alert.days < 0 ? this.m.alertSoon : this.m.alertOpen;
    return renderTemplate(template, vars);
  }

  private dayLine(day: string, alerts: string[]): string {
    return renderTemplate(this.m.alertDay, { date: this.date(day), alerts: [...new Set(alerts)].join(this.d.messages().booking.listSeparator) });
  }

  /** Her pregnancy's next alert days, one line each (none when no alert is ahead). */
  async pregnancyDays(p: PregnancyView, now: Date): Promise<string[]> {
    const days: AlertDay<DueAlert>[] = await this.d.pregnancies.upcomingAlerts(p, now, this.fromDay(now));
    return days.slice(0, DAYS_LISTED).map((x) =>
      this.dayLine(
        x.day,
        x.alerts.map((a) => this.prenatalAlert(a, p.dueDate)),
      ),
    );
  }

  /** Her baby's next alert days (with her consent as guardian, for the screens still needed). */
  private async newbornDays(contactId: string, now: Date): Promise<string[]> {
    const latest = await this.d.pregnancies.latest(contactId);
    if (latest?.status !== 'born' || !latest.birthDate || !latest.guardianConsent) return [];
    const needed = new Set((await this.d.pregnancies.openNewbornScreens(contactId, now)).map((s) => s.id));
    const birthDate = latest.birthDate;
    const days = upcomingNewbornAlerts(this.d.pregnancies.settings.newborn, birthDate, needed, this.fromDay(now));
    return days.slice(0, DAYS_LISTED).map((x) =>
      this.dayLine(
        x.day,
        x.alerts.map((a) =>
          renderTemplate(this.m.newbornAlert, {
            screening: a.screen.name,
            from: formatChineseDate(addDays(birthDate, a.screen.window.fromDay)),
            to: formatChineseDate(addDays(birthDate, a.screen.window.toDay)),
          }),
        ),
      ),
    );
  }

  /** A visit: reminded the evening before unless that evening has passed (or it is only held for her). */
  private visitLine(visit: ActiveBooking[], now: Date, subscribed: boolean): string {
    const remindAt = shanghaiAt(addDays(visit[0].day, -1), this.d.settings.appointmentTime);
    if (!subscribed || visit[0].status !== 'confirmed' || remindAt <= now) return this.d.bookingTexts.line(visit);
    return renderTemplate(this.m.visit, {
      ...this.d.bookingTexts.visitVars(visit),
      remindOn: formatChineseDate(addDays(visit[0].day, -1)),
      time: this.d.settings.appointmentTime,
    });
  }

  /** The day she may join 两癌 again, when she was told one that is still ahead (and is not pregnant). */
  private async eligibleAgain(contactId: string, today: string, subscribed: boolean): Promise<string | undefined> {
    const checks = (await this.d.checks(contactId)).filter((c) => c.programme === this.d.settings.rescreenProgramme);
    const last = checks[checks.length - 1];
    if (!last || last.eligible || !last.nextEligibleOn || last.nextEligibleOn <= today || !REMINDED_REASONS.includes(last.reasonCode ?? '')) return undefined;
    const vars = { date: this.date(last.nextEligibleOn), programme: this.d.settings.rescreenName, time: this.d.settings.time };
    return renderTemplate(subscribed ? this.m.eligibleAgain : this.m.eligibleFrom, vars);
  }

  /** Everything ahead of her, as said to 下回啥时候提醒我: empty when nothing is registered or booked. */
  async upcoming(contactId: string, now: Date, subscribed: boolean): Promise<string[]> {
    const lines: string[] = [];
    const today = shanghaiDay(now);
    const p = await this.d.pregnancies.active(contactId);
    if (p) {
      const summary = { ga: this.d.pregnancyTexts.ga(p.dueDate, now), dueDate: formatChineseDate(p.dueDate), time: this.d.settings.time };
      if (subscribed) {
        const days = await this.pregnancyDays(p, now);
        lines.push(renderTemplate(days.length > 0 ? this.m.pregnancy : this.m.pregnancyNoAlerts, summary), ...days);
      } else {
        lines.push(renderTemplate(this.m.pregnancyOff, summary));
      }
      lines.push(this.m.planHeader, this.d.pregnancyTexts.plan(await this.d.pregnancies.screenings(p, now)));
    }
    const baby = subscribed ? await this.newbornDays(contactId, now) : [];
    if (baby.length > 0) lines.push(renderTemplate(this.m.newborn, { time: this.d.settings.time }), ...baby);
    const visits = this.d.bookingTexts.visits(await this.d.bookings.active(contactId));
    if (visits.length > 0) lines.push(this.m.visitsHeader, ...visits.map((v) => this.visitLine(v, now, subscribed)));
    const again = p ? undefined : await this.eligibleAgain(contactId, today, subscribed);
    if (again) lines.push(again);
    return lines;
  }

  /** For 我的信息: her next alert days (pregnancy or baby), under a header; none when nothing is sent to her. */
  async myDataLines(contactId: string, now: Date, subscribed: boolean): Promise<string[]> {
    if (!subscribed) return [];
    const p = await this.d.pregnancies.active(contactId);
    const days = p ? await this.pregnancyDays(p, now) : await this.newbornDays(contactId, now);
    return days.length > 0 ? [this.m.myDataHeader, ...days] : [];
  }

  actions(): Map<string, FlowAction> {
    const run = async (ctx: ActionContext): Promise<ActionResult> => {
      // before consent nothing about her is kept, and nothing is sent
      const subscribed = ctx.contact.subscribed && ctx.contact.consent === 'given';
      const lines = await this.upcoming(ctx.contact.id, ctx.now, subscribed);
      const off = ctx.contact.consent === 'given' && !ctx.contact.subscribed;
      if (lines.length === 0) return { outcome: off ? 'off_none' : ctx.vars.programme === 'prenatal' ? 'none_asked' : 'none' };
      return { outcome: off ? 'off' : 'some', vars: { upcoming: lines.join('\n') } };
    };
    const map = new Map<string, FlowAction>();
    for (const [name, spec] of NEXT_REMINDER_ACTIONS) map.set(name, declaredAction(name, spec, run));
    return map;
  }
}
