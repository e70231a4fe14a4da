// Turns bookings, days and services into the words she reads (templates in flows/messages.yaml).
import type { Messages } from '../flowSchema.js';
import type { County } from '../../profiles/countySchema.js';
import type { Profile } from '../../domain/profile/profileSchema.js';
import { screeningDisplayName } from '../../profiles/bookable.js';
import { renderTemplate } from '../../domain/template.js';
import { isoWeekday, shanghaiClockTime, shanghaiDay } from '../../domain/calendarDay.js';
import { formatChineseDate } from '../../domain/parse/formatChineseDate.js';
import { formatGestationalAge, weeksDaysToDays } from '../../domain/pregnancy/gestation.js';
import type { ActiveBooking } from './bookingPort.js';

export interface ServiceInfo {
  id: string;
  name: string;
  preparation?: string;
  window?: { opens: string; closes: string };
}

export class BookingTexts {
  private readonly services = new Map<string, ServiceInfo>();
  /** Position of each service in the profile, so a visit always lists them the same way. */
  private readonly order = new Map<string, number>();

  constructor(
    private readonly messages: () => Messages,
    readonly county: County,
    profile: Profile,
  ) {
    for (const programme of Object.values(profile.programmes)) {
      for (const s of programme.screenings) {
        if (this.services.has(s.id)) continue;
        // a service her programme does not pay for says so wherever it is named (menu, lines, reminders)
        this.services.set(s.id, { ...s, name: screeningDisplayName(programme, s) });
        this.order.set(s.id, this.order.size);
      }
    }
  }

  /** Where a service comes in lists (the profile's order). */
  rank(id: string): number {
    return this.order.get(id) ?? 99;
  }

  service(id: string): ServiceInfo {
    return this.services.get(id) ?? { id, name: id };
  }

  hospital(id: string) {
    return this.county.hospitals.find((h) => h.id === id);
  }

  serviceNames(ids: string[]): string {
    const rank = (id: string) => this.order.get(id) ?? 99;
    return [...ids]
      .sort((a, b) => rank(a) - rank(b))
      .map((id) => this.service(id).name)
      .join(this.messages().booking.listSeparator);
  }

  weekday(day: string): string {
    return this.messages().booking.weekdays[isoWeekday(day) - 1];
  }

  session(s: string): string {
    const names = this.messages().booking.sessions;
    return s === 'am' ? names.am : names.pm;
  }

  dayOption(day: string, left: number): string {
    return renderTemplate(this.messages().booking.dayOption, { date: formatChineseDate(day), weekday: this.weekday(day), left });
  }

  sessionOption(session: string, left: number): string {
    return renderTemplate(this.messages().booking.sessionOption, { session: this.session(session), left });
  }

  visitVars(bookings: ActiveBooking[]) {
    const b = bookings[0];
    return this.visitTextVars({ ...b, serviceIds: bookings.map((x) => x.serviceId) });
  }

  /** Her bookings grouped into visits (one code, several services), soonest first. */
  visits(bookings: ActiveBooking[]): ActiveBooking[][] {
    const byCode = new Map<string, ActiveBooking[]>();
    for (const b of bookings) byCode.set(b.code, [...(byCode.get(b.code) ?? []), b]);
    const rank = (b: ActiveBooking) => this.order.get(b.serviceId) ?? 99;
    return [...byCode.values()].map((v) => v.sort((a, b) => rank(a) - rank(b)));
  }

  line(visit: ActiveBooking[]): string {
    const m = this.messages().booking;
    const vars = this.visitVars(visit);
    if (visit[0].status === 'held') {
      const until = visit[0].heldUntil ? shanghaiClock(visit[0].heldUntil) : '';
      return renderTemplate(m.heldLine, { ...vars, until });
    }
    return renderTemplate(m.bookingLine, vars);
  }

  preview(hospitalId: string, serviceIds: string[], day: string, session: string): string {
    const h = this.hospital(hospitalId);
    return renderTemplate(this.messages().booking.preview, {
      services: this.serviceNames(serviceIds),
      date: formatChineseDate(day),
      weekday: this.weekday(day),
      session: this.session(session),
      hospital: h?.name ?? hospitalId,
      address: h?.address ?? '',
    });
  }

  /** What is said about a visit (its details, lines, reminders): where, when, what for and how to prepare. */
  visitTextVars(v: { hospitalId: string; day: string; session: string; serviceIds: string[]; code: string }) {
    const h = this.hospital(v.hospitalId);
    return {
      code: v.code,
      services: this.serviceNames(v.serviceIds),
      date: formatChineseDate(v.day),
      weekday: this.weekday(v.day),
      session: this.session(v.session),
      hospital: h?.name ?? v.hospitalId,
      address: h?.address ?? '',
      directions: h?.directions ?? '',
      phone: h?.phone ?? '',
      preparation: this.preparation(v.serviceIds),
    };
  }

  private preparation(serviceIds: string[]): string {
    return [...serviceIds]
      .sort((a, b) => this.rank(a) - this.rank(b))
      .map((id) => this.service(id).preparation)
      .filter((p): p is string => !!p)
      .join('\n');
  }

  details(visit: ActiveBooking[]): string {
    return renderTemplate(this.messages().booking.details, this.visitVars(visit))
      .replace(/\n{2,}/g, '\n')
      .trim();
  }

  /**
   * The reminder the day before a visit (sent by the reminder planner); `today`: sent late, on the
   * visit day itself (the service was down the evening before).
   */
  appointmentReminder(v: { hospitalId: string; day: string; session: string; serviceIds: string[]; code: string; today?: boolean }): string {
    const m = this.messages().booking;
    return renderTemplate(v.today ? m.appointmentReminderToday : m.appointmentReminder, this.visitTextVars(v))
      .replace(/\n{2,}/g, '\n')
      .trim();
  }

  windowNote(kind: 'notYet' | 'past', serviceIds: string[], window: { opens: string; closes: string }, from: string, to: string): string {
    const m = this.messages().booking;
    return renderTemplate(kind === 'notYet' ? m.windowNotYet : m.windowPast, {
      services: this.serviceNames(serviceIds),
      opens: formatGestationalAge(weeksDaysToDays(window.opens)),
      closes: formatGestationalAge(weeksDaysToDays(window.closes)),
      from: formatChineseDate(from),
      to: formatChineseDate(to),
    });
  }

  /** A window closed ({to} past), then the free fallback for who missed it, with its own days. */
  missedWithFallback(
    missed: { serviceIds: string[]; window: { opens: string; closes: string }; from: string; to: string },
    fallback: { serviceIds: string[]; window: { opens: string; closes: string }; from: string; to: string },
  ): string {
    const m = this.messages().booking;
    const vars = (w: typeof missed) => ({
      services: this.serviceNames(w.serviceIds),
      opens: formatGestationalAge(weeksDaysToDays(w.window.opens)),
      closes: formatGestationalAge(weeksDaysToDays(w.window.closes)),
      from: formatChineseDate(w.from),
      to: formatChineseDate(w.to),
    });
    return renderTemplate(m.windowMissed, vars(missed)) + renderTemplate(m.fallbackNote, vars(fallback));
  }

  /** A service not booked in the chat here: the hospital to call. */
  fallbackCall(serviceIds: string[], hospital: { name: string; phone: string }): string {
    return renderTemplate(this.messages().booking.fallbackCall, { services: this.serviceNames(serviceIds), hospital: hospital.name, phone: hospital.phone });
  }

  /** Another hospital, with its first free days (full ones: the waitlist of hers). */
  otherHospitalOption(hospitalId: string, days: string[]): string {
    const list = days.map((d) => `${formatChineseDate(d)}${this.weekday(d)}`).join(this.messages().booking.listSeparator);
    return renderTemplate(this.messages().booking.otherHospital, { hospital: this.hospital(hospitalId)?.name ?? hospitalId, days: list });
  }

  waitHereOption(hospitalId: string): { label: string; words: string[] } {
    const w = this.messages().booking.waitHere;
    return { label: renderTemplate(w.label, { hospital: this.hospital(hospitalId)?.name ?? hospitalId }), words: w.words };
  }

  noneOfThemOption(): { label: string; words: string[] } {
    return this.messages().booking.noneOfThem;
  }

  /** Before 删除我的信息 is confirmed: her bookings, which will be cancelled ('' without any). */
  beforeDelete(visits: ActiveBooking[][]): string {
    if (visits.length === 0) return '';
    return renderTemplate(this.messages().booking.beforeDelete, { lines: visits.map((v) => this.line(v)).join('\n') });
  }

  waitingLine(hospitalId: string, serviceIds: string[]): string {
    return renderTemplate(this.messages().booking.waitingLine, {
      services: this.serviceNames(serviceIds),
      hospital: this.hospital(hospitalId)?.name ?? hospitalId,
    });
  }
}

/** '2026年3月5日 11:30' in Asia/Shanghai, for "…前回复". */
function shanghaiClock(at: Date): string {
  return `${formatChineseDate(shanghaiDay(at))} ${shanghaiClockTime(at)}`;
}
