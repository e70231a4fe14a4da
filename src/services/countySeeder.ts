// Puts the county file's regions and hospitals into the database (idempotent, at every start), so
// later services and staff tools work from rows.
import type { Db } from '../db/client.js';
import type { County } from '../profiles/countySchema.js';

export async function seedCounty(db: Db, county: County): Promise<void> {
  const regions: { id: string; name: string; level: string; parentId: string | null; profileId: string | null }[] = [
    { id: county.id, name: county.name, level: 'county', parentId: null, profileId: county.profile },
  ];
  for (const t of county.townships) {
    regions.push({ id: t.id, name: t.name, level: 'township', parentId: county.id, profileId: null });
    for (const v of t.villages) regions.push({ id: v.id, name: v.name, level: 'village', parentId: t.id, profileId: null });
  }
  await db.$transaction([
    ...regions.map((r) => db.region.upsert({ where: { id: r.id }, create: r, update: r })),
    ...county.hospitals.map((h) => {
      const data = {
        regionId: county.id,
        name: h.name,
        address: h.address,
        phone: h.phone,
        directions: h.directions,
        servesJson: JSON.stringify(h.servesFirst),
      };
      return db.hospital.upsert({ where: { id: h.id }, create: { id: h.id, ...data }, update: data });
    }),
  ]);
}
