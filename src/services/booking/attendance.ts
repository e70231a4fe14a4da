// Attendance and no-shows. Hospital staff mark a visit attended by its code; after the day, a
// confirmed booking not marked attended becomes a no-show: her no-show count grows (the profile's
// noShowRankPenalty puts her later on waitlists) and she gets one kind message offering to rebook.
import { runTransaction } from '../../db/transaction.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import { normalizeBookingCode, visitCodeOf } from '../../domain/booking/bookingCode.js';
import type { BookingContext } from './bookingContext.js';
import type { AttendanceResult } from './bookingTypes.js';
import { queueNotice } from './notices.js';
import { viewOf } from './seatSql.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';
import { audit } from '../audit/audit.js';
import { auditBy, mustRunHospital } from '../staffAccess/scopeAccess.js';

/** What to mark: the code she shows (or typed from a scan), or the bookings ticked on the day's list. */
export type AttendanceInput = { hospitalId: string; now: Date; by?: StaffScope } & ({ code: string } | { bookingIds: string[] });

/**
 * Marks the bookings of a code attended at this hospital: the visit code marks every booking of the
 * visit, a suffixed code (XC7K3P-2) only that one; or the bookings of a list (of one woman's visit or
 * several). A booking already marked a no-show is corrected (her no-show count goes back down).
 * Unknown code or another hospital's: not_found. `by`: the staff member, who must run the hospital
 * (else a 403 StaffAccessError); each booking marked is audited in the transaction (ids only).
 */
export async function markAttended(ctx: BookingContext, a: AttendanceInput): Promise<AttendanceResult> {
  const countyId = a.by ? await mustRunHospital(ctx.db, a.by, a.hospitalId) : undefined;
  let where;
  if ('code' in a) {
    const code = normalizeBookingCode(a.code);
    if (!code) return { ok: false, reason: 'not_found' };
    const isVisit = visitCodeOf(code) === code;
    where = { hospitalId: a.hospitalId, OR: [{ code }, ...(isVisit ? [{ code: { startsWith: `${code}-` } }] : [])] };
  } else {
    where = { hospitalId: a.hospitalId, id: { in: a.bookingIds } };
  }
  const rows = await ctx.db.booking.findMany({ where, orderBy: { code: 'asc' } });
  if (rows.length === 0 || ('bookingIds' in a && rows.length !== new Set(a.bookingIds).size)) return { ok: false, reason: 'not_found' };
  const markable = rows.filter((b) => b.status === 'confirmed' || b.status === 'noshow' || b.status === 'attended');
  if (markable.length === 0) return { ok: false, reason: 'not_active', bookings: rows.map(viewOf) };
  const today = shanghaiDay(a.now);
  if (markable.every((b) => b.day > today)) return { ok: false, reason: 'too_early', bookings: rows.map(viewOf) };

  const marked = await runTransaction(ctx.db, async (tx) => {
    let n = 0;
    const corrected = new Set<string>();
    for (const b of markable) {
      if (b.day > today || b.status === 'attended') continue;
      const c = await tx.booking.updateMany({
        where: { id: b.id, status: b.status },
        data: { status: 'attended', attendedAt: a.now, activeKey: null },
      });
      n += c.count;
      if (c.count === 1 && b.status === 'noshow') corrected.add(b.contactId);
      if (c.count === 1 && a.by) {
        const detail = { contactId: b.contactId, hospitalId: b.hospitalId, serviceId: b.serviceId, day: b.day, was: b.status };
        await audit(tx, { by: auditBy(a.by), action: 'attendance.mark', objectType: 'booking', objectId: b.id, countyId, detail }, a.now);
      }
    }
    for (const contactId of corrected) {
      await tx.contact.updateMany({ where: { id: contactId, noShows: { gt: 0 } }, data: { noShows: { decrement: 1 } } });
    }
    return n;
  });
  const after = await ctx.db.booking.findMany({ where: { id: { in: rows.map((b) => b.id) } }, orderBy: { code: 'asc' } });
  return { ok: true, bookings: after.map(viewOf), marked };
}

const BATCH = 200;

/**
 * The job: confirmed bookings whose day is before today (Asia/Shanghai) become no-shows, one visit
 * at a time (the bookings of one code, day and session): her noShows + 1 and one message
 * (dedupeKey `noshow:<first booking id>`). Idempotent and safe in several processes: each booking
 * is claimed by a conditional write. Returns how many bookings it marked.
 */
export async function markNoShows(ctx: BookingContext, now: Date): Promise<number> {
  const today = shanghaiDay(now);
  let total = 0;
  let cursor: string | undefined;
  for (;;) {
    const due = await ctx.db.booking.findMany({
      // a day the hospital closed is not her missed appointment
      where: { status: 'confirmed', day: { lt: today }, slot: { closed: false }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    const done = new Set<string>();
    for (const b of due) {
      if (done.has(b.id)) continue;
      const base = visitCodeOf(b.code);
      total += await runTransaction(ctx.db, async (tx) => {
        // the whole visit at once, whichever of its bookings came first
        const visit = await tx.booking.findMany({
          where: {
            contactId: b.contactId,
            hospitalId: b.hospitalId,
            day: b.day,
            session: b.session,
            status: 'confirmed',
            OR: [{ code: base }, { code: { startsWith: `${base}-` } }],
          },
          orderBy: { code: 'asc' },
        });
        const claimed: typeof visit = [];
        for (const v of visit) {
          done.add(v.id);
          const c = await tx.booking.updateMany({ where: { id: v.id, status: 'confirmed' }, data: { status: 'noshow', activeKey: null } });
          if (c.count === 1) claimed.push(v);
        }
        if (claimed.length === 0) return 0;
        await tx.contact.updateMany({ where: { id: b.contactId }, data: { noShows: { increment: 1 } } });
        await ctx.bookingsChanged(
          tx,
          b.contactId,
          claimed.map((v) => v.serviceId),
          now,
        );
        const services = claimed.map((v) => v.serviceId);
        await queueNotice(tx, ctx, 'noShow', { ...claimed[0], code: base }, services, now, ctx.settings.offerHoldMinutes);
        return claimed.length;
      });
    }
    if (due.length < BATCH) return total;
    cursor = due[due.length - 1].id;
  }
}
