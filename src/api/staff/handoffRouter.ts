// The hand-off inbox (staff who answer women in the chat): the requests of the account's scope,
// one with her conversation so far (a view of her record, audited), and claim, reply, release,
// close. Claim, release and close carry the version read: a request changed meanwhile answers 409
// (a second claimer). A request outside the account's scope is 404. Every change is audited.
import express, { Router } from 'express';
import { z } from 'zod';
import { HANDOFF_STATUSES, type HandoffRefusal, type HandoffRow } from '../../services/handoff/handoffTypes.js';
import type { HandoffNames } from '../../services/handoff/handoffNames.js';
import type { StaffHandoffs } from '../../services/handoff/staffHandoffs.js';
import type { Clock } from '../../support/clock.js';
import { asyncHandler, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

const bool = z.enum(['true', 'false'], { message: 'true or false' }).transform((v) => v === 'true');
export const handoffListQuery = z
  .object({
    status: z.enum(HANDOFF_STATUSES).optional().describe('default: open and claimed'),
    region: z.string().trim().min(1).max(64).optional().describe('a township (or the county, for requests of women whose township is unknown)'),
    escalated: bool.optional(),
    order: z.enum(['oldest', 'newest']).default('oldest').describe('oldest first (the longest waiting), or newest first'),
    limit: z.coerce.number().int('a whole number').min(1, 'at least 1').max(500, 'at most 500').default(100),
  })
  .strict();
export const handoffIdParams = z.object({ id: z.string().trim().min(1, 'required').max(64, 'at most 64 characters') });
const version = z.number({ required_error: 'required', invalid_type_error: 'the version read, a whole number' }).int('a whole number').min(1);
export const handoffVersionBody = z.object({ version }).strict();
export const handoffReplyBody = z
  .object({ text: z.string({ required_error: 'required' }).trim().min(1, 'required').max(1000, 'at most 1000 characters') })
  .strict();

const STATUS: Record<HandoffRefusal, number> = {
  not_found: 404,
  changed_meanwhile: 409,
  closed: 409,
  not_open: 409,
  not_claimed: 409,
  not_claimer: 403,
  no_private_chat: 409,
};

/** A request as the API answers it (times as ISO-8601), with the names of its township and staff. */
export function handoffJson(r: HandoffRow, names?: HandoffNames) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const staff = (id: string | null) => (id ? (names?.staff.get(id) ?? null) : null);
  return {
    id: r.id,
    contactId: r.contactId,
    countyId: r.countyId,
    regionId: r.regionId,
    regionName: names?.regions.get(r.regionId) ?? null,
    reason: r.reason,
    status: r.status,
    claimedBy: r.claimedBy,
    claimedByName: staff(r.claimedBy),
    claimedAt: iso(r.claimedAt),
    escalatedAt: iso(r.escalatedAt),
    closedBy: r.closedBy,
    closedByName: staff(r.closedBy),
    closedAt: iso(r.closedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export function handoffRouter(deps: { handoffs?: StaffHandoffs; clock: Clock }): Router {
  const r = Router();
  const off = (res: express.Response) => void res.status(503).json({ error: 'handoff_off', message: 'the profile has no handoff section' });
  const refused = (res: express.Response, error: HandoffRefusal) => void res.status(STATUS[error]).json({ error, message: error.replace(/_/g, ' ') });
  const call = (req: express.Request) => ({ scope: staffOf(req), address: req.ip });

  r.get(
    '/api/staff/handoffs',
    asyncHandler(async (req, res) => {
      if (!deps.handoffs) return off(res);
      const q = parseOr400(handoffListQuery, req.query, res);
      if (!q) return;
      const { rows, more } = await deps.handoffs.list(staffOf(req), q);
      const names = await deps.handoffs.names(
        rows.map((h) => h.regionId),
        rows.flatMap((h) => [h.claimedBy, h.closedBy]),
      );
      res.json({ handoffs: rows.map((h) => handoffJson(h, names)), more });
    }),
  );
  // (before /:id) what waits in the account's scope: the console's menu count
  r.get(
    '/api/staff/handoffs/counts',
    asyncHandler(async (req, res) => {
      if (!deps.handoffs) return off(res);
      res.json(await deps.handoffs.counts(staffOf(req)));
    }),
  );
  r.get(
    '/api/staff/handoffs/:id',
    asyncHandler(async (req, res) => {
      if (!deps.handoffs) return off(res);
      const p = parseOr400(handoffIdParams, req.params, res);
      if (!p) return;
      const shown = await deps.handoffs.show(call(req), p.id, deps.clock.now());
      if (!shown) return refused(res, 'not_found');
      const h = shown.request;
      const names = await deps.handoffs.names([h.regionId], [h.claimedBy, h.closedBy, ...shown.lines.map((l) => l.accountId)]);
      res.json({
        handoff: handoffJson(h, names),
        lines: shown.lines.map((l) => ({
          id: l.id,
          from: l.from,
          text: l.text,
          accountId: l.accountId,
          accountName: l.accountId ? (names.staff.get(l.accountId) ?? null) : null,
          at: l.at.toISOString(),
        })),
      });
    }),
  );
  for (const action of ['claim', 'release', 'close'] as const) {
    r.post(
      `/api/staff/handoffs/:id/${action}`,
      express.json({ limit: '16kb' }),
      asyncHandler(async (req, res) => {
        if (!deps.handoffs) return off(res);
        const p = parseOr400(handoffIdParams, req.params, res);
        const b = p && parseOr400(handoffVersionBody, req.body, res);
        if (!p || !b) return;
        const done = await deps.handoffs[action](call(req), p.id, b.version, deps.clock.now());
        if (!done.ok) return refused(res, done.error);
        const v = done.value;
        res.json({ handoff: handoffJson(v, await deps.handoffs.names([v.regionId], [v.claimedBy, v.closedBy])) });
      }),
    );
  }
  r.post(
    '/api/staff/handoffs/:id/reply',
    express.json({ limit: '16kb' }),
    asyncHandler(async (req, res) => {
      if (!deps.handoffs) return off(res);
      const p = parseOr400(handoffIdParams, req.params, res);
      const b = p && parseOr400(handoffReplyBody, req.body, res);
      if (!p || !b) return;
      const done = await deps.handoffs.reply(call(req), p.id, b.text, deps.clock.now());
      if (!done.ok) return refused(res, done.error);
      res.json({ lineId: done.value.lineId });
    }),
  );
  return r;
}
