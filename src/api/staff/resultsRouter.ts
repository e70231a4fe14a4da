// Staff and results (behind the staff guard; the actor recorded and audited is the staff member, and
// the service checks what the account sees: another township's or hospital's result answers 404): the lists (held, unmatched, sent…, escalated to the county, overdue), releasing a held result to her, recording that
// she was told in person, matching an unmatched result by hand with the visit code she shows, and
// the notice she will read (shown before a release).
import express, { Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../support/clock.js';
import { addDays, isCalendarDay, shanghaiDay } from '../../domain/calendarDay.js';
import type { ResultService } from '../../services/results/ResultService.js';
import { asyncHandler, dayListOr400, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

export const resultListFilter = z.object({
  status: z.enum(['sent', 'held', 'released', 'toldInPerson', 'notSent']).optional(),
  match: z.enum(['matched', 'unmatched']).optional(),
  escalated: z.enum(['true', 'false']).optional().describe('escalated to the county (its deadline passed while it was held), whatever became of it since'),
  overdue: z.enum(['true', 'false']).optional().describe('held now and past its deadline'),
});
/** Held, unmatched, `escalated` or `overdue`, with no `from`: the year up to `to` (a result waits longer than the 30 days of the usual list). */
const WAITING_LIST_DAYS = 365;
const idParams = z.object({ id: z.string().trim().min(1, 'required').max(64, 'at most 64 characters') });
export const resultMatchBody = z
  .object({ visitCode: z.string({ required_error: 'required' }).trim().min(4, 'at least 4 characters').max(16, 'at most 16 characters') })
  .strict();

export interface StaffResultsDeps {
  results?: Pick<ResultService, 'list' | 'release' | 'toldInPerson' | 'matchByHand' | 'noticePreview'>;
  clock: Clock;
}

const STATUS: Record<string, number> = { not_found: 404, not_held: 409, no_chat: 409, already_matched: 409, no_such_visit: 422 };

export function staffResultsRouter(deps: StaffResultsDeps): Router {
  const r = Router();
  const off = (res: express.Response) => void res.status(503).json({ error: 'results_off', message: 'the profile has no results section' });
  // default: the results of the last 30 days (by the day the sample was taken)
  r.get(
    '/api/staff/results',
    asyncHandler(async (req, res) => {
      if (!deps.results) return off(res);
      const { status, match, escalated, overdue, ...range } = req.query;
      const filter = parseOr400(resultListFilter, { status, match, escalated, overdue }, res);
      if (!filter) return;
      const now = deps.clock.now();
      const today = shanghaiDay(now);
      // (what still waits for staff: held, unmatched, escalated or overdue results, from the year up to `to`)
      const waiting = filter.escalated === 'true' || filter.overdue === 'true' || filter.status === 'held' || filter.match === 'unmatched';
      // (a bad `to` is answered by dayListOr400)
      const to = range.to ?? today;
      const wide = waiting && range.from === undefined && isCalendarDay(to);
      const q = dayListOr400(wide ? { ...range, from: addDays(to, -WAITING_LIST_DAYS) } : range, res, today);
      if (!q) return;
      const flag = (v?: 'true' | 'false') => (v === undefined ? undefined : v === 'true');
      const rows = await deps.results.list(
        {
          status: filter.status,
          match: filter.match,
          escalated: flag(filter.escalated),
          overdue: flag(filter.overdue),
          from: q.from,
          to: q.to,
          take: q.limit + 1,
          by: staffOf(req),
        },
        now,
      );
      res.json({ from: q.from, to: q.to, limit: q.limit, ...filter, more: rows.length > q.limit, results: rows.slice(0, q.limit) });
    }),
  );
  // what she will read if it is told to her today (a held result, before staff release it)
  r.get(
    '/api/staff/results/:id/notice',
    asyncHandler(async (req, res) => {
      if (!deps.results) return off(res);
      const p = parseOr400(idParams, req.params, res);
      if (!p) return;
      const out = await deps.results.noticePreview(p.id, staffOf(req), deps.clock.now());
      if (!out) return void res.status(404).json({ error: 'not_found', message: `result ${p.id}: not_found` });
      res.json({ id: p.id, ...out });
    }),
  );
  /** One action on one result: 200 with its new status, or 404 / 409 / 422 naming why not. */
  const action = (
    path: string,
    run: (id: string, req: express.Request, res: express.Response) => Promise<{ ok: boolean; error?: string; status?: string } | undefined>,
  ) =>
    r.post(
      `/api/staff/results/:id/${path}`,
      express.json({ limit: '4kb' }),
      asyncHandler(async (req, res) => {
        if (!deps.results) return off(res);
        const p = parseOr400(idParams, req.params, res);
        if (!p) return;
        const out = await run(p.id, req, res);
        if (!out) return; // (answered: a bad body)
        if (out.ok) res.json({ id: p.id, ...(out.status ? { status: out.status } : {}) });
        else res.status(STATUS[out.error ?? ''] ?? 409).json({ error: out.error, message: `result ${p.id}: ${out.error}` });
      }),
    );
  action('release', (id, req) => deps.results!.release(id, staffOf(req), deps.clock.now()));
  action('told-in-person', (id, req) => deps.results!.toldInPerson(id, staffOf(req), deps.clock.now()));
  action('match', async (id, req, res) => {
    const b = parseOr400(resultMatchBody, req.body, res);
    return b ? deps.results!.matchByHand(id, b.visitCode, staffOf(req), deps.clock.now()) : undefined;
  });
  return r;
}
