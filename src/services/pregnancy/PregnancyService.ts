// A woman's pregnancy: registered once, re-dated by an ultrasound, ended by the birth (the newborn
// screens follow, with her consent as guardian) or by a loss (everything about it stops at once).
// Every change brings her timed messages in line in the same transaction (ReminderPlanner.reconcile).
import crypto from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import type { Pregnancy } from '../../../generated/sqlite/index.js';
import { addDays, daysBetween, shanghaiDay } from '../../domain/calendarDay.js';
import { ageOn } from '../../domain/parse/ageOn.js';
import { gestationalAgeDays } from '../../domain/pregnancy/gestation.js';
import { closedPrerequisite, screeningApplies, windowOf, type AlertScreening } from '../../domain/reminders/prenatalAlerts.js';
import { newbornScreenNeeded, type NewbornScreen } from '../../domain/reminders/newbornAlerts.js';
import { cancelQueuedMessages } from '../outbox/enqueueMessage.js';
import { noticeKey } from '../booking/notices.js';
import type { ReminderPlanner } from '../reminders/ReminderPlanner.js';
import { SILENCING_STATUSES } from '../reminders/planPrenatal.js';
import { markEarlier, remarkAfterRedating, writeMark } from './screeningMarks.js';

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
  /** Her birth date, when the programme's rules depend on her age on the due date. */
  birthDate?: string;
}

/** A screening of her pregnancy as she sees it now: its window and where it stands. */
export interface ScreeningState {
  id: string;
  name: string;
  from: string;
  to: string;
  state: 'ahead' | 'open' | 'closed' | 'booked' | 'done' | 'missed';
}

export interface PregnancyDeps {
  db: Db;
  planner: ReminderPlanner;
  prenatal: () => AlertScreening[];
  newborn: () => NewbornScreen[];
  /** Ends her held and confirmed bookings of these services in the transaction (a birth or a loss). */
  releaseBookings: (tx: Tx, contactId: string, serviceIds: string[], now: Date) => Promise<number>;
}

/** Due dates more than 43 weeks ahead or already 2 weeks past are not a pregnancy going on (domain.md §2). */
export function plausibleDueDate(dueDate: string, today: string): boolean {
  const ahead = daysBetween(today, dueDate);
  return ahead <= 43 * 7 && ahead >= -14;
}

/** The reason recorded on the newborn reminders cancelled when the baby died. */
export const BABY_DIED = 'baby died';

export class PregnancyService {
  constructor(private readonly d: PregnancyDeps) {}

  async active(contactId: string): Promise<PregnancyView | undefined> {
    const p = await this.d.db.pregnancy.findUnique({ where: { activeKey: contactId } });
    return p ? view(p) : undefined;
  }

  /** The pregnancy a birth she reports ends: the active one, or one closed after its due date with no birth reported. */
  async awaitingBirth(contactId: string): Promise<PregnancyView | undefined> {
    return (await this.active(contactId)) ?? (await this.lapsed(this.d.db, contactId).then((p) => (p ? view(p) : undefined)));
  }

  /** Her latest pregnancy when it is a closed one awaiting its birth (an older one never is). */
  private async lapsed(q: Tx | Db, contactId: string) {
    const p = await q.pregnancy.findFirst({ where: { contactId }, orderBy: { createdAt: 'desc' } });
    return p?.status === 'lapsed' ? p : null;
  }

  /** Her latest pregnancy, whatever its state (the newborn part follows a born one). */
  async latest(contactId: string): Promise<PregnancyView | undefined> {
    const p = await this.d.db.pregnancy.findFirst({ where: { contactId }, orderBy: { createdAt: 'desc' } });
    return p ? view(p) : undefined;
  }

  /** The due date her answers give: a longer regular cycle moves it later (domain.md §2). */
  static adjustedDueDate(input: RegisterInput): string {
    if (input.datingFrom === 'lastPeriod' && input.cycleDays && input.cycleDays > 28) return addDays(input.dueDate, input.cycleDays - 28);
    return input.dueDate;
  }

  async register(contactId: string, input: RegisterInput, now: Date): Promise<{ ok: true; pregnancy: PregnancyView } | { ok: false; reason: 'exists' | 'implausible' }> {
    const today = shanghaiDay(now);
    const dueDate = PregnancyService.adjustedDueDate(input);
    if (!plausibleDueDate(dueDate, today)) return { ok: false, reason: 'implausible' };
    return runTransaction(this.d.db, async (tx) => {
      if (await tx.pregnancy.findUnique({ where: { activeKey: contactId }, select: { id: true } })) return { ok: false as const, reason: 'exists' as const };
      const p = await tx.pregnancy.create({
        data: {
          id: crypto.randomUUID(),
          contactId,
          status: 'active',
          activeKey: contactId,
          dueDate,
          datingFrom: input.datingFrom,
          cycleDays: input.cycleDays ?? null,
          twins: input.twins ?? false,
          ageOnDueDate: input.birthDate ? ageOn(input.birthDate, dueDate) : null,
          registeredOn: today,
          createdAt: now,
        },
      });
      await writeDueDateFact(tx, contactId, dueDate, now);
      await this.d.planner.reconcile(tx, contactId, now);
      return { ok: true as const, pregnancy: view(p) };
    });
  }

  /** A new due date (an early ultrasound): every pending reminder moves with it. */
  async redate(contactId: string, dueDate: string, now: Date, birthDate?: string): Promise<{ ok: true; before: string; pregnancy: PregnancyView } | { ok: false; reason: 'none' | 'implausible' }> {
    if (!plausibleDueDate(dueDate, shanghaiDay(now))) return { ok: false, reason: 'implausible' };
    return runTransaction(this.d.db, async (tx) => {
      const p = await tx.pregnancy.findUnique({ where: { activeKey: contactId } });
      if (!p) return { ok: false as const, reason: 'none' as const };
      const updated = await tx.pregnancy.update({
        where: { id: p.id },
        data: { dueDate, datingFrom: 'corrected', ageOnDueDate: birthDate ? ageOn(birthDate, dueDate) : p.ageOnDueDate },
      });
      await remarkAfterRedating(tx, updated, this.d.prenatal(), now);
      await writeDueDateFact(tx, contactId, dueDate, now);
      await this.d.planner.reconcile(tx, contactId, now);
      return { ok: true as const, before: p.dueDate, pregnancy: view(updated) };
    });
  }

  /** The birth: the prenatal messages and bookings end; the newborn ones start once she agrees as guardian. */
  async reportBirth(contactId: string, birthDate: string, now: Date): Promise<{ ok: true; pregnancy: PregnancyView } | { ok: false; reason: 'none' | 'implausible' }> {
    const today = shanghaiDay(now);
    if (birthDate > today || daysBetween(birthDate, today) > 366) return { ok: false, reason: 'implausible' };
    return runTransaction(this.d.db, async (tx) => {
      const p = (await tx.pregnancy.findUnique({ where: { activeKey: contactId } })) ?? (await this.lapsed(tx, contactId));
      // a birth 20 weeks or more before the due date is not a birth this pregnancy can have had
      if (!p) return { ok: false as const, reason: 'none' as const };
      if (birthDate < addDays(p.dueDate, -20 * 7)) return { ok: false as const, reason: 'implausible' as const };
      // a baby born after the pregnancy was closed is not this pregnancy's
      if (p.status === 'lapsed' && p.endedOn && birthDate > p.endedOn) return { ok: false as const, reason: 'none' as const };
      const updated = await tx.pregnancy.update({ where: { id: p.id }, data: { status: 'born', activeKey: null, birthDate, endedOn: today } });
      await cancelQueuedMessages(tx, { contactId, dedupeKeyPrefix: `preg:${p.id}:` }, 'born', now);
      // a prenatal screening still booked is not needed any more: its seat goes back, no reminder of it is sent
      await this.endPrenatalBookings(tx, contactId, 'born', now);
      await this.d.planner.reconcile(tx, contactId, now);
      return { ok: true as const, pregnancy: view(updated) };
    });
  }

  /**
   * A birth she tells of without having registered the pregnancy: kept as a born pregnancy (the due
   * date is not known: the birth date stands for it) so that the newborn reminders can follow, while
   * the newborn screens are still ahead (`withinDays` of the birth).
   */
  async recordBirthOnly(contactId: string, birthDate: string, now: Date, withinDays: number): Promise<{ ok: true; pregnancy: PregnancyView } | { ok: false; reason: 'implausible' | 'too_late' | 'exists' }> {
    const today = shanghaiDay(now);
    if (birthDate > today) return { ok: false, reason: 'implausible' };
    if (daysBetween(birthDate, today) > withinDays) return { ok: false, reason: 'too_late' };
    return runTransaction(this.d.db, async (tx) => {
      if (await tx.pregnancy.findUnique({ where: { activeKey: contactId }, select: { id: true } })) return { ok: false as const, reason: 'exists' as const };
      const p = await tx.pregnancy.create({
        data: { id: crypto.randomUUID(), contactId, status: 'born', activeKey: null, dueDate: birthDate, datingFrom: 'birth', registeredOn: today, birthDate, endedOn: today, createdAt: now },
      });
      return { ok: true as const, pregnancy: view(p) };
    });
  }

  /** Her consent as guardian, with what she knows of the first newborn screens. */
  async newbornConsent(contactId: string, a: { heelBloodDone: boolean | null; hearingFirst: 'passed' | 'failed' | 'notDone' | null }, now: Date): Promise<PregnancyView | undefined> {
    return runTransaction(this.d.db, async (tx) => {
      const p = await tx.pregnancy.findFirst({ where: { contactId, status: 'born' }, orderBy: { createdAt: 'desc' } });
      if (!p) return undefined;
      const updated = await tx.pregnancy.update({ where: { id: p.id }, data: { guardianConsentAt: now, heelBloodDone: a.heelBloodDone, hearingFirst: a.hearingFirst } });
      await this.d.planner.reconcile(tx, contactId, now, ['newborn']);
      return view(updated);
    });
  }

  /**
   * The pregnancy was lost: it ends now, every message about it is cancelled and its screenings'
   * bookings are released, in one transaction. Returns whether she had a pregnancy registered.
   */
  async reportLoss(contactId: string, now: Date): Promise<{ ended: boolean; bookingsReleased: number }> {
    return runTransaction(this.d.db, async (tx) => {
      const p = await tx.pregnancy.findUnique({ where: { activeKey: contactId } });
      if (p) {
        await tx.pregnancy.update({ where: { id: p.id }, data: { status: 'lost', activeKey: null, endedOn: shanghaiDay(now) } });
        await cancelQueuedMessages(tx, { contactId, dedupeKeyPrefix: `preg:${p.id}:` }, 'pregnancy lost', now);
      }
      // not registered, she may still have booked a prenatal visit (the booking asks her dating itself):
      // it ends too, with the due date she gave for it
      const bookingsReleased = await this.endPrenatalBookings(tx, contactId, 'pregnancy lost', now);
      await tx.fact.deleteMany({ where: { contactId, key: 'dueDate' } });
      await this.d.planner.reconcile(tx, contactId, now);
      return { ended: p !== null, bookingsReleased };
    });
  }

  /** Her baby died: the newborn reminders stop, and what she told about the baby's screens is forgotten. */
  async stopNewborn(contactId: string, now: Date): Promise<boolean> {
    return runTransaction(this.d.db, async (tx) => {
      const p = await tx.pregnancy.findFirst({ where: { contactId, status: 'born', guardianConsentAt: { not: null } }, orderBy: { createdAt: 'desc' } });
      if (!p) return false;
      await tx.pregnancy.update({ where: { id: p.id }, data: { guardianConsentAt: null, heelBloodDone: null, hearingFirst: null } });
      await cancelQueuedMessages(tx, { contactId, dedupeKeyPrefix: `newborn:${p.id}:` }, BABY_DIED, now);
      return true;
    });
  }

  /** Every pregnancy she registered, oldest first (for 我的信息). */
  async all(contactId: string): Promise<PregnancyView[]> {
    return (await this.d.db.pregnancy.findMany({ where: { contactId }, orderBy: { createdAt: 'asc' } })).map(view);
  }

  /**
   * The pregnancy ended: her held and confirmed prenatal bookings are released (seats passed on) and
   * a waitlist offer for one that is still queued is not sent either.
   */
  private async endPrenatalBookings(tx: Tx, contactId: string, reason: string, now: Date): Promise<number> {
    const prenatalIds = this.d.prenatal().map((s) => s.id);
    const offers = await tx.booking.findMany({ where: { contactId, status: 'held', serviceId: { in: prenatalIds } } });
    for (const b of offers) {
      await tx.outboxMessage.updateMany({ where: { dedupeKey: noticeKey('waitlistOffer', b), status: 'queued' }, data: { status: 'cancelled', lastError: reason } });
    }
    return this.d.releaseBookings(tx, contactId, prenatalIds, now);
  }

  /** She says a screening (prenatal, or a newborn screen) is done: its alerts stop. */
  async markDone(contactId: string, screeningId: string, now: Date): Promise<boolean> {
    return runTransaction(this.d.db, async (tx) => {
      const p = await tx.pregnancy.findFirst({ where: { contactId, status: { in: ['active', 'born'] } }, orderBy: { createdAt: 'desc' } });
      if (!p) return false;
      const newborn = this.d.newborn().find((n) => n.id === screeningId);
      if (newborn) {
        await tx.pregnancy.update({ where: { id: p.id }, data: newborn.skipWhen === 'heelBloodDone' ? { heelBloodDone: true } : { hearingFirst: 'passed' } });
      } else {
        await writeMark(tx, p.id, screeningId, 'done', shanghaiDay(now), now);
      }
      await this.d.planner.reconcile(tx, contactId, now, ['prenatal', 'newborn']);
      return true;
    });
  }

  /** A screening to ask her about when she registers late (its window closed, a follow-up depends on it), unless marked already. */
  async earlierToAsk(contactId: string, now: Date): Promise<{ id: string; name: string; opensDay: number; closesDay: number } | undefined> {
    const p = await this.d.db.pregnancy.findUnique({ where: { activeKey: contactId }, include: { screenings: true } });
    if (!p) return undefined;
    const pre = closedPrerequisite(this.d.prenatal(), p.dueDate, shanghaiDay(now));
    if (!pre || p.screenings.some((m) => m.screeningId === pre.id)) return undefined;
    return { id: pre.id, name: pre.name, opensDay: pre.opensDay, closesDay: pre.closesDay };
  }

  /**
   * What she says, when she registers late, about a screening whose window closed before (NT): done,
   * or missed (then what the programme offers after a missed one follows, e.g. Henan's fallback scan).
   */
  async recordEarlier(contactId: string, screeningId: string, done: boolean, now: Date): Promise<boolean> {
    const screening = this.d.prenatal().find((s) => s.id === screeningId);
    if (!screening) return false;
    return runTransaction(this.d.db, async (tx) => {
      const p = await tx.pregnancy.findUnique({ where: { activeKey: contactId } });
      if (!p) return false;
      await markEarlier(tx, p, screening, done ? 'done' : 'missed', now);
      await this.d.planner.reconcile(tx, contactId, now, ['prenatal']);
      return true;
    });
  }

  /** Staff: referred for prenatal diagnosis (or not any more). */
  async setReferred(pregnancyId: string, referred: boolean, now: Date): Promise<PregnancyView | undefined> {
    return runTransaction(this.d.db, async (tx) => {
      const p = await tx.pregnancy.findUnique({ where: { id: pregnancyId } });
      if (!p) return undefined;
      const updated = await tx.pregnancy.update({ where: { id: p.id }, data: { referred } });
      await this.d.planner.reconcile(tx, p.contactId, now, ['prenatal']);
      return view(updated);
    });
  }

  /** Her prenatal screenings and where each stands today (for the confirmation and 做过了). */
  async screenings(p: PregnancyView, now: Date): Promise<ScreeningState[]> {
    const today = shanghaiDay(now);
    const marks = await this.d.db.pregnancyScreening.findMany({ where: { pregnancyId: p.id } });
    const booked = await this.d.db.booking.findMany({
      where: { contactId: p.contactId, status: { in: SILENCING_STATUSES }, day: { gte: addDays(p.dueDate, -280) } },
      select: { serviceId: true, status: true },
    });
    const bookedIds = new Set(booked.map((b) => b.serviceId));
    // a visit she went to is done, whether or not she also said so
    const attendedIds = new Set(booked.filter((b) => b.status === 'attended').map((b) => b.serviceId));
    const missed = new Set(marks.filter((m) => m.status === 'missed').map((m) => m.screeningId));
    const out: ScreeningState[] = [];
    for (const s of this.d.prenatal()) {
      if (!screeningApplies(s, { ageOnDueDate: p.ageOnDueDate, twins: p.twins, referred: p.referred, missed })) continue;
      const w = windowOf(s, p.dueDate);
      const mark = attendedIds.has(s.id) ? 'done' : marks.find((m) => m.screeningId === s.id)?.status;
      const state = mark === 'done' ? 'done' : mark === 'missed' ? 'missed' : bookedIds.has(s.id) ? 'booked' : today < w.from ? 'ahead' : today <= w.to ? 'open' : 'closed';
      out.push({ id: s.id, name: s.name, from: w.from, to: w.to, state });
    }
    return out;
  }

  /** The newborn screens still needed for her latest baby (for 做过了). */
  async openNewbornScreens(contactId: string, now: Date): Promise<{ id: string; name: string }[]> {
    const p = await this.d.db.pregnancy.findFirst({ where: { contactId, status: 'born', guardianConsentAt: { not: null } }, orderBy: { createdAt: 'desc' } });
    if (!p?.birthDate) return [];
    const age = daysBetween(p.birthDate, shanghaiDay(now));
    return this.d
      .newborn()
      .filter((n) => age <= n.window.toDay && newbornScreenNeeded(n, p))
      .map((n) => ({ id: n.id, name: n.name }));
  }

  /** Whether the programme needs her age on the due date (a screening depends on it). */
  needsAge(): boolean {
    return this.d.prenatal().some((s) => s.maxAgeOnDueDate !== undefined || s.onlyIf?.minAgeOnDueDate !== undefined || s.onlyIf?.minAgeOnDueDateTwins !== undefined);
  }

  /** Whether the programme needs to know about twins (a screening depends on it). */
  needsTwins(): boolean {
    return this.d.prenatal().some((s) => s.singleOnly || s.onlyIf?.minAgeOnDueDateTwins !== undefined);
  }

  /** Gestational age in days today. */
  static gestationalAge(p: PregnancyView, now: Date): number {
    return gestationalAgeDays(p.dueDate, shanghaiDay(now));
  }

  /** Staff: screenings marked missed between two days (inclusive), oldest first. */
  async missed(from: string, to: string, take = 500) {
    const rows = await this.d.db.pregnancyScreening.findMany({
      where: { status: 'missed', day: { gte: from, lte: to } },
      orderBy: [{ day: 'asc' }, { pregnancyId: 'asc' }, { screeningId: 'asc' }],
      take,
      select: {
        screeningId: true,
        day: true,
        pregnancy: { select: { id: true, dueDate: true, status: true, contact: { select: { id: true, channel: true, externalId: true, regionId: true } } } },
      },
    });
    const names = new Map(this.d.prenatal().map((s) => [s.id, s.name]));
    return rows.map((r) => ({
      pregnancyId: r.pregnancy.id,
      screeningId: r.screeningId,
      screening: names.get(r.screeningId) ?? r.screeningId,
      windowClosedOn: r.day,
      dueDate: r.pregnancy.dueDate,
      pregnancyStatus: r.pregnancy.status,
      contact: { id: r.pregnancy.contact.id, channel: r.pregnancy.contact.channel, externalId: r.pregnancy.contact.externalId },
    }));
  }
}

async function writeDueDateFact(tx: Tx, contactId: string, dueDate: string, now: Date): Promise<void> {
  const valueJson = JSON.stringify(dueDate);
  await tx.fact.upsert({
    where: { contactId_key: { contactId, key: 'dueDate' } },
    create: { contactId, key: 'dueDate', valueJson, sensitive: true, updatedAt: now },
    update: { valueJson, sensitive: true, updatedAt: now },
  });
}

function view(p: Pregnancy): PregnancyView {
  return {
    id: p.id,
    contactId: p.contactId,
    status: p.status as PregnancyView['status'],
    dueDate: p.dueDate,
    datingFrom: p.datingFrom as DatingFrom,
    cycleDays: p.cycleDays,
    twins: p.twins,
    ageOnDueDate: p.ageOnDueDate,
    referred: p.referred,
    registeredOn: p.registeredOn,
    birthDate: p.birthDate,
    endedOn: p.endedOn,
    guardianConsent: p.guardianConsentAt !== null,
    heelBloodDone: p.heelBloodDone,
    hearingFirst: p.hearingFirst,
  };
}
