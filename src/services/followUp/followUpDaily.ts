// The daily work on follow-up cases: her reminders of the next step, and the escalation of cases long
// overdue. Idempotent and safe in several processes: a reminder is one per case and day (its dedupe
// key, and `lastRemindedOn` moved by a conditional write); an escalation is marked once (a write
// conditional on no mark yet).
//
// She is reminded only when all hold: the case is neither booked, done nor closed; she is a woman of
// the bot's who consents; her result was told to her in her private chat (sent, or released by staff:
// never a held result, nor before she was told); the profile's day has come (followUpReminder.ts).
// After 退订 she is still reminded, as her result notice still went (bookingNews.ts).
import type { Db, FollowUpCase } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import { addDays, shanghaiDay } from '../../domain/calendarDay.js';
import { followUpReminderText, reminderDue } from '../../domain/followUp/followUpReminder.js';
import type { FollowUpSettings } from '../../domain/profile/followUpSchema.js';
import { FOLLOW_UP_REMINDER_PREFIX } from '../outbox/bookingNews.js';
import { enqueueMessages } from '../outbox/enqueueMessage.js';
import type { ResultHospitals } from '../results/ResultService.js';
import { followUpEvent } from './followUpEvents.js';

/** Her private chat (as ResultService.tell: an SMS never carries anything of a result). */
const PRIVATE_CHANNELS = ['wechat', 'simulator'];
/** Results told to her through the bot. */
const TOLD = ['sent', 'released'];
const PAGE = 500;
/** Who the job's events name. */
const JOB_ACTOR = 'job:followUp';

export class FollowUpDaily {
  constructor(
    private readonly db: Db,
    private readonly settings: FollowUpSettings,
    private readonly hospitals: ResultHospitals,
  ) {}

  /** Today's reminders into the outbox; returns how many were queued. */
  async remind(now: Date): Promise<number> {
    const today = shanghaiDay(now);
    const furthest = Math.max(...this.settings.reminders.daysBefore);
    let queued = 0;
    let after: string | undefined;
    for (;;) {
      const cases = await this.db.followUpCase.findMany({
        where: {
          closedAt: null,
          doneAt: null,
          bookedAt: null,
          contactId: { not: null },
          dueOn: { gte: today, lte: addDays(today, furthest) },
          OR: [{ lastRemindedOn: null }, { lastRemindedOn: { lt: today } }],
          ...(after ? { id: { gt: after } } : {}),
        },
        orderBy: { id: 'asc' },
        take: PAGE,
      });
      for (const c of cases) if (await this.remindOne(c, today, now)) queued++;
      if (cases.length < PAGE) return queued;
      after = cases[cases.length - 1].id;
    }
  }

  private async remindOne(c: FollowUpCase, today: string, now: Date): Promise<boolean> {
    const [result, contact, told] = await Promise.all([
      this.db.screeningResult.findUnique({ where: { id: c.resultId }, select: { status: true, contactId: true } }),
      this.db.contact.findUnique({ where: { id: c.contactId! } }),
      this.db.resultEvent.findFirst({ where: { resultId: c.resultId, kind: 'sent' }, orderBy: { at: 'desc' }, select: { at: true } }),
    ]);
    if (!result || !TOLD.includes(result.status) || result.contactId !== c.contactId || !told) return false;
    if (!contact || contact.consent !== 'given' || !PRIVATE_CHANNELS.includes(contact.channel)) return false;
    const which = reminderDue(this.settings.reminders.daysBefore, { dueOn: c.dueOn, lastRemindedOn: c.lastRemindedOn, toldOn: shanghaiDay(told.at) }, today);
    if (!which) return false;
    const hospital = this.hospitals.get(c.hospitalId);
    if (!hospital) return false;
    const text = followUpReminderText(this.settings, which, { nextStep: c.nextStep, dueOn: c.dueOn, where: hospital.name, phone: hospital.phone });
    return runTransaction(this.db, async (tx) => {
      // (one process reminds her today: the others find it done)
      const moved = await tx.followUpCase.updateMany({
        where: { id: c.id, closedAt: null, doneAt: null, bookedAt: null, OR: [{ lastRemindedOn: null }, { lastRemindedOn: { lt: today } }] },
        data: { lastRemindedOn: today },
      });
      if (moved.count === 0) return false;
      const n = await enqueueMessages(
        tx,
        [
          {
            contactId: contact.id,
            channel: contact.channel,
            externalId: contact.externalId,
            account: contact.account,
            text,
            priority: 1,
            dedupeKey: `${FOLLOW_UP_REMINDER_PREFIX}${c.id}:${today}`,
            notBefore: now,
          },
        ],
        now,
      );
      if (n === 0) return false;
      await followUpEvent(tx, c.id, 'reminded', JOB_ACTOR, now, which);
      return true;
    });
  }

  /** Marks the cases overdue by the profile's days as escalated to county staff (once); returns how many. */
  async escalate(now: Date): Promise<number> {
    // (overdue: past its due day; by N days: N days past it, at least one)
    const lastDue = addDays(shanghaiDay(now), -Math.max(1, this.settings.escalateAfterDays));
    let escalated = 0;
    for (;;) {
      const cases = await this.db.followUpCase.findMany({
        where: { closedAt: null, doneAt: null, escalatedAt: null, dueOn: { lte: lastDue } },
        orderBy: { id: 'asc' },
        take: PAGE,
        select: { id: true },
      });
      let marked = 0;
      for (const c of cases) {
        const done = await runTransaction(this.db, async (tx) => {
          const moved = await tx.followUpCase.updateMany({ where: { id: c.id, escalatedAt: null, closedAt: null, doneAt: null }, data: { escalatedAt: now } });
          if (moved.count === 1) await followUpEvent(tx, c.id, 'escalated', JOB_ACTOR, now);
          return moved.count === 1;
        });
        if (done) marked++;
      }
      escalated += marked;
      // (each page read again finds only what is still unmarked; another process may mark some meanwhile)
      if (cases.length < PAGE || marked === 0) return escalated;
    }
  }
}
