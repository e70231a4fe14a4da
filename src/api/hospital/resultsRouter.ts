// POST /api/hospital/results: a hospital system pushes one or many results. Each request is signed
// with the hospital's secret: headers X-Api-Key, X-Timestamp (milliseconds since 1970), X-Request-Id
// (unique per request) and X-Signature = hex HMAC-SHA256 of "<timestamp>.<request id>.<body>". A bad
// or missing signature, an unknown key, a timestamp more than 5 minutes away or a request id used
// before is refused (4xx naming the problem) before the body is read, and nothing is stored; the
// answer then says, per result, what was stored, matched, held or refused and why.
import express, { Router } from 'express';
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../support/clock.js';
import type { Db } from '../../db/client.js';
import type { SecretBox } from '../../support/secretBox.js';
import { firstUseOfRequest, hospitalOfKey, SIGNATURE_WINDOW_MS, signRequest } from '../../services/results/hospitalClients.js';
import type { IngestOutcome, ResultService } from '../../services/results/ResultService.js';
import { resultRecordSchema } from '../../services/results/resultRecord.js';
import { formatZodPath } from '../../support/readYaml.js';
import { asyncHandler, parseOr400 } from '../validate.js';

/** At most this many results per request, and this many bytes. */
export const MAX_RESULTS_PER_REQUEST = 500;
const MAX_BODY = '1mb';

const bodySchema = z
  .object({ results: z.array(z.unknown()).min(1, 'at least one result').max(MAX_RESULTS_PER_REQUEST, `at most ${MAX_RESULTS_PER_REQUEST} results`) })
  .strict();

export interface HospitalResultsDeps {
  db: Db;
  /** Unset: the hospital API is off (no DATA_ENCRYPTION_KEYS to open the secrets with). */
  box?: SecretBox;
  /** Unset: the profile has no `results` section. */
  results?: Pick<ResultService, 'ingest'>;
  clock: Clock;
}

const refuse = (res: express.Response, status: number, error: string, message: string) => void res.status(status).json({ error, message });

export function hospitalResultsRouter(deps: HospitalResultsDeps): Router {
  const r = Router();
  r.post(
    '/api/hospital/results',
    // (the raw bytes: the signature covers them exactly)
    express.raw({ type: () => true, limit: MAX_BODY }),
    asyncHandler(async (req, res) => {
      const { box, results } = deps;
      if (!box || !results)
        return refuse(res, 503, 'hospital_api_off', 'the hospital API is off: no DATA_ENCRYPTION_KEYS are configured, or the profile has no results section');
      const header = (name: string) => req.get(name)?.trim() ?? '';
      const [apiKey, timestamp, requestId, signature] = ['x-api-key', 'x-timestamp', 'x-request-id', 'x-signature'].map(header);
      for (const [name, value] of [
        ['X-Api-Key', apiKey],
        ['X-Timestamp', timestamp],
        ['X-Request-Id', requestId],
        ['X-Signature', signature],
      ] as const) {
        if (!value) return refuse(res, 401, 'unsigned', `${name}: required (see the API document)`);
      }
      // (no "." in it: the signed text "<timestamp>.<request id>.<body>" must split one way only)
      if (!/^[A-Za-z0-9_-]{1,128}$/.test(requestId)) return refuse(res, 400, 'invalid_request', 'X-Request-Id: 1 to 128 letters, digits, "_" or "-"');
      const client = await hospitalOfKey(deps.db, box, apiKey);
      if (!client) return refuse(res, 401, 'unknown_key', 'X-Api-Key: no hospital has this key');
      const now = deps.clock.now();
      const at = /^\d{10,16}$/.test(timestamp) ? Number(timestamp) : NaN;
      if (!Number.isFinite(at) || Math.abs(now.getTime() - at) > SIGNATURE_WINDOW_MS) {
        return refuse(res, 401, 'stale_request', `X-Timestamp: must be within 5 minutes of now (${now.getTime()} ms since 1970)`);
      }
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const expected = signRequest(client.secret, timestamp, requestId, body);
      const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature.toLowerCase(), 'hex') : Buffer.alloc(0);
      if (given.length !== 32 || !crypto.timingSafeEqual(given, Buffer.from(expected, 'hex'))) {
        return refuse(res, 401, 'bad_signature', "X-Signature: does not match the body signed with this hospital's secret");
      }
      if (!(await firstUseOfRequest(deps.db, client.hospitalId, requestId, now))) {
        return refuse(res, 409, 'replayed_request', 'X-Request-Id: already used; a new request needs a new id');
      }
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(res, 400, 'invalid_request', '(body): not valid JSON');
      }
      const parsed = parseOr400(bodySchema, json, res);
      if (!parsed) return;
      const outcomes: IngestOutcome[] = [];
      for (const [i, raw] of parsed.results.entries()) {
        const record = resultRecordSchema.safeParse(raw);
        const id =
          typeof (raw as { hospitalResultId?: unknown })?.hospitalResultId === 'string' ? (raw as { hospitalResultId: string }).hospitalResultId : `#${i}`;
        if (!record.success) {
          const issue = record.error.issues[0];
          outcomes.push({ hospitalResultId: id, outcome: 'refused', reason: `${formatZodPath(issue.path) || '(result)'}: ${issue.message}` });
        } else if (record.data.hospitalId !== client.hospitalId) {
          outcomes.push({ hospitalResultId: id, outcome: 'refused', reason: `hospitalId: this key is ${client.hospitalId}'s` });
        } else {
          outcomes.push(await results.ingest(record.data, now, `hospital:${client.hospitalId}`));
        }
      }
      res.json({ results: outcomes });
    }),
  );
  return r;
}
