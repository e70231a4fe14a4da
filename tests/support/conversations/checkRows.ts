// The parts of a goal (checkGoal.ts) about single tables: her contact row, her pregnancy, her
// outbox, seats, and what is left of her after she deleted her data.
import type { Db, Pregnancy } from '../../../src/db/client.js';
import type { CaseGoal, OutboxRowGoal } from './caseSchema.js';

type Contact = Awaited<ReturnType<Db['contact']['findUnique']>>;

/** Her latest booking's code as she was told it (a visit of several services shares one code, stored as CODE, CODE-2…). */
export async function visitCode(db: Db, contactId: string | undefined): Promise<string> {
  const latest = contactId ? await db.booking.findFirst({ where: { contactId }, orderBy: { createdAt: 'desc' } }) : null;
  return latest?.code.replace(/-\d+$/, '') ?? '';
}

const sameInstant = (a: Date | null | undefined, b: string | null) => (b === null ? a == null : a?.getTime() === new Date(b).getTime());

export function checkContact(contact: Contact, g: NonNullable<CaseGoal['contact']>, missing: string[]): void {
  if (!contact) {
    missing.push('she has no contact row');
    return;
  }
  if (g.subscribed !== undefined && contact.subscribed !== g.subscribed) missing.push(`subscribed is ${contact.subscribed}`);
  if (g.noShows !== undefined && contact.noShows !== g.noShows) missing.push(`no-shows: ${contact.noShows}, not ${g.noShows}`);
  if (g.account !== undefined && contact.account !== g.account) missing.push(`her account is ${contact.account}, not ${g.account}`);
  if (g.region !== undefined && contact.regionId !== g.region) missing.push(`her region is ${contact.regionId}, not ${g.region}`);
  if (g.consentAt !== undefined && !sameInstant(contact.consentAt, g.consentAt))
    missing.push(`consent recorded at ${contact.consentAt?.toISOString() ?? null}`);
}

/** Nothing refers to the contact she was; `now` is the contact the channel knows her by today, if any. */
export async function checkDeleted(db: Db, was: string, now: string | undefined, missing: string[]): Promise<void> {
  if (now === was) {
    missing.push('her contact row is still there');
    return;
  }
  const where = { contactId: was };
  const left = await Promise.all([
    db.fact.count({ where }),
    db.conversation.count({ where }),
    db.eligibilityCheck.count({ where }),
    db.booking.count({ where }),
    db.waitlistEntry.count({ where }),
    db.outboxMessage.count({ where }),
    db.pregnancy.count({ where }),
  ]);
  if (left.some((n) => n > 0))
    missing.push(`rows about her are left (facts, conversation, checks, bookings, waitlist, outbox, pregnancies: ${left.join(', ')})`);
}

/** Seats taken in each slot named, over all its pools. */
export async function checkSeats(db: Db, seats: NonNullable<CaseGoal['seats']>, missing: string[]): Promise<void> {
  for (const s of seats) {
    const slots = await db.slot.findMany({
      where: { serviceId: s.service, day: s.day, session: s.session, ...(s.hospital ? { hospitalId: s.hospital } : {}) },
      include: { pools: true },
    });
    const booked = slots.reduce((n, slot) => n + slot.pools.reduce((m, p) => m + p.booked, 0), 0);
    if (booked !== s.booked) missing.push(`${s.service} ${s.day} ${s.session}: ${booked} seats taken, not ${s.booked}`);
  }
}

const PREGNANCY_FIELDS = [
  'dueDate',
  'datingFrom',
  'cycleDays',
  'twins',
  'ageOnDueDate',
  'registeredOn',
  'birthDate',
  'endedOn',
  'heelBloodDone',
  'hearingFirst',
] as const;

export function checkPregnancy(
  pregnancies: Pregnancy[],
  contactId: string,
  goal: CaseGoal,
  o: { whole: boolean; given?: { dueDate: string } },
  wrong: string[],
  missing: string[],
): void {
  const g = goal.pregnancy;
  for (const p of pregnancies) {
    // one active pregnancy per woman: its activeKey is hers while active, and only then
    if ((p.activeKey === contactId) !== (p.status === 'active')) wrong.push(`pregnancy ${p.status} with activeKey ${p.activeKey}`);
    if (!o.whole) continue;
    if (p.status !== 'active' && p.status !== g?.status) wrong.push(`pregnancy ended (${p.status}) she did not mean`);
    if (g?.dueDate && p.status === 'active' && p.dueDate !== g.dueDate && p.dueDate !== o.given?.dueDate)
      wrong.push(`pregnancy dated ${p.dueDate}, meant ${g.dueDate}`);
    if (!g && !o.given) wrong.push(`pregnancy registered (due ${p.dueDate}) she did not mean`);
  }
  if (!g) return;
  const status = g.status ?? 'active';
  const p = pregnancies.filter((x) => x.status === status && (!g.dueDate || x.dueDate === g.dueDate)).at(-1);
  if (!p) {
    missing.push(`no ${status} pregnancy${g.dueDate ? ` due ${g.dueDate}` : ''}`);
    return;
  }
  for (const field of PREGNANCY_FIELDS) {
    if (g[field] !== undefined && p[field] !== g[field]) missing.push(`pregnancy ${field} is ${JSON.stringify(p[field])}, not ${JSON.stringify(g[field])}`);
  }
  if (g.guardianConsent !== undefined && !!p.guardianConsentAt !== g.guardianConsent) missing.push(`guardian consent is ${!!p.guardianConsentAt}`);
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Row ids (uuids, several joined by +, or cuids) and instants in milliseconds. */
const ID_PART = new RegExp(`^(${UUID}(\\+${UUID})*|c[a-z0-9]{20,}|\\d{12,})$`);

/** A dedupe key as a case names it: without the row ids and instants in it. */
export function outboxKey(dedupeKey: string): string {
  return dedupeKey
    .split(':')
    .filter((part) => !ID_PART.test(part))
    .join(':');
}

export async function checkOutbox(db: Db, contactId: string, want: OutboxRowGoal[], fill: (s: string) => string, missing: string[]): Promise<void> {
  const rows = (await db.outboxMessage.findMany({ where: { contactId }, orderBy: [{ notBefore: 'asc' }, { createdAt: 'asc' }] }))
    .map((r) => ({ ...r, key: outboxKey(r.dedupeKey) }))
    .sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime() || a.key.localeCompare(b.key));
  const show = () =>
    rows
      .map(
        (r) =>
          `${r.key} ${r.status}${r.lastError ? ` (${r.lastError})` : ''} due ${r.notBefore.toISOString()}${r.sentAt ? ` sent ${r.sentAt.toISOString()}` : ''}`,
      )
      .join('; ') || 'none';
  const same =
    rows.length === want.length &&
    want.every((w, i) => {
      const r = rows[i];
      return (
        r.key === w.key &&
        (w.status === undefined || r.status === w.status) &&
        (w.reason === undefined || r.lastError === w.reason) &&
        (w.due === undefined || sameInstant(r.notBefore, w.due)) &&
        (w.sentAt === undefined || sameInstant(r.sentAt, w.sentAt)) &&
        (w.priority === undefined || r.priority === w.priority) &&
        (w.account === undefined || r.account === w.account) &&
        (w.text === undefined || r.text === fill(w.text))
      );
    });
  if (!same) {
    const texts = want.some((w) => w.text !== undefined) ? `\n${rows.map((r) => r.text).join('\n---\n')}` : '';
    missing.push(`her outbox is: ${show()}${texts}`);
  }
}
