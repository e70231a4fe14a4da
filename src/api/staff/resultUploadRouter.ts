// POST /api/staff/results/upload (behind the staff guard; the actor recorded and audited is the staff
// member, who may upload only for a hospital they run: 403 otherwise):
// staff upload a results file exported from a hospital's system, CSV or .xlsx, as the raw body.
// ?hospitalId= the county's hospital whose file it is; ?takeGoodRows=true stores the good rows of a
// file with bad ones (default: nothing is stored then). 200 with the report per row; 422 naming why a
// file cannot be read (nothing stored); 413 over the size limit.
import express, { Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../support/clock.js';
import type { ResultUpload } from '../../services/results/ResultUpload.js';
import { asyncHandler, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

/** The largest file taken (a year's export of a county hospital is a few MB). */
export const MAX_UPLOAD_MB = 10;

/** The query (the hospital is checked against the county's by uploadQuery). */
export const uploadQueryShape = z
  .object({
    hospitalId: z.string({ required_error: 'required: the hospital whose file it is' }).trim().min(1, 'required: the hospital whose file it is'),
    takeGoodRows: z.enum(['true', 'false'], { message: 'true or false' }).default('false'),
  })
  .strict();

export const uploadQuery = (hospitals: readonly string[]) =>
  uploadQueryShape.superRefine((q, ctx) => {
    if (!hospitals.includes(q.hospitalId))
      ctx.addIssue({ code: 'custom', path: ['hospitalId'], message: `not a hospital of the county (${hospitals.join(', ')})` });
  });

export interface ResultUploadDeps {
  /** Unset: the profile has no results section, or there is no profiles/imports/results.yaml. */
  upload?: Pick<ResultUpload, 'upload'>;
  /** The county's hospitals. */
  hospitals: readonly string[];
  clock: Clock;
}

export function resultUploadRouter(deps: ResultUploadDeps): Router {
  const r = Router();
  const query = uploadQuery(deps.hospitals);
  r.post(
    '/api/staff/results/upload',
    express.raw({ type: () => true, limit: `${MAX_UPLOAD_MB}mb` }),
    asyncHandler(async (req, res) => {
      if (!deps.upload) {
        return void res.status(503).json({ error: 'upload_off', message: 'the profile has no results section, or profiles/imports/results.yaml is missing' });
      }
      const q = parseOr400(query, req.query, res);
      if (!q) return;
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const out = await deps.upload.upload(body, { hospitalId: q.hospitalId, takeGoodRows: q.takeGoodRows === 'true' }, deps.clock.now(), staffOf(req));
      if (out.ok) res.json(out.report);
      else res.status(422).json({ error: 'unreadable_file', reason: out.problem, message: out.message });
    }),
  );
  r.use('/api/staff/results/upload', ((err, _req, res, next) => {
    if ((err as { type?: string }).type !== 'entity.too.large') return next(err);
    res.status(413).json({ error: 'too_large', message: `the file is over ${MAX_UPLOAD_MB} MB, the most one upload takes: split it` });
  }) as express.ErrorRequestHandler);
  return r;
}
