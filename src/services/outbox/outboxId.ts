// Ids of outbox rows: UUIDv7 (RFC 9562) built from the injected `now` and a per-process counter, so
// messages queued at the same instant (a broadcast, several in one transaction) keep their queueing
// order when priority, notBefore and createdAt tie.
import crypto from 'node:crypto';

// 42-bit counter (RFC 9562 §6.2 method 1), started at a random point in its lower half
let counter = crypto.randomInt(0, 2 ** 40);

export function outboxId(now: Date): string {
  const ms = BigInt(Math.max(0, Math.min(now.getTime(), 2 ** 48 - 1)));
  const seq = BigInt(counter);
  counter = (counter + 1) % 2 ** 42;
  const rand = crypto.randomBytes(4).readUInt32BE(0);
  // 48 bits time | 4 bits version | 12 bits counter-high | 2 bits variant | 30 bits counter-low | 32 bits random
  const hi = (ms << 16n) | (0x7n << 12n) | (seq >> 30n);
  const lo = (0b10n << 62n) | ((seq & (2n ** 30n - 1n)) << 32n) | BigInt(rand);
  const hex = hi.toString(16).padStart(16, '0') + lo.toString(16).padStart(16, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
