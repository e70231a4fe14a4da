// Fetches new results from the hospitals' laboratory systems (one connector per hospital), page by
// page from the cursor kept in the database (ResultPollState), each through its mapping into the
// one record shape and ResultService.ingest (idempotent). The cursor moves only after a page's
// results are stored, so a restart goes on from it: nothing skipped, nothing asked again from an
// earlier point. With several processes a hospital's poll is claimed by one conditional update (of
// nextPollAt over the value read): one process polls it at a time. A failed poll waits longer each
// time (exponential, with jitter; a configuration error an hour at least). Logs hold reason codes,
// ids and counts, never a body.
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/transaction.js';
import { mapPage, newest } from '../../../domain/results/mapping/mapPage.js';
import type { Clock } from '../../../support/clock.js';
import type { Logger } from '../../../support/logger.js';
import type { IngestOutcome, ResultService } from '../ResultService.js';
import { resultRecordSchema } from '../resultRecord.js';
import { DEFAULT_FETCH_POLICY, fetchPage, type FetchDeps, type FetchFailure, type FetchPolicy } from './fetchPage.js';
import type { PollConnector } from './pollConnectors.js';

/** A claimed poll is another process's to finish for this long (then it is taken as crashed). */
const CLAIM_MS = 10 * 60_000;
/** Failed polls wait at most this long (unless the interval is longer). */
const MAX_BACKOFF_MS = 60 * 60_000;

export interface PollerOptions {
  clock: Clock;
  logger: Logger;
  /** waits between attempts (tests: move their clock) */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  fetch?: typeof fetch;
  /** false: ID numbers are not taken (no ID_HASH_KEY): a record with a visit code is sent without its ID number */
  idNumbers?: boolean;
  /** the fetch policy but the time-out (each connector's own) */
  policy?: Partial<Omit<FetchPolicy, 'timeoutMs'>>;
}

/** What one connector's poll did. */
export interface PollReport {
  hospitalId: string;
  /** notDue: its time has not come; taken: another process polls it; superseded: another took over mid-poll */
  outcome: 'ok' | 'failed' | 'notDue' | 'taken' | 'superseded' | 'off';
  pages: number;
  /** results stored or corrected */
  taken: number;
  /** items the mapping could not make a valid record of (skipped) */
  unmappable: number;
  /** records ingest refused (e.g. a different result under a stored id without the corrected flag) */
  refused: number;
  error?: string;
}

type Claim = { cursor: string | null; failures: number; leaseUntil: Date };

export class ResultPoller {
  private readonly deps: FetchDeps;
  private readonly policy: Omit<FetchPolicy, 'timeoutMs'>;

  constructor(
    private readonly db: Db,
    private readonly results: Pick<ResultService, 'ingest'>,
    readonly connectors: readonly PollConnector[],
    private readonly o: PollerOptions,
  ) {
    this.deps = { sleep: o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))), random: o.random ?? Math.random, fetch: o.fetch };
    this.policy = { ...DEFAULT_FETCH_POLICY, ...o.policy };
  }

  /** Polls every connector whose time has come, side by side; never throws. */
  async pollDue(now: Date): Promise<PollReport[]> {
    const settled = await Promise.allSettled(this.connectors.map((c) => this.poll(c, now)));
    return settled.map((s, i) => {
      if (s.status === 'fulfilled') return s.value;
      const hospitalId = this.connectors[i].hospitalId;
      // (the database failed under the poll: the claim runs out and the next tick tries again)
      this.o.logger.error({ hospitalId, reason: 'poll_error', error: (s.reason as Error)?.name }, 'result poll failed');
      return { hospitalId, outcome: 'failed', pages: 0, taken: 0, unmappable: 0, refused: 0, error: 'poll_error' };
    });
  }

  /** One connector's poll: claimed, then page after page from its cursor. */
  async poll(c: PollConnector, now: Date): Promise<PollReport> {
    const report: PollReport = { hospitalId: c.hospitalId, outcome: 'ok', pages: 0, taken: 0, unmappable: 0, refused: 0 };
    if (!c.authorization) return { ...report, outcome: 'off' };
    const claim = await this.claim(c.hospitalId, now);
    if (claim === 'notDue' || claim === 'taken') return { ...report, outcome: claim };
    let cursor = claim.cursor;
    const headers = { accept: c.mapping.request.accept, authorization: c.authorization };
    let more = false;
    // (link with `since`: the newest item of this poll, where the next one asks from at the end of the feed)
    let since: string | undefined;
    for (;;) {
      const url = this.pageUrl(c, cursor);
      if (typeof url !== 'string') return this.failed(c, claim, report, url);
      const fetched = await fetchPage(url, headers, { ...this.policy, timeoutMs: c.settings.timeoutSeconds * 1000 }, this.deps, () => this.o.clock.now());
      if (!fetched.ok) return this.failed(c, claim, report, fetched.failure);
      const page = mapPage(c.mapping, fetched.body, c.hospitalId);
      if (!page.ok) return this.failed(c, claim, report, { code: page.reason, config: false });
      let taken = 0;
      try {
        for (const item of page.items) {
          const outcome = await this.ingest(c, item.peerId, item.candidate);
          if (outcome === 'unmappable') report.unmappable++;
          else if (outcome.outcome === 'refused') report.refused++;
          else if (outcome.outcome === 'stored' || outcome.outcome === 'corrected') taken++;
        }
      } catch {
        // (storing failed, e.g. the database: the cursor stays, the page is asked again; what was stored is recognised)
        return this.failed(c, claim, report, { code: 'ingest_error', config: false });
      }
      report.pages++;
      report.taken += taken;
      const next = page.next ? this.nextCursor(c, page.next) : undefined;
      if (next && typeof next !== 'string') return this.failed(c, claim, report, next);
      const advance = !!next && next !== cursor;
      since = newest([since, page.since]);
      // link, at the end: from the newest item seen, or else the page just read (it grows, or gets a next link)
      const kept = advance ? next : c.mapping.request.cursor === 'link' ? (since ? this.sinceUrl(c, since) : url) : cursor;
      // the page's results are stored: now the cursor moves (only over the one read, by the claimer)
      const saved = await this.db.resultPollState.updateMany({
        where: { hospitalId: c.hospitalId, cursor, nextPollAt: claim.leaseUntil },
        data: { cursor: kept, fetched: { increment: taken }, updatedAt: this.o.clock.now() },
      });
      if (saved.count === 0) {
        this.o.logger.warn({ hospitalId: c.hospitalId, reason: 'poll_superseded' }, 'result poll taken over by another process');
        return { ...report, outcome: 'superseded' };
      }
      if (!advance || page.items.length === 0) break;
      cursor = next;
      if (report.pages >= c.settings.maxPagesPerPoll) {
        more = true;
        break;
      }
    }
    const at = this.o.clock.now();
    await this.db.resultPollState.updateMany({
      where: { hospitalId: c.hospitalId, nextPollAt: claim.leaseUntil },
      // (pages still waiting: at the next tick)
      data: { failures: 0, lastError: null, lastOkAt: at, nextPollAt: more ? at : new Date(at.getTime() + c.settings.intervalMinutes * 60_000), updatedAt: at },
    });
    const { hospitalId, pages, taken, unmappable, refused } = report;
    if (pages > 0) this.o.logger.info({ hospitalId, pages, taken, unmappable, refused }, 'results polled');
    return report;
  }

  /** Claims the hospital's poll when its time has come: one conditional update, so one process wins. */
  private async claim(hospitalId: string, now: Date): Promise<Claim | 'notDue' | 'taken'> {
    let row = await this.db.resultPollState.findUnique({ where: { hospitalId } });
    if (!row) {
      try {
        row = await this.db.resultPollState.create({ data: { hospitalId, updatedAt: now } });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        row = await this.db.resultPollState.findUniqueOrThrow({ where: { hospitalId } });
      }
    }
    if (row.nextPollAt && row.nextPollAt.getTime() > now.getTime()) return 'notDue';
    const leaseUntil = new Date(now.getTime() + CLAIM_MS);
    const moved = await this.db.resultPollState.updateMany({
      where: { hospitalId, nextPollAt: row.nextPollAt, updatedAt: row.updatedAt },
      data: { nextPollAt: leaseUntil, lastPollAt: now, updatedAt: now },
    });
    return moved.count === 1 ? { cursor: row.cursor, failures: row.failures, leaseUntil } : 'taken';
  }

  /** Maps, validates and stores one item; a record the mapping cannot make valid is reported (hospital and the peer's id) and skipped. */
  private async ingest(c: PollConnector, peerId: string | undefined, candidate: Record<string, unknown>): Promise<IngestOutcome | 'unmappable'> {
    // ID numbers not taken here (no ID_HASH_KEY): matched by the visit code alone when there is one,
    // rather than refused (a polled result refused is not sent again)
    if (this.o.idNumbers === false && candidate.visitCode !== undefined) delete candidate.idNumber;
    const parsed = resultRecordSchema.safeParse(candidate);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.');
      this.o.logger.warn(
        { hospitalId: c.hospitalId, peerId: peerId ?? null, reason: 'unmappable', field },
        'polled result skipped: the mapping gives no valid record',
      );
      return 'unmappable';
    }
    const outcome = await this.results.ingest(parsed.data, this.o.clock.now(), `poll:${c.hospitalId}`);
    if (outcome.outcome === 'refused') {
      this.o.logger.warn({ hospitalId: c.hospitalId, peerId: outcome.hospitalResultId, reason: 'refused', why: outcome.reason }, 'polled result refused');
    }
    return outcome;
  }

  /** Where the page at `cursor` is: token mode adds it to the query; link mode asks the URL itself. */
  private pageUrl(c: PollConnector, cursor: string | null): string | FetchFailure {
    const { request } = c.mapping;
    if (request.cursor === 'link' && cursor) return this.nextCursor(c, cursor);
    const url = new URL(c.settings.url);
    for (const [k, v] of Object.entries({ ...request.query, ...c.settings.query })) url.searchParams.set(k, v);
    url.searchParams.set(request.pageSizeParam, String(c.settings.pageSize));
    if (request.cursor === 'token' && cursor) url.searchParams.set(request.cursorParam!, cursor);
    return url.toString();
  }

  /** The first page's URL asking only for what is newer than `since` (inclusive: what is there already is recognised). */
  private sinceUrl(c: PollConnector, since: string): string {
    const url = new URL(this.pageUrl(c, null) as string);
    const s = c.mapping.request.since!;
    url.searchParams.set(s.param, `${s.prefix}${since}`);
    return url.toString();
  }

  /** A next link is followed only on the configured peer's own origin (its credentials go nowhere else). */
  private nextCursor(c: PollConnector, next: string): string | FetchFailure {
    if (c.mapping.request.cursor === 'token') return next;
    let url: URL;
    try {
      url = new URL(next, c.settings.url);
    } catch {
      return { code: 'bad_next_link', config: false };
    }
    return url.origin === new URL(c.settings.url).origin ? url.toString() : { code: 'foreign_next_link', config: true };
  }

  private async failed(c: PollConnector, claim: Claim, report: PollReport, f: FetchFailure): Promise<PollReport> {
    const at = this.o.clock.now();
    const failures = claim.failures + 1;
    const interval = c.settings.intervalMinutes * 60_000;
    // a setting is wrong (4xx): slowly, an hour at least; else doubling from the interval, with jitter
    const base = f.config ? Math.max(MAX_BACKOFF_MS, interval) : Math.min(interval * 2 ** (failures - 1), Math.max(MAX_BACKOFF_MS, interval));
    const wait = Math.max(Math.round(base * (0.75 + 0.25 * this.deps.random())), f.retryAfterMs ?? 0);
    const lastError = f.status !== undefined && !f.code.endsWith(String(f.status)) ? `${f.code} ${f.status}` : f.code;
    await this.db.resultPollState.updateMany({
      where: { hospitalId: c.hospitalId, nextPollAt: claim.leaseUntil },
      data: { failures, lastError, nextPollAt: new Date(at.getTime() + wait), updatedAt: at },
    });
    this.o.logger.warn(
      { hospitalId: c.hospitalId, reason: lastError, config: f.config, failures, pages: report.pages, taken: report.taken },
      f.config ? 'result poll refused: check its settings' : 'result poll failed',
    );
    return { ...report, outcome: 'failed', error: lastError };
  }
}
