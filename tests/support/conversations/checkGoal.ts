// Compares what the bot did for her (the database rows) with what she meant (a case's goal):
// whether the goal holds, and every action that contradicts it (tests/conversations/README.md).
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../../../src/db/client.js';
import type { ConversationCase } from './caseSchema.js';

export interface GoalCheck {
  reached: boolean;
  /** Things done that she did not mean (must be none). */
  wrong: string[];
  /** Parts of the goal that do not hold (yet). */
  missing: string[];
}

const ACTIVE = ['held', 'confirmed'];

/** A stored fact equals the goal's value; a date fact may be given as its day alone. */
function sameFact(stored: unknown, wanted: unknown): boolean {
  if (isDeepStrictEqual(stored, wanted)) return true;
  if (typeof wanted === 'string' && stored && typeof stored === 'object' && 'date' in stored) return (stored as { date: unknown }).date === wanted;
  if (typeof wanted === 'string' && stored && typeof stored === 'object' && 'dueDate' in stored) return (stored as { dueDate: unknown }).dueDate === wanted;
  return false;
}

export async function checkGoal(db: Db, contactId: string, c: ConversationCase, replies: readonly string[]): Promise<GoalCheck> {
  const goal = c.goal;
  const wrong: string[] = [];
  const missing: string[] = [];
  const [contact, facts, checks, bookings, waitlist, pregnancies, conversation] = await Promise.all([
    db.contact.findUniqueOrThrow({ where: { id: contactId } }),
    db.fact.findMany({ where: { contactId } }),
    db.eligibilityCheck.findMany({ where: { contactId }, orderBy: { checkedAt: 'asc' } }),
    db.booking.findMany({ where: { contactId }, orderBy: { createdAt: 'asc' } }),
    db.waitlistEntry.findMany({ where: { contactId, status: { in: ['waiting', 'offered'] } } }),
    db.pregnancy.findMany({ where: { contactId } }),
    db.conversation.findUnique({ where: { contactId } }),
  ]);

  if (goal.consent && contact.consent !== goal.consent) missing.push(`consent is ${contact.consent}, not ${goal.consent}`);
  if (goal.healthConsent !== undefined && !!contact.healthConsentAt !== goal.healthConsent) missing.push(`health consent is ${!!contact.healthConsentAt}`);

  // refusals: a check that contradicts the goal, or any refusal when the goal expects none
  for (const check of checks) {
    const expected = goal.eligibility?.programme === check.programme ? goal.eligibility.eligible : undefined;
    if (expected !== undefined ? check.eligible !== expected : !check.eligible) {
      wrong.push(`eligibility check ${check.programme}: eligible=${check.eligible} (${check.reasonCode ?? ''})`);
    }
  }
  if (goal.eligibility) {
    const last = checks.filter((k) => k.programme === goal.eligibility!.programme).at(-1);
    if (!last) missing.push(`no eligibility check for ${goal.eligibility.programme}`);
  }

  const factMap = new Map(facts.map((f) => [f.key, JSON.parse(f.valueJson) as unknown]));
  for (const [key, wanted] of Object.entries(goal.facts ?? {})) {
    if (!factMap.has(key)) missing.push(`fact ${key} not stored`);
    else if (!sameFact(factMap.get(key), wanted)) wrong.push(`fact ${key} = ${JSON.stringify(factMap.get(key))}, meant ${JSON.stringify(wanted)}`);
  }

  const active = bookings.filter((b) => ACTIVE.includes(b.status));
  const wantedServices = goal.booking?.service ?? [];
  const matches = (b: (typeof bookings)[number]) =>
    wantedServices.includes(b.serviceId) &&
    (!goal.booking?.day || b.day === goal.booking.day) &&
    (!goal.booking?.session || b.session === goal.booking.session) &&
    (!goal.booking?.hospital || b.hospitalId === goal.booking.hospital) &&
    (!goal.booking?.status || b.status === goal.booking.status);
  const stillToMove = (b: (typeof bookings)[number]) =>
    goal.bookingCancelled || (goal.changedFrom && b.day === goal.changedFrom.day && (!goal.changedFrom.session || b.session === goal.changedFrom.session));
  for (const b of active) {
    if (matches(b)) continue;
    // the booking she asked to cancel or move is still there: not done yet, not done wrong
    if (stillToMove(b) && bookings.indexOf(b) === bookings.findIndex((x) => x.serviceId === b.serviceId))
      missing.push(`she still holds ${b.serviceId} ${b.day} ${b.session}`);
    else wrong.push(`booking ${b.serviceId} ${b.day} ${b.session} (${b.status}) she did not mean`);
  }
  for (const service of wantedServices) if (!active.some((b) => b.serviceId === service && matches(b))) missing.push(`no booking of ${service}`);
  if (goal.noBooking && active.length > 0) missing.push('she still holds a booking');
  for (const b of bookings.filter((x) => x.status === 'cancelled')) {
    const changed = wantedServices.includes(b.serviceId);
    if (!goal.bookingCancelled && !goal.noBooking && !changed) wrong.push(`booking ${b.serviceId} ${b.day} cancelled`);
  }
  if (goal.waitlist && !waitlist.some((w) => w.serviceId === goal.waitlist!.service)) missing.push(`not on the waitlist for ${goal.waitlist.service}`);

  const given = c.given.pregnancy;
  for (const p of pregnancies) {
    if (p.status !== 'active' && p.status !== goal.pregnancy?.status) wrong.push(`pregnancy ended (${p.status}) she did not mean`);
    if (goal.pregnancy?.dueDate && p.status === 'active' && p.dueDate !== goal.pregnancy.dueDate && p.dueDate !== given?.dueDate) {
      wrong.push(`pregnancy dated ${p.dueDate}, meant ${goal.pregnancy.dueDate}`);
    }
    if (!goal.pregnancy && !given) wrong.push(`pregnancy registered (due ${p.dueDate}) she did not mean`);
  }
  if (goal.pregnancy) {
    const p = pregnancies.find((x) => (goal.pregnancy!.status ?? 'active') === x.status && (!goal.pregnancy!.dueDate || x.dueDate === goal.pregnancy!.dueDate));
    if (!p) missing.push(`no ${goal.pregnancy.status ?? 'active'} pregnancy${goal.pregnancy.dueDate ? ` due ${goal.pregnancy.dueDate}` : ''}`);
  }

  if (goal.waitingAt) {
    const at = conversation ? `${conversation.flowId}.${conversation.stepId}` : '(none)';
    if (at !== goal.waitingAt) missing.push(`waiting at ${at}, not ${goal.waitingAt}`);
  }
  for (const w of goal.replied ?? []) if (!replies.some((r) => r.includes(w))) missing.push(`no reply says "${w}"`);
  if (goal.nothingStored && facts.length + checks.length + bookings.length + pregnancies.length + waitlist.length > 0) {
    wrong.push('something was stored about her');
  }
  return { reached: missing.length === 0 && wrong.length === 0, wrong, missing };
}
