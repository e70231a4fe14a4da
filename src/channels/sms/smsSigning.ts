// The signature of the SMS gateway's requests and of its status callbacks (one shape both ways):
//
//   string to sign = <timestamp> "\n" <nonce> "\n" <the body exactly as sent (UTF-8)>
//   x-sms-signature = base64( HMAC-SHA256( access key secret, string to sign ) )
//
// with the headers x-sms-key-id (the access key id), x-sms-timestamp (Unix seconds) and x-sms-nonce
// (a random string per request). A callback is believed only with the right key id, a signature that
// matches, and a timestamp within five minutes of the clock.
import crypto from 'node:crypto';

export const SIGNATURE_HEADERS = { keyId: 'x-sms-key-id', timestamp: 'x-sms-timestamp', nonce: 'x-sms-nonce', signature: 'x-sms-signature' } as const;

/** How far a callback's timestamp may be from the clock. */
export const MAX_SKEW_MS = 5 * 60_000;

export interface SmsCredentials {
  keyId: string;
  secret: string;
}

export function signature(secret: string, timestamp: string, nonce: string, body: string | Buffer): string {
  const h = crypto.createHmac('sha256', secret);
  h.update(`${timestamp}\n${nonce}\n`);
  h.update(body);
  return h.digest('base64');
}

/** The headers of a signed request at `now`. */
export function signedHeaders(c: SmsCredentials, body: string, now: Date, nonce: string = crypto.randomUUID()): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    [SIGNATURE_HEADERS.keyId]: c.keyId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: signature(c.secret, timestamp, nonce, body),
  };
}

/** Whether a request with these headers and this raw body was signed with our key at about `now`. */
export function verifySigned(c: SmsCredentials, headers: Record<string, string | string[] | undefined>, body: Buffer, now: Date): boolean {
  const get = (name: string) => {
    const v = headers[name];
    return typeof v === 'string' ? v : undefined;
  };
  const keyId = get(SIGNATURE_HEADERS.keyId);
  const timestamp = get(SIGNATURE_HEADERS.timestamp);
  const nonce = get(SIGNATURE_HEADERS.nonce);
  const given = get(SIGNATURE_HEADERS.signature);
  if (!keyId || !timestamp || !nonce || !given || keyId !== c.keyId || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(Number(timestamp) * 1000 - now.getTime()) > MAX_SKEW_MS) return false;
  const expected = Buffer.from(signature(c.secret, timestamp, nonce, body));
  const actual = Buffer.from(given);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
