// Screening results: stored once per hospital result id (a repeat is recognised, a correction
// replaces it and says so), graded by the profile, matched to a woman by her visit code, else by her
// ID number when exactly one woman gave it and she had that test booked that day (never a guess: anything else goes to the unmatched queue
// with the reason), and told to her, only her, in
// her private chat through the outbox: at once when the profile's release rule allows, else held
// until a staff member releases it or records that she was told in person. Every step is recorded
// (ResultEvent). A result stays a programme record when she deletes her data: the link goes, not it.
// A held result has a deadline (the profile's working days, src/domain/results/holdDeadline.ts): past
// it, it is escalated to the county (heldEscalation.ts); a correction held again starts it afresh.
import type { Db, ScreeningResult, Tx } from '../../db/client.js';
import type { IdentityKeys } from '../../support/identityKeys.js';
import { isUniqueViolation, retrying, runTransaction } from '../../db/transaction.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import type { ResultsSettings } from '../../domain/profile/resultsSchema.js';
import { classifyResult } from '../../domain/results/classifyResult.js';
import { heldBeforeIsOverdue, holdDeadlineDay, type HoldDeadline } from '../../domain/results/holdDeadline.js';
import { bookedService, resultNotice } from '../../domain/results/resultNotice.js';
import { enqueueMessages } from '../outbox/enqueueMessage.js';
import { RESULT_NOTICE_PREFIX } from '../outbox/bookingNews.js';
import type { ResultRecord } from './resultRecord.js';
import { matchWoman, readAhead, resultKey, type ContactRow, type ReadAhead } from './resultReads.js';
import { actorName, auditUpload, mayActOnResult, resultAccess, type ResultActor } from './staffResults.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';
import { auditBy, mustRunHospital, resultsWhere } from '../staffAccess/scopeAccess.js';
import { audit } from '../audit/audit.js';

/** The hospitals results may come from: names and phones for the notice. */
export type ResultHospitals = ReadonlyMap<string, { name: string; phone: string }>;

/** What became of one result sent in. */
export interface IngestOutcome {
  hospitalResultId: string;
  /** stored: new; duplicate: the same result again (stored once); corrected: replaced; refused: nothing stored. */
  outcome: 'stored' | 'duplicate' | 'corrected' | 'refused';
  resultId?: string;
  /** matched to a woman of the bot's, or waiting in the unmatched queue. */
  match?: 'matched' | 'unmatched';
  status?: ResultStatus;
  reason?: string;
}

/** sent: told her at once; held: waits for staff; released / toldInPerson: staff did; notSent: nobody to send to. */
export type ResultStatus = 'sent' | 'held' | 'released' | 'toldInPerson' | 'notSent';

/** A result whose woman deleted her data: kept as a programme record, never matched to a chat again. */
export const UNLINKED = 'unlinked';
/** The channels that are her private chat (not SMS: it never carries a result). */
const PRIVATE_CHANNELS = ['wechat', 'simulator'];

/** Another writer changed the result between the read and the write: read again. */
class ChangedMeanwhile extends Error {}

/** Rolls back a batch of results (all or nothing, or a dry run), carrying what would have become of each. */
class RolledBack extends Error {
  constructor(readonly outcomes: IngestOutcome[]) {
    super('rolled back');
  }
}

/** What happened to a result row: each effect sees it in the same transaction. */
export type ResultChange = 'stored' | 'corrected' | 'matched' | 'released' | 'toldInPerson';

/**
 * Work that follows a result, in the transaction that wrote it: a follow-up case for an abnormal
 * result, her next re-screening reminder after a normal one told to her.
 */
export interface ResultEffect {
  afterChange(tx: Tx, row: ScreeningResult, change: { kind: ResultChange; now: Date; actor: string }): Promise<void>;
}

export interface ResultServiceOptions {
  /** Hashes and seals ID numbers (ID_HASH_KEY and DATA_ENCRYPTION_KEYS); without it a result with an ID number is refused. */
  identity?: IdentityKeys;
  effects?: readonly ResultEffect[];
  /** How long a held result may wait (the profile's working days and the calendar); none: no deadline. */
  holdDeadline?: HoldDeadline;
}

/** The staff list's filters. */
export interface ResultListQuery {
  status?: ResultStatus;
  match?: 'matched' | 'unmatched';
  /** Escalated to the county (or not), whatever became of it since. */
  escalated?: boolean;
  /** Held past its deadline now (or not). */
  overdue?: boolean;
  from: string;
  to: string;
  take: number;
  /** The staff member asking: only the results the account sees. */
  by?: StaffScope;
}

export class ResultService {
  private readonly effects: readonly ResultEffect[];

  constructor(
    private readonly db: Db,
    private readonly settings: ResultsSettings,
    private readonly hospitals: ResultHospitals,
    private readonly options: ResultServiceOptions = {},
  ) {
    this.effects = options.effects ?? [];
  }

  /** Stores one result (in one transaction) and says what became of it. */
  async ingest(r: ResultRecord, now: Date, actor: string): Promise<IngestOutcome> {
    const refused = this.refusedOutright(r);
    if (refused) return refused;
    // the same result arriving twice at once, or two corrections at once: the loser reads again (a
    // duplicate, or a correction over the version the winner wrote)
    return retrying(() => runTransaction(this.db, (tx) => this.ingestIn(tx, r, now, actor)), {
      retryIf: (err) => isUniqueViolation(err) || err instanceof ChangedMeanwhile,
      attempts: 4,
    });
  }

  /**
   * Stores many results (an uploaded file) in one transaction, in order, and says what became of
   * each. `keep`: `taken` commits what was taken (a refused result stores nothing of itself);
   * `allOrNothing` commits only when no result was refused; `nothing` always rolls back (what would
   * become of each). `committed` says whether anything was written.
   */
  async ingestAll(
    records: readonly ResultRecord[],
    now: Date,
    by: ResultActor,
    keep: 'taken' | 'allOrNothing' | 'nothing',
    /** A staff member's file of this hospital: checked (they run it) and audited, also when nothing is kept. */
    upload?: { hospitalId: string },
  ): Promise<{ outcomes: IngestOutcome[]; committed: boolean }> {
    const actor = actorName(by);
    const audited = (db: Db | Tx, out: IngestOutcome[], kept: boolean) =>
      upload && typeof by !== 'string' ? auditUpload(db, by, upload.hospitalId, out, kept, now) : Promise.resolve();
    try {
      const outcomes = await retrying(
        () =>
          runTransaction(
            this.db,
            async (tx) => {
              if (upload) await this.mayUpload(by, upload.hospitalId, tx);
              const out: IngestOutcome[] = [];
              const reads = await readAhead(tx, records, this.options.identity);
              for (const r of records) out.push(this.refusedOutright(r) ?? (await this.ingestIn(tx, r, now, actor, reads)));
              if (keep === 'nothing' || (keep === 'allOrNothing' && out.some((o) => o.outcome === 'refused'))) throw new RolledBack(out);
              await audited(tx, out, true);
              return out;
            },
            // (a file of thousands of rows: one transaction, given the time it needs)
            { timeout: 60_000 + records.length * 100 },
          ),
        { retryIf: (err) => isUniqueViolation(err) || err instanceof ChangedMeanwhile, attempts: 4 },
      );
      return { outcomes, committed: outcomes.some((o) => o.outcome !== 'refused') };
    } catch (err) {
      if (!(err instanceof RolledBack)) throw err;
      await audited(this.db, err.outcomes, false);
      return { outcomes: err.outcomes, committed: false };
    }
  }

  /** Refuses (StaffAccessError: 403, or 404 for an unknown hospital) a staff member who does not run the hospital; a fixed actor name passes. */
  async mayUpload(by: ResultActor, hospitalId: string, db: Db | Tx = this.db): Promise<void> {
    if (typeof by !== 'string') await mustRunHospital(db, by, hospitalId);
  }

  /** A result refused before the database is read: an unknown hospital, or an ID number nobody may keep. */
  private refusedOutright(r: ResultRecord): IngestOutcome | undefined {
    if (!this.hospitals.has(r.hospitalId)) return { hospitalResultId: r.hospitalResultId, outcome: 'refused', reason: `unknown hospital ${r.hospitalId}` };
    if (r.idNumber && !this.options.identity) {
      return {
        hospitalResultId: r.hospitalResultId,
        outcome: 'refused',
        reason: 'ID numbers are not taken here: ID_HASH_KEY is not set (send the visit code)',
      };
    }
    return undefined;
  }

  /** One result in the caller's transaction (nothing written when it is refused); `reads` answers its reads when given. */
  private async ingestIn(tx: Tx, r: ResultRecord, now: Date, actor: string, reads?: ReadAhead): Promise<IngestOutcome> {
    const base = { hospitalResultId: r.hospitalResultId };
    const grade = classifyResult(r.result, this.settings);
    const rule = this.settings.categories[r.result.category].grades[grade];
    const fieldsJson = JSON.stringify(r.result);
    const idHash = r.idNumber ? this.options.identity!.hash(r.idNumber) : null;
    const key = resultKey(r.hospitalId, r.hospitalResultId);
    const known = reads?.results.get(key);
    reads?.results.delete(key);
    const existing =
      known !== undefined
        ? known
        : await tx.screeningResult.findUnique({
            where: { hospitalId_hospitalResultId: { hospitalId: r.hospitalId, hospitalResultId: r.hospitalResultId } },
          });
    const unlinked = existing?.matchState === UNLINKED;
    const sameWoman = unlinked || (existing?.visitCode === (r.visitCode ?? null) && existing?.idHash === idHash);
    if (existing && existing.fieldsJson === fieldsJson && existing.testDate === r.date && sameWoman) {
      return {
        ...base,
        outcome: 'duplicate',
        resultId: existing.id,
        match: existing.matchState === 'matched' ? 'matched' : 'unmatched',
        status: existing.status as ResultStatus,
      };
    }
    if (existing && !r.corrected) {
      return { ...base, outcome: 'refused', resultId: existing.id, reason: 'differs from the result stored under this id: send it with corrected: true' };
    }
    if (existing && existing.category !== r.result.category) {
      return { ...base, outcome: 'refused', resultId: existing.id, reason: `a correction keeps the test: this id is a ${existing.category} result` };
    }
    // a woman who deleted her data stays unlinked: her result is never matched to a chat again
    const match = unlinked
      ? {}
      : await matchWoman(
          tx,
          { visitCode: r.visitCode, hospitalId: r.hospitalId, idHash, date: r.date, matchById: this.settings.categories[r.result.category].matchById },
          reads,
        );
    const contact = match.contactId ? (reads?.contacts.get(match.contactId) ?? (await tx.contact.findUnique({ where: { id: match.contactId } }))) : null;
    const canTell = contact?.consent === 'given';
    // a correction goes out by itself only where the first one did, to the same woman; else a person
    // decides (it was held, she was told in person, or the code now names someone else)
    const wentOut = !!existing && ['sent', 'released'].includes(existing.status);
    const needsPerson = !!existing && (!wentOut || existing.contactId !== (match.contactId ?? null));
    const status: ResultStatus = rule.release === 'hold' || (canTell && needsPerson) ? 'held' : canTell ? 'sent' : 'notSent';
    const data = {
      category: r.result.category,
      grade,
      abnormal: rule.abnormal,
      testDate: r.date,
      fieldsJson,
      visitCode: unlinked ? null : (r.visitCode ?? null),
      idHash: unlinked ? null : idHash,
      idSealed: unlinked || !r.idNumber ? null : this.options.identity!.seal(r.idNumber),
      // (held again by a correction: its deadline starts afresh, and it may be escalated again)
      heldAt: status === 'held' ? now : null,
      ...(status === 'held' ? { escalatedAt: null } : {}),
      contactId: match.contactId ?? null,
      matchState: unlinked ? UNLINKED : match.contactId ? 'matched' : 'unmatched',
      unmatchedReason: match.reason ?? null,
      status,
      updatedAt: now,
    };
    let row;
    // (an earlier notice reached her: this one says it corrects it)
    let delivered = false;
    if (existing) {
      // (only over the version read: another correction meanwhile makes this one read again)
      const moved = await tx.screeningResult.updateMany({
        where: { id: existing.id, version: existing.version },
        data: { ...data, version: existing.version + 1 },
      });
      if (moved.count === 0) throw new ChangedMeanwhile();
      row = await tx.screeningResult.findUniqueOrThrow({ where: { id: existing.id } });
      delivered = await this.wasSent(tx, existing.id);
      // the earlier notice, if it still waits, must not go out: it is wrong now
      await tx.outboxMessage.updateMany({
        where: { dedupeKey: { startsWith: `${RESULT_NOTICE_PREFIX}${existing.id}:` }, status: 'queued' },
        data: { status: 'cancelled', lastError: 'superseded by a corrected result' },
      });
    } else {
      row = await tx.screeningResult.create({ data: { ...data, hospitalId: r.hospitalId, hospitalResultId: r.hospitalResultId, receivedAt: now } });
    }
    await this.event(tx, row.id, existing ? 'corrected' : 'stored', actor, now);
    if (status === 'sent') await this.tell(tx, row, now, actor, delivered, contact);
    else if (status === 'held') await this.event(tx, row.id, 'held', actor, now);
    await this.afterChange(tx, row, existing ? 'corrected' : 'stored', now, actor);
    return {
      ...base,
      outcome: existing ? 'corrected' : 'stored',
      resultId: row.id,
      match: match.contactId ? 'matched' : 'unmatched',
      status,
      ...(match.reason ? { reason: match.reason } : {}),
    };
  }

  /** A staff member releases a held result: it is sent to her now. (`by`: checked and audited, staffResults.ts) */
  release(resultId: string, by: ResultActor, now: Date): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'not_held' | 'no_chat' }> {
    const actor = actorName(by);
    return runTransaction(this.db, async (tx) => {
      const row = await tx.screeningResult.findUnique({ where: { id: resultId } });
      if (!row) return { ok: false, error: 'not_found' };
      const audited = await mayActOnResult(tx, by, row, 'release');
      if (row.status !== 'held') return { ok: false, error: 'not_held' };
      const contact = row.contactId ? await tx.contact.findUnique({ where: { id: row.contactId } }) : null;
      // nobody of the bot's to send it to: staff tell her in person (toldInPerson)
      if (contact?.consent !== 'given') return { ok: false, error: 'no_chat' };
      // (over the version read: a correction meanwhile is released as itself, not as this one)
      const moved = await tx.screeningResult.updateMany({
        where: { id: row.id, status: 'held', version: row.version },
        data: { status: 'released', updatedAt: now },
      });
      if (moved.count === 0) return { ok: false, error: 'not_held' };
      await this.tell(tx, row, now, actor, row.version > 1 && (await this.wasSent(tx, row.id)));
      await this.event(tx, row.id, 'released', actor, now);
      await this.afterChange(tx, { ...row, status: 'released', updatedAt: now }, 'released', now, actor);
      await audited(now, { contactId: row.contactId, version: row.version });
      return { ok: true };
    });
  }

  /** A staff member records that she was told in person: nothing is sent. */
  toldInPerson(resultId: string, by: ResultActor, now: Date): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'not_held' }> {
    const actor = actorName(by);
    return runTransaction(this.db, async (tx) => {
      const row = await tx.screeningResult.findUnique({ where: { id: resultId } });
      if (!row) return { ok: false, error: 'not_found' };
      const audited = await mayActOnResult(tx, by, row, 'toldInPerson');
      const moved = await tx.screeningResult.updateMany({ where: { id: row.id, status: 'held' }, data: { status: 'toldInPerson', updatedAt: now } });
      if (moved.count === 0) return { ok: false, error: 'not_held' };
      await this.event(tx, row.id, 'toldInPerson', actor, now);
      await this.afterChange(tx, { ...row, status: 'toldInPerson', updatedAt: now }, 'toldInPerson', now, actor);
      await audited(now, { contactId: row.contactId });
      return { ok: true };
    });
  }

  /**
   * A staff member matches an unmatched result by hand, with the visit code she shows (the same check
   * as on arrival: a booking of hers at that hospital); then it is told or held as its grade says.
   */
  matchByHand(
    resultId: string,
    visitCode: string,
    by: ResultActor,
    now: Date,
  ): Promise<{ ok: true; status: ResultStatus } | { ok: false; error: 'not_found' | 'already_matched' | 'no_such_visit' }> {
    const actor = actorName(by);
    return runTransaction(this.db, async (tx) => {
      const row = await tx.screeningResult.findUnique({ where: { id: resultId } });
      if (!row) return { ok: false, error: 'not_found' };
      const audited = await mayActOnResult(tx, by, row, 'match');
      if (row.matchState !== 'unmatched') return { ok: false, error: 'already_matched' };
      const match = await matchWoman(tx, { visitCode: visitCode.trim().toUpperCase(), hospitalId: row.hospitalId, idHash: null, date: row.testDate });
      if (!match.contactId) return { ok: false, error: 'no_such_visit' };
      const contact = await tx.contact.findUnique({ where: { id: match.contactId } });
      const rule = this.settings.categories[row.category]?.grades[row.grade];
      const status: ResultStatus = rule?.release === 'hold' ? 'held' : contact?.consent === 'given' ? 'sent' : 'notSent';
      const moved = await tx.screeningResult.updateMany({
        where: { id: row.id, matchState: 'unmatched' },
        data: {
          contactId: match.contactId,
          matchState: 'matched',
          unmatchedReason: null,
          visitCode: visitCode.trim().toUpperCase(),
          status,
          // (held already, unmatched: its deadline still counts from then, matching told her nothing)
          heldAt: status !== 'held' ? null : row.status === 'held' && row.heldAt ? row.heldAt : now,
          ...(status === 'held' && row.status !== 'held' ? { escalatedAt: null } : {}),
          updatedAt: now,
        },
      });
      if (moved.count === 0) return { ok: false, error: 'already_matched' };
      await this.event(tx, row.id, 'matched', actor, now);
      if (status === 'sent') await this.tell(tx, { ...row, contactId: match.contactId }, now, actor);
      else if (status === 'held' && row.status !== 'held') await this.event(tx, row.id, 'held', actor, now);
      await this.afterChange(tx, await tx.screeningResult.findUniqueOrThrow({ where: { id: row.id } }), 'matched', now, actor);
      // (the code she showed is not in the audit: her contact id is)
      await audited(now, { contactId: match.contactId, status });
      return { ok: true, status };
    });
  }

  /**
   * What she will read if the result is told to her today (a held result before staff release it):
   * the notice as the release would send it. A view of her result: checked and audited.
   */
  async noticePreview(resultId: string, by: StaffScope, now: Date): Promise<{ notice: string; sentOn: string } | undefined> {
    const row = await this.db.screeningResult.findUnique({ where: { id: resultId } });
    if (!row) return undefined;
    const a = await resultAccess(this.db, by, row);
    if (!a.sees) return undefined;
    const sentOn = shanghaiDay(now);
    const correcting = row.version > 1 && (await this.wasSent(this.db, row.id));
    const notice = this.notice(row, sentOn);
    await audit(
      this.db,
      { by: auditBy(by), action: 'result.noticeView', objectType: 'result', objectId: row.id, countyId: a.countyId, detail: { contactId: row.contactId } },
      now,
    );
    return { notice: correcting ? `${this.settings.texts.corrected}\n${notice}` : notice, sentOn };
  }

  /**
   * Results for staff, newest first: ids and grades only (no name, no code), with when each was last
   * held, the last day of its deadline and when it was escalated.
   */
  async list(q: ResultListQuery, now: Date) {
    const deadline = this.options.holdDeadline;
    // (no deadline in the profile: nothing is ever overdue)
    const overdue = deadline ? { status: 'held', heldAt: { lt: heldBeforeIsOverdue(now, deadline) } } : { id: { in: [] as string[] } };
    const rows = await this.db.screeningResult.findMany({
      where: {
        testDate: { gte: q.from, lte: q.to },
        ...(q.status ? { status: q.status } : {}),
        ...(q.match ? { matchState: q.match } : {}),
        ...(q.escalated === undefined ? {} : { escalatedAt: q.escalated ? { not: null } : null }),
        ...(q.overdue === false ? { NOT: [overdue] } : {}),
        // (held past its deadline; what the asking account sees)
        AND: [...(q.overdue ? [overdue] : []), ...(q.by ? [await resultsWhere(this.db, q.by)] : [])],
      },
      orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }],
      take: q.take,
      select: {
        id: true,
        hospitalId: true,
        hospitalResultId: true,
        category: true,
        grade: true,
        abnormal: true,
        testDate: true,
        contactId: true,
        matchState: true,
        unmatchedReason: true,
        status: true,
        version: true,
        receivedAt: true,
        heldAt: true,
        escalatedAt: true,
      },
    });
    return rows.map((r) => ({ ...r, deadline: r.heldAt && deadline ? holdDeadlineDay(r.heldAt, deadline) : null }));
  }

  /**
   * Her results told to her in the chat (sent, or released by staff), newest first: each its notice
   * again (the latest version, its next step dated as on the day it was sent) and that day. Never a
   * held one, nor one told in person; a baby's are the mother's (matched to her contact).
   */
  async listForHer(contactId: string, take: number): Promise<{ shown: { notice: string; sentOn: string }[]; more: number }> {
    const rows = await this.db.screeningResult.findMany({ where: { contactId, status: { in: ['sent', 'released'] } } });
    if (rows.length === 0) return { shown: [], more: 0 };
    const events = await this.db.resultEvent.findMany({
      where: { resultId: { in: rows.map((r) => r.id) }, kind: 'sent' },
      select: { resultId: true, at: true },
    });
    const sentAt = new Map<string, Date>();
    for (const e of events) if ((sentAt.get(e.resultId)?.getTime() ?? 0) < e.at.getTime()) sentAt.set(e.resultId, e.at);
    const told = rows
      .map((row) => ({ row, at: sentAt.get(row.id) ?? row.updatedAt }))
      .sort((a, b) => b.at.getTime() - a.at.getTime() || b.row.testDate.localeCompare(a.row.testDate) || a.row.id.localeCompare(b.row.id));
    const shown = told.slice(0, take).map(({ row, at }) => ({ notice: this.notice(row, shanghaiDay(at)), sentOn: shanghaiDay(at) }));
    return { shown, more: told.length - shown.length };
  }

  /** The services her results told to her (sent or released) refer her to: their next step books them (results.bookNext). */
  async referredServices(contactId: string): Promise<string[]> {
    const rows = await this.db.screeningResult.findMany({
      where: { contactId, status: { in: ['sent', 'released'] } },
      select: { category: true, grade: true },
    });
    return [...new Set(rows.flatMap((r) => bookedService(this.settings, r.category, r.grade) ?? []))];
  }

  /** A result's notice as she reads it, its next step counted from `sentOn`. */
  private notice(row: { hospitalId: string; category: string; grade: string; testDate: string }, sentOn: string): string {
    const hospital = this.hospitals.get(row.hospitalId)!;
    return resultNotice(this.settings, {
      category: row.category as Parameters<typeof resultNotice>[1]['category'],
      grade: row.grade,
      date: row.testDate,
      sentOn,
      hospital: hospital.name,
      where: hospital.name,
      phone: hospital.phone,
    });
  }

  /** Her result's notice into the outbox (her private chat, the account she talks to). */
  private async tell(
    tx: Tx,
    row: { id: string; contactId: string | null; hospitalId: string; category: string; grade: string; testDate: string; version: number },
    now: Date,
    actor: string,
    /** An earlier version of it reached her: this one says it is a correction. */
    correcting = false,
    /** Her contact row, when the caller has read it already. */
    known?: ContactRow | null,
  ): Promise<void> {
    const contact = known?.id === row.contactId ? known : row.contactId ? await tx.contact.findUnique({ where: { id: row.contactId } }) : null;
    // (a private chat only: an SMS never carries a result, design.md invariant 9)
    if (!contact || !PRIVATE_CHANNELS.includes(contact.channel)) return;
    const notice = this.notice(row, shanghaiDay(now));
    const text = correcting ? `${this.settings.texts.corrected}\n${notice}` : notice;
    await enqueueMessages(
      tx,
      [
        {
          contactId: contact.id,
          channel: contact.channel,
          externalId: contact.externalId,
          account: contact.account,
          text,
          priority: 1,
          dedupeKey: `${RESULT_NOTICE_PREFIX}${row.id}:v${row.version}`,
          notBefore: now,
        },
      ],
      now,
    );
    await this.event(tx, row.id, 'sent', actor, now);
  }

  /** Whether a notice of an earlier version of this result went out (or is on its way). */
  private async wasSent(tx: Db | Tx, resultId: string): Promise<boolean> {
    return (
      (await tx.outboxMessage.count({
        where: { dedupeKey: { startsWith: `${RESULT_NOTICE_PREFIX}${resultId}:` }, status: { in: ['sent', 'delivered', 'sending'] } },
      })) > 0
    );
  }

  private async afterChange(tx: Tx, row: ScreeningResult, kind: ResultChange, now: Date, actor: string): Promise<void> {
    for (const effect of this.effects) await effect.afterChange(tx, row, { kind, now, actor });
  }

  private async event(tx: Tx, resultId: string, kind: string, actor: string, at: Date): Promise<void> {
    await tx.resultEvent.create({ data: { resultId, kind, actor, at } });
  }
}
