// Hospital systems' credentials: an API key (public, it names the hospital) and a signing secret,
// sealed at rest; and the request ids each used within the replay window.
import crypto from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/transaction.js';
import type { SecretBox } from '../../support/secretBox.js';

/** How long a signed request is good for, either side of now; its id is remembered this long twice. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

/** Issues (or rotates: the old ones stop working at once) a hospital's API key and secret; shown once. */
export async function issueHospitalKey(db: Db | Tx, box: SecretBox, hospitalId: string, now: Date): Promise<{ apiKey: string; secret: string }> {
  const apiKey = `hk_${crypto.randomBytes(12).toString('hex')}`;
  const secret = crypto.randomBytes(32).toString('base64url');
  const row = { apiKey, secretSealed: box.seal(secret), issuedAt: now };
  await db.hospitalClient.upsert({ where: { hospitalId }, create: { hospitalId, ...row }, update: row });
  return { apiKey, secret };
}

/** The hospital an API key names, with its secret opened. */
export async function hospitalOfKey(db: Db, box: SecretBox, apiKey: string): Promise<{ hospitalId: string; secret: string } | undefined> {
  const row = await db.hospitalClient.findUnique({ where: { apiKey } });
  return row ? { hospitalId: row.hospitalId, secret: box.open(row.secretSealed) } : undefined;
}

/** The signature of a request: HMAC-SHA256 (hex) of "<timestamp>.<request id>.<body>". */
export function signRequest(secret: string, timestamp: string, requestId: string, body: string | Buffer): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}.${requestId}.`).update(body).digest('hex');
}

/** Remembers a request id; false when the hospital used it before (a replay). */
export async function firstUseOfRequest(db: Db, hospitalId: string, requestId: string, now: Date): Promise<boolean> {
  try {
    await db.hospitalRequestSeen.create({ data: { hospitalId, requestId, at: now } });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Forgets request ids older than the replay window (twice over): their timestamps are refused anyway. */
export async function forgetOldRequests(db: Db, now: Date): Promise<number> {
  return (await db.hospitalRequestSeen.deleteMany({ where: { at: { lt: new Date(now.getTime() - 2 * SIGNATURE_WINDOW_MS) } } })).count;
}

/** After a new key was put first in DATA_ENCRYPTION_KEYS: seals every secret again under it (then the old key can go). */
export async function resealSecrets(db: Db, box: SecretBox): Promise<number> {
  let n = 0;
  for (const row of await db.hospitalClient.findMany()) {
    if (box.current(row.secretSealed)) continue;
    await db.hospitalClient.updateMany({
      where: { hospitalId: row.hospitalId, secretSealed: row.secretSealed },
      data: { secretSealed: box.seal(box.open(row.secretSealed)) },
    });
    n++;
  }
  return n;
}
