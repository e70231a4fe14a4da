// Seats that became free without a booking being given back (capacity raised, a closure lifted,
// reserved seats released to everyone) go to the waitlist at once, one seat at a time as passSeat
// does; and waiting places whose last day has passed end, with a kind word to her.
import { runTransaction } from '../../db/transaction.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import type { BookingSettings } from '../../domain/profile/profileSchema.js';
import type { BookingContext } from './bookingContext.js';
import { queueNotice } from './notices.js';
import { passSeat } from './passSeat.js';
import { takeSeat } from './seatSql.js';

export interface OfferFreeSeatsArgs {
  now: Date;
  /** Only this hospital (and service): the one whose seats changed. Default: all. */
  hospitalId?: string;
  serviceId?: string;
  settings?: BookingSettings;
}

/** Each free seat a woman waits for is held for her (offer queued); returns how many seats were offered. */
export async function offerFreeSeats(ctx: BookingContext, a: OfferFreeSeatsArgs): Promise<number> {
  const settings = a.settings ?? ctx.settings;
  const today = shanghaiDay(a.now);
  const waiting = await ctx.db.waitlistEntry.findMany({
    where: {
      status: 'waiting',
      dateTo: { gte: today },
      contact: { subscribed: true, consent: 'given' },
      ...(a.hospitalId ? { hospitalId: a.hospitalId } : {}),
      ...(a.serviceId ? { serviceId: a.serviceId } : {}),
    },
    select: { hospitalId: true, serviceId: true, dateFrom: true, dateTo: true },
  });
  // one range of days per hospital × service
  const ranges = new Map<string, { hospitalId: string; serviceId: string; from: string; to: string }>();
  for (const w of waiting) {
    const key = `${w.hospitalId}:${w.serviceId}`;
    const from = w.dateFrom < today ? today : w.dateFrom;
    const r = ranges.get(key);
    if (!r) ranges.set(key, { hospitalId: w.hospitalId, serviceId: w.serviceId, from, to: w.dateTo });
    else ranges.set(key, { ...r, from: from < r.from ? from : r.from, to: w.dateTo > r.to ? w.dateTo : r.to });
  }
  let offered = 0;
  for (const r of ranges.values()) {
    const pools = await ctx.db.slotPool.findMany({
      where: {
        slot: { hospitalId: r.hospitalId, serviceId: r.serviceId, closed: false, day: { gte: r.from, lte: r.to } },
        OR: [{ kind: 'general' }, { releaseAt: { lte: a.now } }],
      },
      select: { id: true, capacity: true, booked: true, slot: { select: { id: true, day: true, session: true } } },
      orderBy: [{ slot: { day: 'asc' } }, { slot: { session: 'asc' } }, { id: 'asc' }],
    });
    for (const p of pools) {
      for (let free = p.capacity - p.booked; free > 0; free--) {
        const seat = { slotId: p.slot.id, poolId: p.id, hospitalId: r.hospitalId, serviceId: r.serviceId, day: p.slot.day, session: p.slot.session };
        // the seat is taken for her and passed on in one transaction; nobody (left) to offer it to: given back
        const outcome = await runTransaction(ctx.db, async (tx) => {
          if (!(await takeSeat(tx, p.id))) return 'full';
          const s = await passSeat(tx, ctx, seat, a.now, settings);
          return 'passedTo' in s ? 'offered' : 'nobody';
        });
        if (outcome !== 'offered') break;
        offered++;
      }
    }
  }
  return offered;
}

/**
 * The job: waiting places whose last day has passed end, so she can join again later, and she is
 * told once per hospital and last day (after the quiet hours) what she can do. Returns how many
 * places ended.
 */
export async function endPastWaitlistPlaces(ctx: BookingContext, now: Date): Promise<number> {
  const due = await ctx.db.waitlistEntry.findMany({
    where: { status: 'waiting', dateTo: { lt: shanghaiDay(now) } },
    select: { id: true, contactId: true, hospitalId: true, serviceId: true, dateTo: true },
    orderBy: [{ contactId: 'asc' }, { hospitalId: 'asc' }, { dateTo: 'asc' }, { serviceId: 'asc' }],
  });
  const groups = new Map<string, typeof due>();
  for (const e of due) {
    const key = `${e.contactId}:${e.hospitalId}:${e.dateTo}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  let ended = 0;
  for (const entries of groups.values()) {
    ended += await runTransaction(ctx.db, async (tx) => {
      const ids: string[] = [];
      for (const e of entries) {
        const c = await tx.waitlistEntry.updateMany({ where: { id: e.id, status: 'waiting' }, data: { status: 'expired', activeKey: null, updatedAt: now } });
        if (c.count === 1) ids.push(e.id);
      }
      if (ids.length === 0) return 0;
      const first = entries[0];
      const contact = await tx.contact.findUnique({ where: { id: first.contactId }, select: { subscribed: true, consent: true } });
      if (contact?.subscribed && contact.consent === 'given') {
        await queueNotice(
          tx,
          ctx,
          'waitlistEnded',
          { id: first.id, code: '', contactId: first.contactId, hospitalId: first.hospitalId, day: first.dateTo, session: '' },
          entries.filter((e) => ids.includes(e.id)).map((e) => e.serviceId),
          now,
          0,
          ctx.offerStartsAt(now),
        );
      }
      return ids.length;
    });
  }
  return ended;
}
