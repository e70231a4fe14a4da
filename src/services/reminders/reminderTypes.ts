// What the reminder planners share: the planning settings taken from the profile, and the shape of
// one planned message before it is queued.
import type { AlertRule, AlertScreening } from '../../domain/reminders/prenatalAlerts.js';
import type { NewbornScreen } from '../../domain/reminders/newbornAlerts.js';
import type { OutboxItem, OutboxPriority } from '../outbox/outboxTypes.js';

export interface ReminderConfig {
  /** Prenatal screenings with a window, in the profile's order. */
  prenatal: AlertScreening[];
  newborn: NewbornScreen[];
  /** Days after the due date on which she is asked whether the baby was born. */
  askBirthOn: number[];
  /** 'HH:MM' of prenatal, newborn and re-screening reminders. */
  time: string;
  /** 'HH:MM' of appointment reminders (the day before). */
  appointmentTime: string;
  /** 'HH:MM' each session ends (a late appointment reminder on the visit day is dropped after it). */
  sessionEnds: Record<string, string>;
  /**
   * 两癌 re-screening: the programme's interval in years (none: no reminder), its services, and its
   * age range (full years; `fact` is the fact holding her birth date): a woman known to be older than
   * `max` on the day is not reminded. No age range: her age is not checked.
   */
  rescreen: { years?: number; serviceIds: string[]; programme: string; programmeName: string; age?: { min: number; max: number; fact: string } };
  texts: ReminderTexts;
}

/**
 * Renders what she reads; built from the profile's `reminders.texts` and the booking texts. `sentOn`:
 * the day a late message goes out (after the day it was planned for): it is worded for that day
 * (the alerts' `late` texts, the days left counted from it).
 */
export interface ReminderTexts {
  prenatal(v: { dueDate: string; day: string; lines: { alert: AlertRule; screening: AlertScreening }[]; sentOn?: string }): string;
  newborn(v: { birthDate: string; day: string; alerts: { alert: NewbornScreen['alerts'][number]; screen: NewbornScreen }[]; sentOn?: string }): string;
  /** `today`: sent on the visit day itself (the day before's reminder went out late). */
  appointment(v: { hospitalId: string; day: string; session: string; serviceIds: string[]; code: string; today?: boolean }): string;
  rescreen(v: { kind: 'interval' | 'age'; age?: number }): string;
  birthCheck(v: { dueDate: string; days: number }): string;
}

/** A contact as the planners need her: where to send, and whether she may be sent to. */
export interface PlanContact {
  id: string;
  channel: string;
  externalId: string;
  account: string;
  subscribed: boolean;
  consent: string;
}

export const CONTACT_SELECT = { id: true, channel: true, externalId: true, account: true, subscribed: true, consent: true } as const;

export function mayReceive(c: PlanContact): boolean {
  return c.consent === 'given' && c.subscribed;
}

/**
 * A planned message. Appointment reminders go first (0, with waitlist offers): they are over when
 * the visit day begins, and a backlog of the day's alerts must not crowd them out.
 */
export function itemFor(c: PlanContact, text: string, dedupeKey: string, notBefore: Date, priority: OutboxPriority = 1): OutboxItem {
  return { contactId: c.id, channel: c.channel, externalId: c.externalId, account: c.account, text, priority, dedupeKey, notBefore };
}

/** Which rows a planner reads: one woman's (reconciling her messages) or a page of everyone's. */
export interface PlanScope {
  contactId?: string;
  /** Paging (bulk planning): ids after this one, at most `take` rows. */
  after?: string;
  take?: number;
  /**
   * One woman's message of a day already over, about to go out on `on`: worded for `on`; what no
   * longer makes sense on `on` (a window closed, a visit passed) or is in a later message of hers
   * she was sent (`skip`: screening id, or 'birth-check', → the latest day such a message was
   * planned for; an alert of a later day is newer and stays) is left out and told in `dropped`.
   * `alsoDays`: the days of her other late messages merged into this one (window alerts, newborn
   * alerts): their alerts are said here too, each screening once.
   */
  late?: { on: string; now: Date; skip: ReadonlyMap<string, string>; alsoDays?: readonly string[] };
}

/** A part of a late message left out, and why (recorded where staff see it). */
export interface DroppedPart {
  /** The message's subject and day as its key names them ("preg:<id>:<day>"). */
  keyPrefix: string;
  /** What was left out: a screening id, 'birth-check', 'visit'. */
  what: string;
  reason: DropReason;
  /** The day the reason refers to (the window's last day, the visit day). */
  day?: string;
}

export type DropReason = 'window_closed' | 'visit_passed' | 'in_later_message' | 'booked_or_done';

/** What a planner gives: its messages, the paging cursor, and (late messages only) what it left out. */
export interface PlanResult {
  items: OutboxItem[];
  last?: string;
  dropped?: DroppedPart[];
}
