// Resident ID numbers are kept two ways, never in plain text: a keyed hash to find her by
// (HMAC-SHA256 under ID_HASH_KEY: without the key a stolen table cannot be searched by trying the
// few billion possible numbers) and the number sealed with AES-256-GCM (DATA_ENCRYPTION_KEYS, see
// secretBox.ts) for staff who need to read it. Rotation: `npm run keys:reseal` seals every number again
// under the first data key and computes every hash again under the current ID_HASH_KEY (from the
// sealed copies), so either key can be changed (README, "Keys").
import crypto from 'node:crypto';
import type { SecretBox } from './secretBox.js';

export interface IdentityKeys {
  /** The lookup hash of an 18-character ID number (upper-case X). */
  hash(idNumber: string): string;
  seal(idNumber: string): string;
  open(sealed: string): string;
}

/** The hash alone, for a key given in base64 (also used to re-hash under an old key). */
export function idHasher(keyBase64: string): (idNumber: string) => string {
  const key = Buffer.from(keyBase64, 'base64');
  return (idNumber) => crypto.createHmac('sha256', key).update(idNumber.trim().toUpperCase(), 'utf8').digest('base64url');
}

export function identityKeys(hashKeyBase64: string, box: SecretBox): IdentityKeys {
  const hash = idHasher(hashKeyBase64);
  return { hash, seal: (id) => box.seal(id.trim().toUpperCase()), open: (sealed) => box.open(sealed) };
}
