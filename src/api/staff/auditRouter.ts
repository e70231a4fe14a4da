// GET /api/staff/audit: the audit for city and county administrators (a county one reads its county's
// entries), newest first, a page at a time. Append-only: there is no route that changes an entry.
import { Router } from 'express';
import { z } from 'zod';
import { addDays, isCalendarDay, shanghaiTime } from '../../domain/calendarDay.js';
import { isAdministrator } from '../../domain/staff/accountRules.js';
import type { Db } from '../../db/client.js';
import { isAuditCursor, readAudit } from '../../services/audit/auditQuery.js';
import { asyncHandler, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

const day = z.string().refine(isCalendarDay, 'a day like 2026-03-01');
const field = z.string().trim().min(1).max(64);
export const auditQuery = z
  .object({
    from: day.optional().describe('first day (Asia/Shanghai), inclusive'),
    to: day.optional().describe('last day (Asia/Shanghai), inclusive'),
    action: field.optional(),
    objectType: field.optional(),
    objectId: field.optional(),
    accountId: field.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().max(200).refine(isAuditCursor, 'the nextCursor of the page before').optional(),
  })
  .strict();

export function auditRouter(d: { db: Db }): Router {
  const r = Router();
  r.get(
    '/api/staff/audit',
    asyncHandler(async (req, res) => {
      const by = staffOf(req);
      if (!isAdministrator(by)) return void res.status(403).json({ error: 'forbidden', message: 'for city and county administrators only' });
      const q = parseOr400(auditQuery, req.query, res);
      if (!q) return;
      const { from, to, ...rest } = q;
      const page = await readAudit(d.db, by, {
        ...rest,
        from: from ? shanghaiTime(from, 0) : undefined,
        to: to ? shanghaiTime(addDays(to, 1), 0) : undefined,
      });
      res.set('Cache-Control', 'no-store').json(page);
    }),
  );
  return r;
}
