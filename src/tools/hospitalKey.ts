// npm run hospital:key -- <hospitalId>: issues a hospital system's API key and signing secret for
// POST /api/hospital/results, or rotates them (the old ones stop working at once). They are shown
// once, here; the secret is kept sealed with DATA_ENCRYPTION_KEYS. The console's 医院接口密钥 page does
// the same for the county administrator; this command is for a server without the console.
import { loadConfig } from '../config/config.js';
import { openDb } from '../db/client.js';
import { issueHospitalKey } from '../services/results/hospitalClients.js';
import { parseDataKeys, secretBox } from '../support/secretBox.js';

async function main(): Promise<void> {
  const [hospitalId] = process.argv.slice(2);
  if (!hospitalId) {
    console.error('usage: npm run hospital:key -- <hospitalId>   (the ids are in profiles/counties/<county>.yaml)');
    process.exit(2);
  }
  const config = loadConfig();
  if (!config.DATA_ENCRYPTION_KEYS) {
    console.error('DATA_ENCRYPTION_KEYS is not set: the secret could not be kept sealed (see .env.example)');
    process.exit(2);
  }
  const h = openDb(config.DATABASE_URL);
  try {
    const hospital = await h.db.hospital.findUnique({ where: { id: hospitalId } });
    if (!hospital) {
      console.error(`no hospital "${hospitalId}" in this database (start the service once to load the county)`);
      process.exit(2);
    }
    const { apiKey, secret } = await issueHospitalKey(h.db, secretBox(parseDataKeys(config.DATA_ENCRYPTION_KEYS)), hospitalId, new Date());
    console.log(`${hospital.name} (${hospitalId}): new credentials for POST /api/hospital/results; any earlier ones no longer work.`);
    console.log(`  X-Api-Key:       ${apiKey}`);
    console.log(`  signing secret:  ${secret}`);
    console.log("Shown this once: hand them to the hospital's IT staff by a safe way, not by WeChat.");
  } finally {
    await h.close();
  }
}

void main();
