// POST /api/sms/status: the SMS gateway's delivery reports, signed with our access key secret as
// src/channels/sms/smsSigning.ts says (a forged, stale or replayed report is refused, 401, and
// changes nothing). The body is the gateway's list of reports:
//   [{"out_id": "<outbox id>", "biz_id": "…", "phone_number": "…", "success": true,
//     "err_code": "DELIVERED", "err_msg": "…", "report_time": "2026-03-02 09:00:05"}, …]
// and the answer what such gateways expect, {"code": 0, "msg": "成功"}. Phone numbers are never logged or kept.
import express, { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { Clock } from '../support/clock.js';
import { verifySigned, type SmsCredentials } from '../channels/sms/smsSigning.js';
import { applySmsReports } from '../services/sms/smsStatus.js';
import { firstUseOfRequest } from '../services/results/hospitalClients.js';
import { SIGNATURE_HEADERS } from '../channels/sms/smsSigning.js';
import { asyncHandler, parseOr400 } from './validate.js';

/** At most this many reports per request. */
export const MAX_SMS_REPORTS = 1000;

export const smsReportSchema = z
  .object({
    out_id: z.string().min(1).max(64),
    success: z.boolean(),
    err_code: z.string().max(64).optional(),
  })
  .passthrough();
export const smsReportsSchema = z.array(smsReportSchema).min(1, 'at least one report').max(MAX_SMS_REPORTS, `at most ${MAX_SMS_REPORTS} reports`);

/** The nonces of reports already taken are kept (with the hospitals' request ids) under this name. */
const REPLAY_SCOPE = 'sms-gateway';

export function smsStatusRouter(o: { db: Db; clock: Clock; credentials?: SmsCredentials }): Router {
  const r = Router();
  r.post(
    '/api/sms/status',
    express.raw({ type: () => true, limit: '1mb' }),
    asyncHandler(async (req, res) => {
      if (!o.credentials) return void res.status(404).json({ error: 'sms_off', message: 'no SMS gateway is configured' });
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const now = o.clock.now();
      if (!verifySigned(o.credentials, req.headers, raw, now)) {
        return void res.status(401).json({ error: 'bad_signature', message: 'the report is not signed with the gateway key, or its timestamp is too far off' });
      }
      if (!(await firstUseOfRequest(o.db, REPLAY_SCOPE, String(req.headers[SIGNATURE_HEADERS.nonce]), now))) {
        return void res.status(401).json({ error: 'replayed', message: 'this nonce was used before' });
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return void res.status(400).json({ error: 'invalid_request', field: '(body)', message: '(body): not JSON' });
      }
      const reports = parseOr400(smsReportsSchema, body, res);
      if (!reports) return;
      const { updated } = await applySmsReports(
        o.db,
        reports.map((x) => ({ outId: x.out_id, success: x.success, errCode: x.err_code })),
      );
      res.json({ code: 0, msg: '成功', updated });
    }),
  );
  return r;
}
