// Puts the county file's regions and hospitals into the database (idempotent, at every start), so
// later services and staff tools work from rows. One transaction (the one every service uses, with
// its retries): a county's few hundred rows, once per start.
import type { Db } from '../db/client.js';
import { runTransaction } from '../db/transaction.js';
import type { County } from '../profiles/countySchema.js';

export async function seedCounty(db: Db, county: County): Promise<void> {
  const regions: { id: string; name: string; level: string; parentId: string | null; profileId: string | null }[] = [
    { id: county.id, name: county.name, level: 'county', parentId: null, profileId: county.profile },
  ];
  for (const t of county.townships) {
    regions.push({ id: t.id, name: t.name, level: 'township', parentId: county.id, profileId: null });
    for (const v of t.villages) regions.push({ id: v.id, name: v.name, level: 'village', parentId: t.id, profileId: null });
  }
  await runTransaction(db, async (tx) => {
    // parents first (a village's township is written before it); the county file names no region
    // above the county, so a parent given to the county in the database (its city, which the
    // indicators aggregate through) is kept
    for (const r of regions) {
      const { parentId: _parentId, ...rest } = r;
      await tx.region.upsert({ where: { id: r.id }, create: r, update: r.level === 'county' ? rest : r });
    }
    for (const h of county.hospitals) {
      const data = {
        regionId: county.id,
        name: h.name,
        address: h.address,
        phone: h.phone,
        directions: h.directions,
        servesJson: JSON.stringify(h.servesFirst),
      };
      await tx.hospital.upsert({ where: { id: h.id }, create: { id: h.id, ...data }, update: data });
    }
  });
}
