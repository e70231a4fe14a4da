// Staff and follow-up cases (behind the staff guard; the actor recorded and audited is the staff
// member, and the service checks what the account sees: another township's case answers 404): the worklist (with what a case
// of each category may be closed with), its CSV export, one case with its history, and the actions on a case. Every
// action body carries the version the staff member read: a case changed meanwhile answers 409.
import express, { Router } from 'express';
import { z } from 'zod';
import { AID_STATES } from '../../domain/followUp/caseRules.js';
import { CANCER_STAGES, caseOutcomeSchema } from '../../domain/followUp/caseStatus.js';
import { GROUP_VALUES } from '../../domain/profile/profileSchema.js';
import { WORKLIST_COLUMNS, worklistCells, type ActionResult, type FollowUpService } from '../../services/followUp/FollowUpService.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import { exportEncoding, sendCsv } from './hospitalDayRouter.js';
import type { Clock } from '../../support/clock.js';
import { asyncHandler, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';

const bool = z.enum(['true', 'false'], { message: 'true or false' }).transform((v) => v === 'true');
const worklistFilters = {
  region: z.string().trim().min(1).max(64).optional(),
  category: z.string().trim().min(1).max(32).optional(),
  status: z.enum(['open', 'contacted', 'booked', 'done', 'lost', 'closed']).optional(),
  overdue: bool.optional(),
  owner: z.string().trim().min(1).max(64).optional(),
  escalated: bool.optional(),
};
export const followUpListQuery = z
  .object({
    ...worklistFilters,
    page: z.coerce.number().int('a whole number').min(1, 'at least 1').default(1),
    pageSize: z.coerce.number().int('a whole number').min(1, 'at least 1').max(200, 'at most 200').default(50),
  })
  .strict();
export const followUpExportQuery = z.object({ ...worklistFilters, encoding: exportEncoding }).strict();
const idParams = z.object({ id: z.string().trim().min(1, 'required').max(64, 'at most 64 characters') });
const version = z.number({ required_error: 'required', invalid_type_error: 'the version read, a whole number' }).int('a whole number').min(1);
export const followUpVersionBody = z.object({ version }).strict();
export const followUpOwnerBody = z
  .object({
    version,
    owner: z
      .string({ required_error: 'required' })
      .trim()
      .min(1, 'required')
      .max(64, 'at most 64 characters')
      .describe('a staff account id (StaffAccount) that sees the case: 422 unknown_owner otherwise'),
  })
  .strict();
export const followUpCloseBody = z
  .object({ version, outcome: caseOutcomeSchema, stage: z.enum(CANCER_STAGES, { message: `one of ${CANCER_STAGES.join(', ')}` }).optional() })
  .strict();
export const followUpGroupBody = z.object({ version, group: z.enum(GROUP_VALUES) }).strict();
export const followUpAidBody = z
  .object({
    version,
    state: z.enum(AID_STATES.filter((s) => s !== 'toPrepare') as ['submitted', 'granted', 'refused']),
    amountFen: z.number().int('a whole number of fen').min(1, 'at least 1').max(100_000_000, 'at most 1,000,000 yuan').optional(),
  })
  .strict();

export interface FollowUpRouterDeps {
  followUp?: FollowUpService;
  clock: Clock;
}

const STATUS: Record<string, number> = {
  not_found: 404,
  unknown_owner: 422,
  changed_meanwhile: 409,
  closed: 409,
  already_marked: 409,
  invalid_aid_transition: 409,
  no_aid_scheme: 409,
};

export function followUpRouter(deps: FollowUpRouterDeps): Router {
  const r = Router();
  const off = (res: express.Response) => void res.status(503).json({ error: 'follow_up_off', message: 'the profile has no followUp section' });
  r.get(
    '/api/staff/follow-ups',
    asyncHandler(async (req, res) => {
      if (!deps.followUp) return off(res);
      const q = parseOr400(followUpListQuery, req.query, res);
      if (!q) return;
      const { total, rows } = await deps.followUp.worklist(q, deps.clock.now(), staffOf(req));
      res.json({ page: q.page, pageSize: q.pageSize, total, cases: rows, choices: deps.followUp.closeChoices() });
    }),
  );
  // (before /:id) the worklist under the same filters as a CSV file for Excel: an export, audited
  r.get(
    '/api/staff/follow-ups/export',
    asyncHandler(async (req, res) => {
      if (!deps.followUp) return off(res);
      const q = parseOr400(followUpExportQuery, req.query, res);
      if (!q) return;
      const { encoding, ...filters } = q;
      const now = deps.clock.now();
      const rows = await deps.followUp.exportWorklist(filters, now, staffOf(req), req.ip);
      sendCsv(res, `follow-ups-${shanghaiDay(now)}.csv`, WORKLIST_COLUMNS, rows.map(worklistCells), encoding);
    }),
  );
  r.get(
    '/api/staff/follow-ups/:id',
    asyncHandler(async (req, res) => {
      if (!deps.followUp) return off(res);
      const p = parseOr400(idParams, req.params, res);
      if (!p) return;
      const c = await deps.followUp.get(p.id, deps.clock.now(), staffOf(req));
      if (!c) return void res.status(404).json({ error: 'not_found', message: `follow-up case ${p.id}: not_found` });
      res.json(c);
    }),
  );
  /** One action on one case: 200 with its new version, or 4xx naming why not (and the field, where one is to blame). */
  const action = <S extends z.ZodTypeAny>(path: string, body: S, run: (id: string, b: z.output<S>, now: Date, by: StaffScope) => Promise<ActionResult>) =>
    r.post(
      `/api/staff/follow-ups/:id/${path}`,
      express.json({ limit: '4kb' }),
      asyncHandler(async (req, res) => {
        if (!deps.followUp) return off(res);
        const p = parseOr400(idParams, req.params, res);
        if (!p) return;
        const b = parseOr400(body, req.body, res);
        if (!b) return;
        const out = await run(p.id, b, deps.clock.now(), staffOf(req));
        if (out.ok) return void res.json({ id: p.id, version: out.version });
        res.status(STATUS[out.error] ?? 422).json({
          error: out.error,
          ...(out.field ? { field: out.field } : {}),
          message: `${out.field ? `${out.field}: ` : ''}follow-up case ${p.id}: ${out.error}`,
        });
      }),
    );
  const s = () => deps.followUp!;
  action('owner', followUpOwnerBody, (id, b, now, by) => s().setOwner(id, b.version, b.owner, by, now));
  for (const step of ['contacted', 'booked', 'done'] as const) action(step, followUpVersionBody, (id, b, now, by) => s().mark(id, b.version, step, by, now));
  action('close', followUpCloseBody, (id, b, now, by) => s().close(id, b.version, b.outcome, b.stage, by, now));
  action('group', followUpGroupBody, (id, b, now, by) => s().markGroup(id, b.version, b.group, by, now));
  action('aid', followUpAidBody, (id, b, now, by) => s().moveAid(id, b.version, b.state, b.amountFen, by, now));
  return r;
}
