// npm run keys:reseal: after a new key was put first in DATA_ENCRYPTION_KEYS, seals every kept secret
// (the hospitals' signing secrets, the ID numbers) again under it; then the old key can be removed from
// the list. With ID_HASH_KEY set it also computes every ID number's lookup hash again under it (after
// ID_HASH_KEY was changed: until this has run, results match by visit code only).
import { loadConfig } from '../config/config.js';
import { openDb } from '../db/client.js';
import { resealSecrets } from '../services/results/hospitalClients.js';
import { parseDataKeys, secretBox } from '../support/secretBox.js';
import { identityKeys } from '../support/identityKeys.js';
import { resealIdentities } from '../services/identity/resealIdentities.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATA_ENCRYPTION_KEYS) {
    console.error('DATA_ENCRYPTION_KEYS is not set (see .env.example)');
    process.exit(2);
  }
  const h = openDb(config.DATABASE_URL);
  try {
    const box = secretBox(parseDataKeys(config.DATA_ENCRYPTION_KEYS));
    const n = await resealSecrets(h.db, box);
    console.log(`${n} secret(s) sealed again under the first key; the others were already`);
    if (config.ID_HASH_KEY) {
      const ids = await resealIdentities(h.db, box, identityKeys(config.ID_HASH_KEY, box));
      console.log(`ID numbers: ${ids.sealed} sealed again, ${ids.rehashed} hashed again under ID_HASH_KEY`);
    }
  } finally {
    await h.close();
  }
}

void main();
