// The waitlist: joining (her rank grows with her no-shows), accepting or declining a seat held for
// her, and the job that lets unanswered offers expire and passes their seats on.
import { runTransaction } from '../../db/transaction.js';
import crypto from 'node:crypto';
import { isCalendarDay } from '../../domain/calendarDay.js';
import type { BookingSettings } from '../../domain/profile/profileSchema.js';
import type { BookingContext } from './bookingContext.js';
import type { AcceptResult, JoinWaitlistArgs, JoinWaitlistResult, WaitlistView } from './bookingTypes.js';
import { endBooking } from './cancelBooking.js';
import { queueNotice } from './notices.js';
import { viewOf } from './seatSql.js';
import { normalizeServiceIds } from './slotQueries.js';

const waitKey = (contactId: string, hospitalId: string, serviceId: string) => `${contactId}:${hospitalId}:${serviceId}`;

export async function joinWaitlist(ctx: BookingContext, a: JoinWaitlistArgs): Promise<JoinWaitlistResult> {
  const settings = a.settings ?? ctx.settings;
  const serviceIds = normalizeServiceIds([...(a.serviceIds ?? []), ...(a.serviceId ? [a.serviceId] : [])]);
  if (serviceIds.length === 0 || !isCalendarDay(a.dateFrom) || !isCalendarDay(a.dateTo) || a.dateFrom > a.dateTo) {
    return { ok: false, reason: 'invalid_range', entries: [] };
  }
  const contact = await ctx.db.contact.findUnique({ where: { id: a.contactId }, select: { noShows: true } });
  const rank = (contact?.noShows ?? 0) * settings.noShowRankPenalty;
  const created = await runTransaction(ctx.db, async (tx) => {
    let n = 0;
    for (const serviceId of serviceIds) {
      n += await tx.$executeRaw`
        INSERT INTO "WaitlistEntry" ("id", "contactId", "hospitalId", "serviceId", "dateFrom", "dateTo", "rank", "status",
                                     "activeKey", "createdAt", "updatedAt")
        VALUES (${crypto.randomUUID()}, ${a.contactId}, ${a.hospitalId}, ${serviceId}, ${a.dateFrom}, ${a.dateTo}, ${rank},
                'waiting', ${waitKey(a.contactId, a.hospitalId, serviceId)}, ${a.now}, ${a.now})
        ON CONFLICT DO NOTHING`;
    }
    return n;
  });
  const entries = await waitlistFor(ctx, a.contactId, a.hospitalId, serviceIds);
  return created === 0 ? { ok: false, reason: 'already_waiting', entries } : { ok: true, entries };
}

/** Her waiting or offered places (optionally for one hospital and some services). */
export async function waitlistFor(ctx: BookingContext, contactId: string, hospitalId?: string, serviceIds?: string[]): Promise<WaitlistView[]> {
  const rows = await ctx.db.waitlistEntry.findMany({
    where: {
      contactId,
      status: { in: ['waiting', 'offered'] },
      ...(hospitalId ? { hospitalId } : {}),
      ...(serviceIds ? { serviceId: { in: serviceIds } } : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { serviceId: 'asc' }],
  });
  return rows.map(({ id, contactId: c, hospitalId: h, serviceId, dateFrom, dateTo, rank, status, bookingId }) => ({
    id,
    contactId: c,
    hospitalId: h,
    serviceId,
    dateFrom,
    dateTo,
    rank,
    status,
    bookingId,
  }));
}

/** She says yes to the seats held for her: held → confirmed while the hold lasts. */
export async function acceptOffer(ctx: BookingContext, a: { contactId: string; now: Date; settings?: BookingSettings }): Promise<AcceptResult> {
  const held = await ctx.db.booking.findMany({ where: { contactId: a.contactId, status: 'held' }, orderBy: { serviceId: 'asc' } });
  const live = held.filter((b) => b.heldUntil !== null && b.heldUntil.getTime() > a.now.getTime());
  // a hold that ran out before the job noticed: it passes on now
  for (const b of held.filter((x) => !live.includes(x))) await expireOne(ctx, b.id, a.now, a.settings ?? ctx.settings);
  if (live.length === 0) {
    if (held.length > 0) return { ok: false, reason: 'expired' };
    const expired = await ctx.db.waitlistEntry.findFirst({
      where: { contactId: a.contactId, status: 'expired', updatedAt: { gte: new Date(a.now.getTime() - 86_400_000) } },
    });
    return { ok: false, reason: expired ? 'expired' : 'none' };
  }
  const confirmed = await runTransaction(ctx.db, async (tx) => {
    const ids: string[] = [];
    for (const b of live) {
      const c = await tx.booking.updateMany({ where: { id: b.id, status: 'held', heldUntil: { gt: a.now } }, data: { status: 'confirmed', heldUntil: null } });
      if (c.count === 0) continue;
      await tx.waitlistEntry.updateMany({ where: { bookingId: b.id, status: 'offered' }, data: { status: 'booked', activeKey: null, updatedAt: a.now } });
      ids.push(b.id);
    }
    if (ids.length > 0)
      await ctx.bookingsChanged(
        tx,
        a.contactId,
        live.map((b) => b.serviceId),
        a.now,
      );
    return ids;
  });
  if (confirmed.length === 0) return { ok: false, reason: 'expired' };
  const rows = await ctx.db.booking.findMany({ where: { id: { in: confirmed } }, orderBy: { serviceId: 'asc' } });
  return { ok: true, bookings: rows.map(viewOf) };
}

/** She says no: the seats held for her go to the next woman waiting (or back to the pool). */
export async function declineOffer(ctx: BookingContext, a: { contactId: string; now: Date; settings?: BookingSettings }): Promise<number> {
  const settings = a.settings ?? ctx.settings;
  const held = await ctx.db.booking.findMany({ where: { contactId: a.contactId, status: 'held' }, orderBy: { serviceId: 'asc' } });
  let n = 0;
  for (const b of held) {
    if (await runTransaction(ctx.db, (tx) => endBooking(tx, ctx, b, 'cancelled', a.now, settings))) n++;
  }
  return n;
}

async function expireOne(ctx: BookingContext, bookingId: string, now: Date, settings: BookingSettings): Promise<boolean> {
  return runTransaction(ctx.db, async (tx) => {
    const b = await tx.booking.findUnique({ where: { id: bookingId } });
    if (!b || b.status !== 'held' || !b.heldUntil || b.heldUntil.getTime() > now.getTime()) return false;
    const seat = await endBooking(tx, ctx, b, 'expired', now, settings);
    if (!seat) return false;
    await queueNotice(tx, ctx, 'offerExpired', b, [b.serviceId], now, settings.offerHoldMinutes);
    return true;
  });
}

const BATCH = 200;

/**
 * The job: held bookings past heldUntil become 'expired' (her entry too), she is told, and the seat
 * passes to the next woman waiting or back to the pool. Idempotent; safe in several processes (each
 * booking is claimed by a conditional write). Returns how many offers expired.
 */
export async function expireOffers(ctx: BookingContext, now: Date, settings?: BookingSettings): Promise<number> {
  const s = settings ?? ctx.settings;
  let total = 0;
  let cursor: string | undefined;
  for (;;) {
    const due = await ctx.db.booking.findMany({
      where: { status: 'held', heldUntil: { lte: now }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: { id: true },
    });
    for (const { id } of due) if (await expireOne(ctx, id, now, s)) total++;
    if (due.length < BATCH) return total;
    cursor = due[due.length - 1].id;
  }
}
