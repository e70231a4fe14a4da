// Staff: a pregnancy referred for prenatal diagnosis (or not any more), the screenings marked missed,
// to follow up, and the pregnancies registered. `by`: the staff member; only the pregnancies of the
// women the account sees (county and township accounts: src/services/staffAccess/scopeAccess.ts); a
// referral changed is audited in its transaction.
import type { DbTypes as Prisma } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';
import { audit } from '../audit/audit.js';
import { auditBy, pregnanciesWhere } from '../staffAccess/scopeAccess.js';
import type { PregnancyContext } from './pregnancyContext.js';
import { pregnancyToday } from '../../domain/pregnancy/nextWindow.js';
import { pregnancyView } from './pregnancyRows.js';
import type { MissedScreening, PregnancyView } from './pregnancyTypes.js';

export async function setReferred(
  ctx: PregnancyContext,
  pregnancyId: string,
  referred: boolean,
  now: Date,
  by?: StaffScope,
): Promise<PregnancyView | undefined> {
  const scope = by ? pregnanciesWhere(by) : {};
  return runTransaction(ctx.db, async (tx) => {
    const p = await tx.pregnancy.findFirst({ where: { AND: [{ id: pregnancyId }, scope] }, include: { contact: { select: { regionId: true } } } });
    if (!p) return undefined;
    const updated = await tx.pregnancy.update({ where: { id: p.id }, data: { referred, updatedAt: now } });
    if (by) {
      const detail = { contactId: p.contactId, referred };
      await audit(
        tx,
        { by: auditBy(by), action: 'pregnancy.referral', objectType: 'pregnancy', objectId: p.id, countyId: p.contact.regionId ?? undefined, detail },
        now,
      );
    }
    await ctx.planner.reconcile(tx, p.contactId, now, ['prenatal']);
    return pregnancyView(updated);
  });
}

/** Screenings marked missed between two days (inclusive), oldest first. */
export async function missedScreenings(ctx: PregnancyContext, from: string, to: string, take: number, by?: StaffScope): Promise<MissedScreening[]> {
  const rows = await ctx.db.pregnancyScreening.findMany({
    where: { status: 'missed', day: { gte: from, lte: to }, ...(by ? { pregnancy: pregnanciesWhere(by) } : {}) },
    orderBy: [{ day: 'asc' }, { pregnancyId: 'asc' }, { screeningId: 'asc' }],
    take,
    select: {
      screeningId: true,
      day: true,
      pregnancy: { select: { id: true, dueDate: true, status: true, contact: { select: { id: true, channel: true, externalId: true } } } },
    },
  });
  const names = new Map(ctx.prenatal().map((s) => [s.id, s.name]));
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

export interface RegisteredQuery {
  status?: 'active' | 'born' | 'lost';
  /** Registered from … to (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  referred?: boolean;
  take: number;
  /** Today (Asia/Shanghai): each pregnancy's gestational age and next screening window on it. */
  today: string;
}

/** The pregnancies registered between two days, the newest first, each with the screenings it missed. */
export async function registeredPregnancies(ctx: PregnancyContext, by: StaffScope, q: RegisteredQuery) {
  const where: Prisma.PregnancyWhereInput = {
    AND: [
      pregnanciesWhere(by),
      { registeredOn: { gte: q.from, lte: q.to } },
      ...(q.status ? [{ status: q.status }] : []),
      ...(q.referred === undefined ? [] : [{ referred: q.referred }]),
    ],
  };
  const rows = await ctx.db.pregnancy.findMany({
    where,
    orderBy: [{ registeredOn: 'desc' }, { id: 'asc' }],
    take: q.take,
    select: {
      id: true,
      contactId: true,
      status: true,
      dueDate: true,
      twins: true,
      referred: true,
      ageOnDueDate: true,
      registeredOn: true,
      birthDate: true,
      endedOn: true,
      screenings: { select: { screeningId: true, status: true, day: true }, orderBy: { day: 'asc' } },
    },
  });
  const programme = ctx.prenatal();
  const names = new Map(programme.map((x) => [x.id, x.name]));
  return rows.map(({ screenings, ageOnDueDate, ...p }) => {
    const missed = screenings.filter((x) => x.status === 'missed');
    const done = screenings.filter((x) => x.status === 'done').map((x) => x.screeningId);
    const facts = { ...p, ageOnDueDate, missed: new Set(missed.map((x) => x.screeningId)), done: new Set(done) };
    return {
      ...p,
      missed: missed.map((x) => ({ screeningId: x.screeningId, name: names.get(x.screeningId) ?? x.screeningId, windowClosedOn: x.day })),
      done,
      ...pregnancyToday(programme, facts, q.today),
    };
  });
}
