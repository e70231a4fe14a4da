// Who is who: the externalId a woman has towards the engine, and finding her contact again to send to her.
//
// wechat4u gives every contact a new id at each login, so with the 'alias' strategy the bot writes a stable code
// into her remark (alias) in its own address book the first time she writes, and finds her by that remark later.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Contact, Wechaty } from 'wechaty';
import type { IdStrategy } from './options.js';

export const ALIAS_CODE_PATTERN = /^SA[0-9A-Z]{8}$/;

// 32 symbols (Crockford's base32: no I, L, O, U), so one random byte's low 5 bits pick one uniformly.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh random code such as `SA7K3QX9M2`. */
function generateAliasCode(): string {
  const bytes = randomBytes(8);
  let code = 'SA';
  for (const byte of bytes) code += CODE_ALPHABET[byte & 31];
  return code;
}

export function isAliasCode(value: string | undefined | null): value is string {
  return typeof value === 'string' && ALIAS_CODE_PATTERN.test(value);
}

export class ContactIdentity {
  /** contact id (valid for this login) → externalId; cleared at each login/logout. */
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly strategy: IdStrategy,
    private readonly logger: Logger,
  ) {}

  reset(): void {
    this.cache.clear();
  }

  /** The externalId of this contact; with the 'alias' strategy, assigns her a code on first sight. */
  async externalIdFor(bot: Wechaty, contact: Contact): Promise<string> {
    if (this.strategy === 'id') return contact.id;
    const cached = this.cache.get(contact.id);
    if (cached) return cached;

    const existing = await contact.alias();
    if (isAliasCode(existing)) {
      this.cache.set(contact.id, existing);
      return existing;
    }

    const code = await this.freshCode(bot);
    // Wechaty's contact.alias(x) does not throw when the protocol refuses: it emits 'error' and logs. So read back.
    try {
      await contact.alias(code);
      await contact.sync().catch(() => undefined);
    } catch {
      // checked below
    }
    const stored = await contact.alias().catch(() => undefined);
    if (stored === code) {
      this.logger.debug({ contactId: contact.id }, 'wechat: stable code assigned to contact');
      this.cache.set(contact.id, code);
      return code;
    }
    this.logger.warn('wechat: could not save a stable code in the contact remark; using the contact id, which changes at the next login');
    this.cache.set(contact.id, contact.id);
    return contact.id;
  }

  /**
   * Finds the contact an externalId designates, or undefined. A code found on several contacts is refused rather
   * than guessed (a result must never reach the wrong woman).
   */
  async findContact(bot: Wechaty, externalId: string): Promise<Contact | undefined> {
    if (this.strategy === 'alias' && isAliasCode(externalId)) {
      const matches = await bot.Contact.findAll({ alias: externalId });
      if (matches.length > 1) {
        throw new Error(`WeChat: ${matches.length} contacts carry the code ${externalId}; not sending`);
      }
      const found = matches[0];
      if (found) this.cache.set(found.id, externalId);
      return found;
    }
    return bot.Contact.find({ id: externalId });
  }

  /** A code not already used as a remark in this account's address book. */
  private async freshCode(bot: Wechaty): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const code = generateAliasCode();
      const clashes = await bot.Contact.findAll({ alias: code }).catch(() => []);
      if (clashes.length === 0) return code;
    }
    return generateAliasCode();
  }
}
