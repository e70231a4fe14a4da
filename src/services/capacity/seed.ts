// The county file's starting weekly capacity, written for hospitals that have no rules yet: staff
// changes are never overwritten. Safe when several processes start at once.
import { isUniqueViolation } from '../../db/transaction.js';
import { rulesFromCounty } from '../../domain/capacity/rules.js';
import type { County } from '../../profiles/countySchema.js';
import { inHospitalTx } from './tx.js';
import type { CapacityDeps, SeedResult } from './types.js';

export async function seedFromCounty(deps: CapacityDeps, county: County, now: Date): Promise<SeedResult> {
  const result: SeedResult = { seeded: [], skipped: [] };
  for (const hospital of county.hospitals) {
    const rows = [...rulesFromCounty(hospital.capacity)].flatMap(([serviceId, rules]) =>
      rules.map((r) => ({ hospitalId: hospital.id, serviceId, weekday: r.weekday, session: r.session, capacity: r.capacity, updatedAt: now })),
    );
    if (rows.length === 0) {
      result.skipped.push(hospital.id);
      continue;
    }
    let seeded = false;
    try {
      seeded = await inHospitalTx(deps, hospital.id, async (tx) => {
        if ((await tx.capacityRule.count({ where: { hospitalId: hospital.id } })) > 0) return false;
        await tx.capacityRule.createMany({ data: rows });
        return true;
      });
    } catch (err) {
      // another process (SQLite: another process on the same file) seeded it first
      if (!isUniqueViolation(err)) throw err;
    }
    (seeded ? result.seeded : result.skipped).push(hospital.id);
  }
  return result;
}
