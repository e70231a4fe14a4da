// The messages the booking service queues for a woman: rendered from the injected texts and written
// to the outbox in the caller's transaction (invariant 2).
import type { Tx } from '../../db/client.js';
import { isoWeekday, shanghaiClockTime, shanghaiDay } from '../../domain/calendarDay.js';
import { formatChineseDate } from '../../domain/parse/formatChineseDate.js';
import { renderTemplate, type TemplateVars } from '../../domain/template.js';
import { enqueueMessage } from '../outbox/enqueueMessage.js';
import type { OutboxPriority } from '../outbox/outboxTypes.js';
import type { BookingContext } from './bookingContext.js';
import type { Session } from './bookingTypes.js';

export type NoticeKind = 'waitlistOffer' | 'offerExpired' | 'noShow' | 'closed' | 'waitlistEnded';

export interface NoticeBooking {
  id: string;
  code: string;
  contactId: string;
  hospitalId: string;
  day: string;
  session: string;
  heldUntil?: Date | null;
}

function noticeVars(
  ctx: BookingContext,
  b: NoticeBooking,
  services: string[],
  hospital: { name: string; address: string; phone: string } | null,
  now: Date,
  holdMinutes: number,
): TemplateVars {
  const texts = ctx.texts();
  const vars: TemplateVars = {
    hospital: hospital?.name ?? b.hospitalId,
    address: hospital?.address ?? '',
    phone: hospital?.phone ?? '',
    date: formatChineseDate(b.day),
    day: b.day,
    weekday: texts.weekdays[isoWeekday(b.day) - 1] ?? '',
    session: texts.sessions[b.session as Session] ?? b.session,
    services: [...services]
      .sort((a, b) => ctx.serviceRank(a) - ctx.serviceRank(b))
      .map((s) => ctx.serviceName(s))
      .join(texts.listSeparator ?? '、'),
    code: b.code,
    hours: Math.round((holdMinutes / 60) * 10) / 10,
    minutes: holdMinutes,
  };
  if (b.heldUntil) {
    const untilDay = shanghaiDay(b.heldUntil);
    vars.untilTime = shanghaiClockTime(b.heldUntil);
    vars.untilDate = formatChineseDate(untilDay);
    vars.until = untilDay === shanghaiDay(now) ? vars.untilTime : `${vars.untilDate} ${vars.untilTime}`;
  }
  return vars;
}

const DEDUPE_PREFIX: Record<NoticeKind, string> = {
  waitlistOffer: 'waitlist-offer',
  offerExpired: 'waitlist-expired',
  noShow: 'noshow',
  closed: 'closed',
  waitlistEnded: 'waitlist-ended',
};
const PRIORITY: Record<NoticeKind, OutboxPriority> = { waitlistOffer: 0, offerExpired: 1, noShow: 1, closed: 0, waitlistEnded: 1 };

/**
 * The dedupe key of a notice. A no-show is one per booking (the caller sends one per visit). An
 * offer or its expiry is one per woman, hospital, day, session and hold time: the seats of one
 * visit (两癌 = two services) passed to her together make one message, not one per service. The end
 * of her waiting places is one per woman, hospital and last day. `closed` and `noShow` are news
 * about a booking she holds, sent even after 退订 (src/services/outbox/bookingNews.ts reads these keys).
 */
export function noticeKey(kind: NoticeKind, b: NoticeBooking): string {
  if (kind === 'noShow' || kind === 'closed') return `${DEDUPE_PREFIX[kind]}:${b.id}`;
  if (kind === 'waitlistEnded') return `${DEDUPE_PREFIX[kind]}:${b.contactId}:${b.hospitalId}:${b.day}`;
  return `${DEDUPE_PREFIX[kind]}:${b.contactId}:${b.hospitalId}:${b.day}:${b.session}:${b.heldUntil?.getTime() ?? ''}`;
}

/** Queues one notice about `b` (see noticeKey). Returns false when she no longer exists or the same notice was queued before. */
export async function queueNotice(
  tx: Tx,
  ctx: BookingContext,
  kind: NoticeKind,
  b: NoticeBooking,
  services: string[],
  now: Date,
  holdMinutes: number,
  notBefore: Date = now,
): Promise<boolean> {
  const contact = await tx.contact.findUnique({ where: { id: b.contactId }, select: { channel: true, externalId: true, account: true } });
  if (!contact) return false;
  const hospital = await tx.hospital.findUnique({ where: { id: b.hospitalId }, select: { name: true, address: true, phone: true } });
  const text = renderTemplate(ctx.texts()[kind], noticeVars(ctx, b, services, hospital, now, holdMinutes));
  return enqueueMessage(
    tx,
    {
      contactId: b.contactId,
      channel: contact.channel,
      externalId: contact.externalId,
      // sent by the process of the bot account she talks to
      account: contact.account,
      text,
      priority: PRIORITY[kind],
      dedupeKey: noticeKey(kind, b),
      notBefore,
    },
    now,
  );
}
