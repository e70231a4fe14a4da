// Classifying and describing send failures. What is stored or logged never holds her id, the text or numbers.
import { ChannelThrottledError } from './senderPort.js';

const THROTTLE_PATTERNS = [/操作过于频繁/, /too frequent/i, /too many requests/i, /rate.?limit/i];

/** WeChat (or another network) says the account sends too often. */
export function isThrottleError(err: unknown): boolean {
  if (err instanceof ChannelThrottledError) return true;
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  return THROTTLE_PATTERNS.some((p) => p.test(message));
}

/** A short description of a failure, safe to store in lastError and to log. */
export function describeSendError(err: unknown, secrets: { externalId: string; text: string }): string {
  let s = err instanceof Error ? `${err.name}: ${err.message}` : `error: ${String(err)}`;
  for (const secret of [secrets.text, secrets.externalId]) {
    if (secret.length >= 3) s = s.split(secret).join('[redacted]');
  }
  s = s
    .replace(/\d{6,}/g, '[number]')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}
