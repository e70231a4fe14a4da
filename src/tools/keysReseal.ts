// npm run keys:reseal: after a new key was put first in DATA_ENCRYPTION_KEYS, seals every kept secret
// (the hospitals' signing secrets) again under it; then the old key can be removed from the list.
import { loadConfig } from '../config/config.js';
import { openDb } from '../db/client.js';
import { resealSecrets } from '../services/results/hospitalClients.js';
import { parseDataKeys, secretBox } from '../support/secretBox.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATA_ENCRYPTION_KEYS) {
    console.error('DATA_ENCRYPTION_KEYS is not set (see .env.example)');
    process.exit(2);
  }
  const h = openDb(config.DATABASE_URL);
  try {
    const n = await resealSecrets(h.db, secretBox(parseDataKeys(config.DATA_ENCRYPTION_KEYS)));
    console.log(`${n} secret(s) sealed again under the first key; the others were already`);
  } finally {
    await h.close();
  }
}

void main();
