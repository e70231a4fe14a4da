// Secrets that must be read back (a hospital's signing secret: it checks signatures) are kept
// sealed with AES-256-GCM under keys from the environment (DATA_ENCRYPTION_KEYS, "id:base64,…", the
// first one seals, every one opens), never in plain text. Rotation: put a new key first, keep the old
// ones until `npm run keys:reseal` has sealed everything again under the new one, then drop them.
import crypto from 'node:crypto';

export interface SecretBox {
  /** "<key id>.<iv>.<tag>.<ciphertext>" (base64url), under the first key. */
  seal(plain: string): string;
  open(sealed: string): string;
  /** Whether `sealed` is under the first key already. */
  current(sealed: string): boolean;
}

export class SecretBoxError extends Error {}

/** Parses DATA_ENCRYPTION_KEYS: ids of letters and digits, each key 32 bytes in base64. */
export function parseDataKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(':');
    if (!id || !/^[A-Za-z0-9]+$/.test(id) || !b64) throw new SecretBoxError(`"${id ?? part}": each key is "<id>:<base64 of 32 bytes>"`);
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new SecretBoxError(`key "${id}": must be 32 bytes in base64 (openssl rand -base64 32), got ${key.length}`);
    if (keys.has(id)) throw new SecretBoxError(`key "${id}" is given twice`);
    keys.set(id, key);
  }
  if (keys.size === 0) throw new SecretBoxError('no key given');
  return keys;
}

export function secretBox(keys: ReadonlyMap<string, Buffer>): SecretBox {
  const [firstId, firstKey] = [...keys.entries()][0];
  return {
    seal(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', firstKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [firstId, iv, cipher.getAuthTag(), ct].map((x) => (typeof x === 'string' ? x : x.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [id, iv, tag, ct] = sealed.split('.');
      const key = keys.get(id);
      if (!key || !iv || !tag || ct === undefined) throw new SecretBoxError(`sealed under key "${id}", which is not among DATA_ENCRYPTION_KEYS`);
      // (the whole 16-byte tag: a shortened one is refused)
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
    current: (sealed) => sealed.split('.')[0] === firstId,
  };
}
