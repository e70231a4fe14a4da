// A woman's pregnancy: registered once, re-dated by an ultrasound, ended by the birth (the newborn
// screens follow, with her consent as guardian) or by a loss (everything about it stops at once).
// Every change brings her timed messages in line in the same transaction (ReminderPlanner.reconcile).
// Each use case lives in its own file; this class holds the dependencies (PregnancyContext).
import { shanghaiDay } from '../../domain/calendarDay.js';
import { gestationalAgeDays } from '../../domain/pregnancy/gestation.js';
import { activePregnancy, allPregnancies, latestPregnancy, pregnancyAwaitingBirth } from './findPregnancies.js';
import { earlierScreeningToAsk, markScreeningDone, recordEarlierScreening } from './reportScreenings.js';
import { giveNewbornConsent, openNewbornScreens, stopNewbornReminders } from './newbornScreens.js';
import type { PregnancyContext } from './pregnancyContext.js';
import type {
  EarlierScreening,
  MissedScreening,
  NewbornAnswers,
  PregnancyView,
  RecordBirthOnlyResult,
  RedateResult,
  RegisterInput,
  RegisterResult,
  ReportBirthResult,
  ScreeningState,
} from './pregnancyTypes.js';
import { adjustedDueDate, redatePregnancy, registerPregnancy } from './registerPregnancy.js';
import { recordBirthOnly, reportBirth } from './reportBirth.js';
import { reportLoss } from './reportLoss.js';
import { setTwins } from './setTwins.js';
import { undoableEnd, undoEnd, type ReleasedBooking, type UndoableEnd } from './undoEnd.js';
import type { BirthDateFact } from '../../domain/parse/birthDateFact.js';
import { ageDecidesScreenings } from '../../domain/pregnancy/ageOnDueDate.js';
import { programmeNeedsAge, programmeNeedsTwins, screeningStates } from './screeningStates.js';
import { missedScreenings, registeredPregnancies, setReferred, type RegisteredQuery } from './staffPregnancies.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';
import { upcomingPrenatalAlerts, type AlertDay } from '../../domain/reminders/upcomingAlerts.js';
import type { DueAlert } from '../../domain/reminders/prenatalAlerts.js';

/** The states of a screening the planner still alerts her of (not done, missed or booked). */
const ALERTED_STATES: ReadonlySet<ScreeningState['state']> = new Set(['ahead', 'open', 'closed']);

export type { DatingFrom, PregnancyView, RegisterInput, ScreeningState } from './pregnancyTypes.js';
export { BABY_DIED } from './newbornScreens.js';

export class PregnancyService {
  constructor(private readonly ctx: PregnancyContext) {}

  /** The due date her answers give: a longer regular cycle moves it later (domain.md §2). */
  static adjustedDueDate(input: RegisterInput): string {
    return adjustedDueDate(input);
  }

  /** Gestational age in days today. */
  static gestationalAge(p: PregnancyView, now: Date): number {
    return gestationalAgeDays(p.dueDate, shanghaiDay(now));
  }

  active(contactId: string): Promise<PregnancyView | undefined> {
    return activePregnancy(this.ctx, contactId);
  }

  /** The pregnancy a birth she reports ends: the active one, or one closed after its due date with no birth reported. */
  awaitingBirth(contactId: string): Promise<PregnancyView | undefined> {
    return pregnancyAwaitingBirth(this.ctx, contactId);
  }

  /** Her latest pregnancy, whatever its state (the newborn part follows a born one). */
  latest(contactId: string): Promise<PregnancyView | undefined> {
    return latestPregnancy(this.ctx, contactId);
  }

  /** Every pregnancy she registered, oldest first (for 我的信息). */
  all(contactId: string): Promise<PregnancyView[]> {
    return allPregnancies(this.ctx, contactId);
  }

  register(contactId: string, input: RegisterInput, now: Date): Promise<RegisterResult> {
    return registerPregnancy(this.ctx, contactId, input, now);
  }

  /** A new due date (an early ultrasound): every pending reminder moves with it. */
  redate(contactId: string, dueDate: string, now: Date, birthDate?: BirthDateFact): Promise<RedateResult> {
    return redatePregnancy(this.ctx, contactId, dueDate, now, birthDate);
  }

  /** One baby or twins corrected: the reminders follow. */
  setTwins(contactId: string, twins: boolean, now: Date): Promise<'changed' | 'same' | 'none'> {
    return setTwins(this.ctx, contactId, twins, now);
  }

  /** The birth: the prenatal messages and bookings end; the newborn ones start once she agrees as guardian. */
  reportBirth(contactId: string, birthDate: string, now: Date): Promise<ReportBirthResult> {
    return reportBirth(this.ctx, contactId, birthDate, now);
  }

  /** A birth she tells of without having registered the pregnancy, while the newborn screens are ahead (`withinDays`). */
  recordBirthOnly(contactId: string, birthDate: string, now: Date, withinDays: number): Promise<RecordBirthOnlyResult> {
    return recordBirthOnly(this.ctx, contactId, birthDate, now, withinDays);
  }

  /** Her consent as guardian, with what she knows of the first newborn screens. */
  newbornConsent(contactId: string, answers: NewbornAnswers, now: Date): Promise<PregnancyView | undefined> {
    return giveNewbornConsent(this.ctx, contactId, answers, now);
  }

  /** The pregnancy was lost: returns whether she had one registered, and how many bookings were released. */
  reportLoss(contactId: string, now: Date, endedOn?: string): Promise<{ ended: boolean; bookingsReleased: number }> {
    return reportLoss(this.ctx, contactId, now, endedOn);
  }

  /** A loss or a birth she told of today, which 不是我 / 弄错了 may still undo. */
  undoableEnd(contactId: string, now: Date): Promise<UndoableEnd | undefined> {
    return undoableEnd(this.ctx, contactId, now);
  }

  /** Undoes today's loss or birth: the pregnancy is active again, its messages come back; returns the bookings it released. */
  undoEnd(contactId: string, now: Date): Promise<{ ended: UndoableEnd['ended']; released: ReleasedBooking[] } | undefined> {
    return undoEnd(this.ctx, contactId, now);
  }

  /** Her baby died: the newborn reminders stop. */
  stopNewborn(contactId: string, now: Date): Promise<boolean> {
    return stopNewbornReminders(this.ctx, contactId, now);
  }

  /** She says a screening (prenatal, or a newborn screen) is done: its alerts stop. */
  markDone(contactId: string, screeningId: string, now: Date, doneOn?: string): Promise<boolean> {
    return markScreeningDone(this.ctx, contactId, screeningId, now, doneOn);
  }

  /** A screening to ask her about when she registers late, unless marked already. */
  earlierToAsk(contactId: string, now: Date): Promise<EarlierScreening | undefined> {
    return earlierScreeningToAsk(this.ctx, contactId, now);
  }

  /** What she says, when she registers late, about a screening whose window closed before: done or missed. */
  recordEarlier(contactId: string, screeningId: string, done: boolean, now: Date): Promise<boolean> {
    return recordEarlierScreening(this.ctx, contactId, screeningId, done, now);
  }

  /** Her prenatal screenings and where each stands today (for the confirmation and 做过了). */
  screenings(p: PregnancyView, now: Date): Promise<ScreeningState[]> {
    return screeningStates(this.ctx, p, now);
  }

  /** The days her prenatal alerts will come on from `fromDay` on, as the planner will send them (下回啥时候提醒我). */
  async upcomingAlerts(p: PregnancyView, now: Date, fromDay: string): Promise<AlertDay<DueAlert>[]> {
    const pending = new Set((await this.screenings(p, now)).filter((s) => ALERTED_STATES.has(s.state)).map((s) => s.id));
    return upcomingPrenatalAlerts(this.ctx.prenatal(), p.dueDate, pending, fromDay);
  }

  /** The newborn screens still needed for her latest baby (for 做过了). */
  openNewbornScreens(contactId: string, now: Date): Promise<{ id: string; name: string }[]> {
    return openNewbornScreens(this.ctx, contactId, now);
  }

  /** Whether the programme needs her age on the due date (a screening depends on it). */
  needsAge(): boolean {
    return programmeNeedsAge(this.ctx);
  }

  /** Whether ages she can be on the due date (from a birth date given as a year, a month or an age) lead to different screenings. */
  ageDecides(ages: { min: number; max: number }, twins: boolean): boolean {
    return ageDecidesScreenings(this.ctx.prenatal(), ages, twins);
  }

  /** Whether the programme needs to know about twins (a screening depends on it). */
  needsTwins(): boolean {
    return programmeNeedsTwins(this.ctx);
  }

  /** Staff: referred for prenatal diagnosis (or not any more). */
  setReferred(pregnancyId: string, referred: boolean, now: Date, by?: StaffScope): Promise<PregnancyView | undefined> {
    return setReferred(this.ctx, pregnancyId, referred, now, by);
  }

  /** Staff: screenings marked missed between two days (inclusive), oldest first. */
  missed(from: string, to: string, take = 500, by?: StaffScope): Promise<MissedScreening[]> {
    return missedScreenings(this.ctx, from, to, take, by);
  }

  /** Staff: the pregnancies registered, of the women the account sees, with the screenings missed. */
  registered(by: StaffScope, q: RegisteredQuery) {
    return registeredPregnancies(this.ctx, by, q);
  }
}
