// Hospital staff mark the bookings ticked on the day's list as no-shows (she did not come), on the
// day or after it, without waiting for the nightly job: as the job does, one visit at a time her
// no-show count grows and she gets one kind message offering to rebook (dedupeKey
// `noshow:<first booking id>`, so the job never sends it twice). Only an account that runs the
// hospital (403 otherwise); each booking marked is audited in the transaction (ids only).
import { runTransaction } from '../../db/transaction.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import { visitCodeOf } from '../../domain/booking/bookingCode.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';
import { audit } from '../audit/audit.js';
import { auditBy, mustRunHospital } from '../staffAccess/scopeAccess.js';
import type { BookingContext } from './bookingContext.js';
import type { AttendanceResult } from './bookingTypes.js';
import { queueNotice } from './notices.js';
import { viewOf } from './seatSql.js';

export interface NoShowInput {
  hospitalId: string;
  bookingIds: string[];
  now: Date;
  by: StaffScope;
}

/**
 * Marks confirmed bookings of this hospital, of today or earlier, as no-shows. Unknown ids or
 * another hospital's: not_found; none confirmed: not_active; all of a later day: too_early.
 */
export async function markNoShowsByStaff(ctx: BookingContext, a: NoShowInput): Promise<AttendanceResult> {
  const countyId = await mustRunHospital(ctx.db, a.by, a.hospitalId);
  const rows = await ctx.db.booking.findMany({ where: { hospitalId: a.hospitalId, id: { in: a.bookingIds } }, orderBy: { code: 'asc' } });
  if (rows.length === 0 || rows.length !== new Set(a.bookingIds).size) return { ok: false, reason: 'not_found' };
  const confirmed = rows.filter((b) => b.status === 'confirmed');
  if (confirmed.length === 0) return { ok: false, reason: 'not_active', bookings: rows.map(viewOf) };
  const today = shanghaiDay(a.now);
  const due = confirmed.filter((b) => b.day <= today);
  if (due.length === 0) return { ok: false, reason: 'too_early', bookings: rows.map(viewOf) };

  // one visit: her bookings of one code, day and session
  const visits = new Map<string, typeof due>();
  for (const b of due) {
    const key = `${b.contactId}:${b.day}:${b.session}:${visitCodeOf(b.code)}`;
    visits.set(key, [...(visits.get(key) ?? []), b]);
  }
  let marked = 0;
  for (const visit of visits.values()) {
    marked += await runTransaction(ctx.db, async (tx) => {
      const claimed: typeof visit = [];
      for (const v of visit) {
        const c = await tx.booking.updateMany({ where: { id: v.id, status: 'confirmed' }, data: { status: 'noshow', activeKey: null } });
        if (c.count !== 1) continue;
        claimed.push(v);
        const detail = { contactId: v.contactId, hospitalId: v.hospitalId, serviceId: v.serviceId, day: v.day };
        await audit(tx, { by: auditBy(a.by), action: 'attendance.noshow', objectType: 'booking', objectId: v.id, countyId, detail }, a.now);
      }
      if (claimed.length === 0) return 0;
      const first = claimed[0];
      const services = claimed.map((v) => v.serviceId);
      await tx.contact.updateMany({ where: { id: first.contactId }, data: { noShows: { increment: 1 } } });
      await ctx.bookingsChanged(tx, first.contactId, services, a.now);
      await queueNotice(tx, ctx, 'noShow', { ...first, code: visitCodeOf(first.code) }, services, a.now, ctx.settings.offerHoldMinutes);
      return claimed.length;
    });
  }
  const after = await ctx.db.booking.findMany({ where: { id: { in: rows.map((b) => b.id) } }, orderBy: { code: 'asc' } });
  return { ok: true, bookings: after.map(viewOf), marked };
}
