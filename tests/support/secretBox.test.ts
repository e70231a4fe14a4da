// Sealed secrets: AES-256-GCM under the first key, opened under any key given; a changed byte or a
// key that is gone is an error, never a wrong secret.
import { describe, expect, it } from 'vitest';
import { parseDataKeys, secretBox, SecretBoxError } from '../../src/support/secretBox.js';
import { loadConfig } from '../../src/config/config.js';

const k = (id: string, byte: number) => `${id}:${Buffer.alloc(32, byte).toString('base64')}`;

describe('secretBox', () => {
  it('seals under the first key and opens under any; rotation keeps old secrets readable', () => {
    const old = secretBox(parseDataKeys(k('k1', 1)));
    const sealed = old.seal('s3cret-签名');
    expect(sealed).toMatch(/^k1\./);
    expect(sealed).not.toContain('s3cret');
    const rotated = secretBox(parseDataKeys(`${k('k2', 2)},${k('k1', 1)}`));
    expect(rotated.open(sealed)).toBe('s3cret-签名');
    expect(rotated.current(sealed)).toBe(false);
    expect(rotated.current(rotated.seal('x'))).toBe(true);
    // two seals of one secret differ (a fresh IV each time)
    expect(old.seal('same')).not.toBe(old.seal('same'));
  });

  it('a changed byte or a dropped key is an error', () => {
    const box = secretBox(parseDataKeys(k('k1', 1)));
    const [id, iv, tag, ct] = box.seal('secret').split('.');
    const flipped = Buffer.from(ct, 'base64url');
    flipped[0] ^= 1;
    expect(() => box.open([id, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => secretBox(parseDataKeys(k('k9', 9))).open(box.seal('secret'))).toThrow(SecretBoxError);
  });

  it('DATA_ENCRYPTION_KEYS is checked at start, naming the setting', () => {
    expect(() => loadConfig({ DATA_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toThrow(/DATA_ENCRYPTION_KEYS: key "k1": must be 32 bytes/);
    expect(() => loadConfig({ DATA_ENCRYPTION_KEYS: `${k('k1', 1)},${k('k1', 2)}` })).toThrow(/given twice/);
    expect(loadConfig({ DATA_ENCRYPTION_KEYS: k('k1', 1) }).DATA_ENCRYPTION_KEYS).toBe(k('k1', 1));
  });
});
