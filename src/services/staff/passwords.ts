// Console passwords: argon2id (OWASP's minimum: 19 MiB, two passes, one lane), kept as the PHC
// string with its own salt and cost, so a later, higher cost still verifies the older hashes. A
// one-time password (admin:create, an administrator's reset) is random and must be changed at the
// first login. No password is ever logged or audited.
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// (the library's default algorithm is argon2id: its const enum cannot be named under isolatedModules)
const COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // (a malformed stored hash is a wrong password, never a crash)
    return false;
  }
}

/** A hash no password matches, verified for unknown user names so that they take as long as known ones. */
let dummy: Promise<string> | undefined;
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword(crypto.randomBytes(18).toString('base64'));
  await verifyPassword(await dummy, password);
  return false;
}

/** Letters and digits that cannot be mistaken for each other when read aloud or typed from paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random one-time password of 14 characters (about 80 bits), in groups of 4-4-6 for reading. */
export function oneTimePassword(): string {
  const chars = Array.from({ length: 14 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}
