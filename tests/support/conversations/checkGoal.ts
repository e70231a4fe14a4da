// Compares what the bot did for her (the database rows) with what she meant (a case's goal):
// whether the goal holds, and every action that contradicts it (tests/conversations/README.md).
// A turn's `state` is checked the same way, but only for the keys it names.
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../../../src/db/client.js';
import type { CaseGoal, CaseGiven } from './caseSchema.js';
import { checkContact, checkDeleted, checkOutbox, checkPregnancy, checkSeats, visitCode } from './checkRows.js';

export interface GoalCheck {
  reached: boolean;
  /** Things done that she did not mean (must be none). */
  wrong: string[];
  /** Parts of the goal that do not hold (yet). */
  missing: string[];
}

/** Who is checked: the contact she started as, and how the channel knows her (she may be a new contact after deleting her data). */
export interface Woman {
  contactId: string;
  externalId: string;
  given: CaseGiven;
}

export interface CheckOptions {
  /** What the bot replied to her so far (for `replied`). */
  replies: readonly string[];
  /**
   * true for a case's goal: also every action the goal does not mention is wrong (a refusal, a
   * booking, a cancellation, a pregnancy). false for a turn's `state`: only the keys named.
   */
  whole: boolean;
}

const ACTIVE = ['held', 'confirmed'];

/** A stored fact equals the goal's value; a date fact may be given as its day alone. */
export function sameFact(stored: unknown, wanted: unknown): boolean {
  if (isDeepStrictEqual(stored, wanted)) return true;
  if (typeof wanted === 'string' && stored && typeof stored === 'object' && 'date' in stored) return (stored as { date: unknown }).date === wanted;
  if (typeof wanted === 'string' && stored && typeof stored === 'object' && 'dueDate' in stored) return (stored as { dueDate: unknown }).dueDate === wanted;
  return false;
}

export async function checkGoal(db: Db, woman: Woman, goal: CaseGoal, o: CheckOptions): Promise<GoalCheck> {
  const wrong: string[] = [];
  const missing: string[] = [];
  const contact = await db.contact.findUnique({ where: { channel_externalId: { channel: 'simulator', externalId: woman.externalId } } });
  if (goal.deleted) await checkDeleted(db, woman.contactId, contact?.id, missing);
  else if (o.whole && contact?.id !== woman.contactId) missing.push('she is no longer the contact she was (her data was deleted)');
  const contactId = contact?.id ?? '';
  const [facts, checks, bookings, waitlist, pregnancies, conversation] = await Promise.all([
    db.fact.findMany({ where: { contactId } }),
    db.eligibilityCheck.findMany({ where: { contactId }, orderBy: { checkedAt: 'asc' } }),
    db.booking.findMany({ where: { contactId }, orderBy: { createdAt: 'asc' } }),
    db.waitlistEntry.findMany({ where: { contactId, status: { in: ['waiting', 'offered'] } } }),
    db.pregnancy.findMany({ where: { contactId }, orderBy: { createdAt: 'asc' } }),
    db.conversation.findUnique({ where: { contactId } }),
  ]);

  if (goal.consent && (contact?.consent ?? 'none') !== goal.consent) missing.push(`consent is ${contact?.consent ?? '(no contact)'}, not ${goal.consent}`);
  if (goal.healthConsent !== undefined && !!contact?.healthConsentAt !== goal.healthConsent) missing.push(`health consent is ${!!contact?.healthConsentAt}`);
  if (goal.contact) checkContact(contact, goal.contact, missing);

  // refusals: a check that contradicts the goal, or (the whole goal) any refusal when it expects none
  const e = goal.eligibility;
  for (const check of checks) {
    const expected = e?.programme === check.programme ? e.eligible : undefined;
    if (expected !== undefined ? check.eligible !== expected : o.whole && !check.eligible) {
      wrong.push(`eligibility check ${check.programme}: eligible=${check.eligible} (${check.reasonCode ?? ''})`);
    }
  }
  if (e) {
    const ofProgramme = checks.filter((k) => k.programme === e.programme);
    if (e.checks !== undefined && ofProgramme.length !== e.checks) missing.push(`${ofProgramme.length} eligibility checks for ${e.programme}, not ${e.checks}`);
    const last = ofProgramme.at(-1);
    if (!last) missing.push(`no eligibility check for ${e.programme}`);
    else {
      if (e.reason !== undefined && last.reasonCode !== e.reason) wrong.push(`eligibility ${e.programme}: reason ${last.reasonCode}, not ${e.reason}`);
      if (e.nextEligibleOn !== undefined && last.nextEligibleOn !== e.nextEligibleOn) {
        wrong.push(`eligibility ${e.programme}: next eligible on ${last.nextEligibleOn}, not ${e.nextEligibleOn}`);
      }
    }
  }

  const factMap = new Map(facts.map((f) => [f.key, JSON.parse(f.valueJson) as unknown]));
  for (const [key, wanted] of Object.entries(goal.facts ?? {})) {
    if (!factMap.has(key)) missing.push(`fact ${key} not stored`);
    else if (!sameFact(factMap.get(key), wanted)) wrong.push(`fact ${key} = ${JSON.stringify(factMap.get(key))}, meant ${JSON.stringify(wanted)}`);
  }
  if (goal.noOtherFacts)
    for (const key of factMap.keys()) if (!(key in (goal.facts ?? {}))) wrong.push(`fact ${key} stored (${JSON.stringify(factMap.get(key))})`);
  for (const key of goal.notStored ?? []) if (factMap.has(key)) wrong.push(`fact ${key} still stored`);
  if (goal.sensitive) {
    const sensitive = facts.filter((f) => f.sensitive).map((f) => f.key);
    if (!isDeepStrictEqual([...sensitive].sort(), [...goal.sensitive].sort())) missing.push(`sensitive facts are [${sensitive.sort().join(', ')}]`);
  }

  const active = bookings.filter((b) => ACTIVE.includes(b.status));
  const g = goal.booking;
  const wantedServices = g?.service ?? [];
  const matches = (b: (typeof bookings)[number]) =>
    wantedServices.includes(b.serviceId) &&
    (!g?.day || b.day === g.day) &&
    (!g?.session || b.session === g.session) &&
    (!g?.hospital || b.hospitalId === g.hospital) &&
    (!g?.status || b.status === g.status) &&
    (!g?.heldUntil || b.heldUntil?.getTime() === new Date(g.heldUntil).getTime());
  const stillToMove = (b: (typeof bookings)[number]) =>
    goal.bookingCancelled || (goal.changedFrom && b.day === goal.changedFrom.day && (!goal.changedFrom.session || b.session === goal.changedFrom.session));
  if (o.whole || g) {
    for (const b of active) {
      if (matches(b)) continue;
      // the booking she asked to cancel or move is still there: not done yet, not done wrong
      if (stillToMove(b) && bookings.indexOf(b) === bookings.findIndex((x) => x.serviceId === b.serviceId))
        missing.push(`she still holds ${b.serviceId} ${b.day} ${b.session}`);
      else wrong.push(`booking ${b.serviceId} ${b.day} ${b.session} (${b.status}) she did not mean`);
    }
  }
  for (const service of wantedServices) if (!active.some((b) => b.serviceId === service && matches(b))) missing.push(`no booking of ${service}`);
  if (goal.noBooking && active.length > 0) missing.push('she still holds a booking');
  if (o.whole) {
    for (const b of bookings.filter((x) => x.status === 'cancelled')) {
      // moved: cancelled for the new booking she holds; cancelled with nothing in its place is a wrong action
      const changed = wantedServices.includes(b.serviceId) && active.some((a) => a.serviceId === b.serviceId);
      if (!goal.bookingCancelled && !goal.noBooking && !changed) wrong.push(`booking ${b.serviceId} ${b.day} cancelled`);
    }
  }
  if (goal.bookingCancelled && !bookings.some((b) => b.status === 'cancelled')) missing.push('no booking was cancelled');
  if (goal.waitlist && !waitlist.some((w) => w.serviceId === goal.waitlist!.service)) missing.push(`not on the waitlist for ${goal.waitlist.service}`);
  if (goal.seats) await checkSeats(db, goal.seats, missing);

  if (goal.pregnancies !== undefined && pregnancies.length !== goal.pregnancies) missing.push(`${pregnancies.length} pregnancies, not ${goal.pregnancies}`);
  checkPregnancy(pregnancies, contactId, goal, { whole: o.whole, given: woman.given.pregnancy }, wrong, missing);
  if (goal.pregnancy?.screenings) {
    const p = pregnancies.at(-1);
    const marks = p ? await db.pregnancyScreening.findMany({ where: { pregnancyId: p.id }, orderBy: { screeningId: 'asc' } }) : [];
    const got = marks.map((m) => ({ screening: m.screeningId, status: m.status, day: m.day }));
    const want = [...goal.pregnancy.screenings].sort((a, b) => a.screening.localeCompare(b.screening));
    const same =
      got.length === want.length && want.every((w, i) => w.screening === got[i].screening && w.status === got[i].status && (!w.day || w.day === got[i].day));
    if (!same) missing.push(`pregnancy screenings are ${JSON.stringify(got)}`);
  }
  if (goal.outbox) {
    const code = await visitCode(db, contactId);
    await checkOutbox(db, contactId, goal.outbox, (s) => s.replaceAll('{bookingCode}', code), missing);
  }

  if (goal.waitingAt) {
    const at = conversation?.flowId ? `${conversation.flowId}.${conversation.stepId}` : 'none';
    if (at !== goal.waitingAt) missing.push(`waiting at ${at}, not ${goal.waitingAt}`);
  }
  if (goal.answers) {
    const answers = JSON.parse(conversation?.varsJson ?? '{}') as unknown;
    if (!isDeepStrictEqual(answers, goal.answers)) missing.push(`her conversation holds ${JSON.stringify(answers)}`);
  }
  for (const w of goal.replied ?? []) if (!o.replies.some((r) => r.includes(w))) missing.push(`no reply says "${w}"`);
  if (goal.nothingStored && facts.length + checks.length + bookings.length + pregnancies.length + waitlist.length > 0) {
    wrong.push('something was stored about her');
  }
  return { reached: missing.length === 0 && wrong.length === 0, wrong, missing };
}
