// What the pregnancy conversations need from the pregnancy and booking services. createApp binds it
// to PregnancyService (servicesPregnancyPort); the flow actions only see this.
import type { BirthDateFact } from '../../domain/parse/birthDateFact.js';
import type { NewbornScreen } from '../../domain/reminders/newbornAlerts.js';
import type { DueAlert } from '../../domain/reminders/prenatalAlerts.js';
import type { AlertDay } from '../../domain/reminders/upcomingAlerts.js';
import type { PregnancyView, RegisterInput, ScreeningState } from '../../services/pregnancy/PregnancyService.js';

export type { PregnancyView, RegisterInput, ScreeningState };

export interface NewbornAnswers {
  heelBloodDone: boolean | null;
  hearingFirst: 'passed' | 'failed' | 'notDone' | null;
}

export interface PregnancySettings {
  /** Ask her usual cycle when she gives her last period (profile `reminders.askCycleLength`). */
  askCycleLength: boolean;
  /** 'HH:MM' the reminders go out at (profile `reminders.time`). */
  reminderTime: string;
  /** The newborn screens of the profile, in its order. */
  newborn: readonly NewbornScreen[];
  /** Her words for a screening besides its name (唐筛 for 中孕期唐氏筛查): the profile's words of the bookable item that books it alone. */
  screeningWords: Readonly<Record<string, readonly string[]>>;
}

export interface PregnancyPort {
  settings: PregnancySettings;
  /** Whether her age on the due date decides a screening (then her birth date is asked). */
  needsAge(): boolean;
  /** Whether the ages she can be on the due date (a birth date given as a year…) lead to different screenings. */
  ageDecides(ages: { min: number; max: number }, twins: boolean): boolean;
  /** Whether twins decide a screening (then she is asked). */
  needsTwins(): boolean;
  /** A due date that can belong to a pregnancy going on today. */
  plausibleDueDate(dueDate: string, today: string): boolean;
  /** The due date her answers give (a longer regular cycle moves it later). */
  adjustedDueDate(input: RegisterInput): string;
  active(contactId: string): Promise<PregnancyView | undefined>;
  /** The pregnancy a reported birth ends: the active one, or one closed after its due date with no birth reported. */
  awaitingBirth(contactId: string): Promise<PregnancyView | undefined>;
  /** A birth told of without a registered pregnancy, while the newborn screens are ahead (`withinDays`). */
  recordBirthOnly(
    contactId: string,
    birthDate: string,
    now: Date,
    withinDays: number,
  ): Promise<{ ok: true; pregnancy: PregnancyView } | { ok: false; reason: 'implausible' | 'too_late' | 'exists' }>;
  latest(contactId: string): Promise<PregnancyView | undefined>;
  /** Every pregnancy she registered, oldest first (for 我的信息). */
  all(contactId: string): Promise<PregnancyView[]>;
  register(
    contactId: string,
    input: RegisterInput,
    now: Date,
  ): Promise<{ ok: true; pregnancy: PregnancyView } | { ok: false; reason: 'exists' | 'implausible' }>;
  redate(
    contactId: string,
    dueDate: string,
    now: Date,
    birthDate?: BirthDateFact,
  ): Promise<{ ok: true; before: string; pregnancy: PregnancyView } | { ok: false; reason: 'none' | 'implausible' }>;
  reportBirth(contactId: string, birthDate: string, now: Date): Promise<{ ok: true; pregnancy: PregnancyView } | { ok: false; reason: 'none' | 'implausible' }>;
  /** One baby or twins corrected on her active pregnancy (its reminders follow). */
  setTwins(contactId: string, twins: boolean, now: Date): Promise<'changed' | 'same' | 'none'>;
  newbornConsent(contactId: string, answers: NewbornAnswers, now: Date): Promise<PregnancyView | undefined>;
  /**
   * The pregnancy was lost: it ends and every message about it stops at once. `ended` is false when
   * she had none registered; `bookingsReleased` counts her prenatal bookings given up.
   */
  /** `endedOn`: the day she named (上礼拜三流掉了); the day she tells it otherwise. */
  reportLoss(contactId: string, now: Date, endedOn?: string): Promise<{ ended: boolean; bookingsReleased: number }>;
  /** A loss or a birth she told of today (不是我 / 弄错了 may undo it). */
  undoableEnd(contactId: string, now: Date): Promise<{ ended: 'lost' | 'born' | 'redated' } | undefined>;
  /** Undoes today's loss, birth or re-dating: the pregnancy (or its dating) back, its reminders back; the bookings it released. */
  undoEnd(
    contactId: string,
    now: Date,
  ): Promise<{ ended: 'lost' | 'born' | 'redated'; released: { hospitalId: string; serviceId: string; day: string; session: string }[] } | undefined>;
  /** Her baby died: the newborn reminders stop and what she told about the baby's screens is forgotten. */
  stopNewborn(contactId: string, now: Date): Promise<boolean>;
  /** `doneOn`: the day she says it was done (default today). */
  markDone(contactId: string, screeningId: string, now: Date, doneOn?: string): Promise<boolean>;
  /** A screening whose window closed before she registered and that a follow-up depends on (NT): asked once. */
  earlierToAsk(contactId: string, now: Date): Promise<{ id: string; name: string; opensDay: number; closesDay: number } | undefined>;
  recordEarlier(contactId: string, screeningId: string, done: boolean, now: Date): Promise<boolean>;
  screenings(pregnancy: PregnancyView, now: Date): Promise<ScreeningState[]>;
  /** The days her prenatal alerts will come on from `fromDay` on, with the alerts of each. */
  upcomingAlerts(pregnancy: PregnancyView, now: Date, fromDay: string): Promise<AlertDay<DueAlert>[]>;
  openNewbornScreens(contactId: string, now: Date): Promise<{ id: string; name: string }[]>;
}
