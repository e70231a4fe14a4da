// The few reads and writes several pregnancy use cases share: the view of a row, her lapsed
// pregnancy, the due-date fact and the end of her prenatal bookings.
import type { Db, Tx } from '../../db/client.js';
import type { Pregnancy } from '../../db/client.js';
import { noticeKey } from '../booking/notices.js';
import type { PregnancyContext } from './pregnancyContext.js';
import type { DatingFrom, PregnancyView } from './pregnancyTypes.js';

export function pregnancyView(p: Pregnancy): PregnancyView {
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

/** Her latest pregnancy when it is a closed one awaiting its birth (an older one never is). */
export async function findLapsedPregnancy(q: Tx | Db, contactId: string): Promise<Pregnancy | null> {
  const p = await q.pregnancy.findFirst({ where: { contactId }, orderBy: { createdAt: 'desc' } });
  return p?.status === 'lapsed' ? p : null;
}

/** Her due date as a fact (sensitive): the eligibility questions read it. */
export async function writeDueDateFact(tx: Tx, contactId: string, dueDate: string, now: Date): Promise<void> {
  const valueJson = JSON.stringify(dueDate);
  await tx.fact.upsert({
    where: { contactId_key: { contactId, key: 'dueDate' } },
    create: { contactId, key: 'dueDate', valueJson, sensitive: true, updatedAt: now },
    update: { valueJson, sensitive: true, updatedAt: now },
  });
}

/**
 * The pregnancy ended: her held and confirmed prenatal bookings are released (seats passed on) and
 * a waitlist offer for one that is still queued is not sent either. Returns how many were released.
 */
export async function endPrenatalBookings(tx: Tx, ctx: PregnancyContext, contactId: string, reason: string, now: Date): Promise<number> {
  const prenatalIds = ctx.prenatal().map((s) => s.id);
  const offers = await tx.booking.findMany({ where: { contactId, status: 'held', serviceId: { in: prenatalIds } } });
  for (const b of offers) {
    await tx.outboxMessage.updateMany({
      where: { dedupeKey: noticeKey('waitlistOffer', b), status: 'queued' },
      data: { status: 'cancelled', lastError: reason },
    });
  }
  return ctx.releaseBookings(tx, contactId, prenatalIds, now);
}
