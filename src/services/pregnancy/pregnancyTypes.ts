// The pregnancy service's inputs and outputs. Days are Asia/Shanghai 'YYYY-MM-DD'; every change gets
// `now` (the clock is injected).
import type { BirthDateFact } from '../../domain/parse/birthDateFact.js';

/** birth: she told of the baby's birth without having registered the pregnancy (its due date is the birth date). */
export type DatingFrom = 'weeks' | 'dueDate' | 'lastPeriod' | 'corrected' | 'birth';

export interface PregnancyView {
  id: string;
  contactId: string;
  /** lapsed: closed weeks after the due date with no birth reported (she can still report it). */
  status: 'active' | 'born' | 'lost' | 'lapsed';
  dueDate: string;
  datingFrom: DatingFrom;
  cycleDays: number | null;
  twins: boolean;
  ageOnDueDate: number | null;
  referred: boolean;
  registeredOn: string;
  birthDate: string | null;
  endedOn: string | null;
  guardianConsent: boolean;
  heelBloodDone: boolean | null;
  hearingFirst: string | null;
}

export interface RegisterInput {
  dueDate: string;
  datingFrom: Exclude<DatingFrom, 'corrected'>;
  /** Her regular cycle when she gave her last period: the due date moves by (cycle − 28) days. */
  cycleDays?: number;
  twins?: boolean;
  /** Her birth date (as precise as she gave it), when the programme's rules depend on her age on the due date. */
  birthDate?: BirthDateFact;
}

/** A screening of her pregnancy as she sees it now: its window and where it stands. */
export interface ScreeningState {
  id: string;
  name: string;
  from: string;
  to: string;
  state: 'ahead' | 'open' | 'closed' | 'booked' | 'done' | 'missed';
}

/** What she knows of the first newborn screens when she consents as guardian. */
export interface NewbornAnswers {
  heelBloodDone: boolean | null;
  hearingFirst: 'passed' | 'failed' | 'notDone' | null;
}

export type RegisterResult = { ok: true; pregnancy: PregnancyView } | { ok: false; reason: 'exists' | 'implausible' };
export type RedateResult = { ok: true; before: string; pregnancy: PregnancyView } | { ok: false; reason: 'none' | 'implausible' };
export type ReportBirthResult = { ok: true; pregnancy: PregnancyView } | { ok: false; reason: 'none' | 'implausible' };
export type RecordBirthOnlyResult = { ok: true; pregnancy: PregnancyView } | { ok: false; reason: 'implausible' | 'too_late' | 'exists' };

/** A screening of hers to ask about when she registers late (its window closed before). */
export interface EarlierScreening {
  id: string;
  name: string;
  opensDay: number;
  closesDay: number;
}

/** Staff: a screening marked missed, with her contact. */
export interface MissedScreening {
  pregnancyId: string;
  screeningId: string;
  screening: string;
  windowClosedOn: string;
  dueDate: string;
  pregnancyStatus: string;
  contact: { id: string; channel: string; externalId: string };
}
