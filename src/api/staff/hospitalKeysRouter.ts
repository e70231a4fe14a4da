// Hospital systems' API keys for POST /api/hospital/results, managed by the county administrator of
// the hospital's county (or a city one) in the console: list the county's hospitals with their key,
// issue or rotate (the secret in the answer, this once; the old key stops at once), revoke. Each
// change is audited by the service.
import { Router } from 'express';
import { z } from 'zod';
import { HospitalKeysUnavailable, type HospitalKeys } from '../../services/staff/hospitalKeys.js';
import type { Clock } from '../../support/clock.js';
import { asyncHandler, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

export const hospitalKeyParams = z.object({ hospitalId: z.string().trim().min(1).max(64) });

export function hospitalKeysRouter(d: { keys: HospitalKeys; clock: Clock }): Router {
  const r = Router();
  r.get(
    '/api/staff/hospital-keys',
    asyncHandler(async (req, res) => {
      res.set('Cache-Control', 'no-store').json({ hospitals: await d.keys.list(staffOf(req)), canIssue: d.keys.canIssue });
    }),
  );
  r.post(
    '/api/staff/hospital-keys/:hospitalId',
    asyncHandler(async (req, res) => {
      const p = parseOr400(hospitalKeyParams, req.params, res);
      if (!p) return;
      try {
        const issued = await d.keys.issue(staffOf(req), p.hospitalId, d.clock.now());
        res.set('Cache-Control', 'no-store').status(201).json(issued);
      } catch (err) {
        if (!(err instanceof HospitalKeysUnavailable)) throw err;
        res.status(409).json({ error: 'no_data_key', message: err.message });
      }
    }),
  );
  r.delete(
    '/api/staff/hospital-keys/:hospitalId',
    asyncHandler(async (req, res) => {
      const p = parseOr400(hospitalKeyParams, req.params, res);
      if (!p) return;
      const revoked = await d.keys.revoke(staffOf(req), p.hospitalId, d.clock.now());
      res.json({ revoked });
    }),
  );
  return r;
}
