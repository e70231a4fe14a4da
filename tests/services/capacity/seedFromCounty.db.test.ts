// The county file's weekly capacity becomes CapacityRule rows once: idempotent, never over staff
// changes, and safe when two processes start at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { capacityFixture, MCH, NOW, secondProcess, type CapacityFixture } from './capacityFixtures.js';

describe.skipIf(dbUnavailable)('CapacityService.seedFromCounty', () => {
  let f: CapacityFixture;
  beforeAll(async () => {
    f = await capacityFixture(false);
  });
  afterAll(async () => {
    await f.close();
  });

  it('writes every hospital × service × weekday × session of the county file, then a second run changes nothing', async () => {
    const first = await f.capacity.seedFromCounty(f.county, NOW);
    expect(first).toEqual({ seeded: ['xc-mch', 'xc-first'], skipped: [] });
    // xc-mch: cervical 10 + breast 10 + nt 6 + serum-mid 6 + nipt 3 + anomaly-us 5 + ogtt 5 + fallback-us 3
    // + colposcopy 5 + mammography 2 + prenatal-diagnosis 2 + hearing-diagnosis 1
    expect(await f.h.db.capacityRule.count({ where: { hospitalId: MCH } })).toBe(58);
    expect(await f.h.db.capacityRule.count({ where: { hospitalId: 'xc-first' } })).toBe(15);
    const rule = await f.h.db.capacityRule.findUniqueOrThrow({
      where: { hospitalId_serviceId_weekday_session: { hospitalId: MCH, serviceId: 'cervical', weekday: 1, session: 'am' } },
    });
    expect(rule.capacity).toBe(40);
    expect(rule.updatedAt.toISOString()).toBe(NOW.toISOString());

    const second = await f.capacity.seedFromCounty(f.county, NOW);
    expect(second).toEqual({ seeded: [], skipped: ['xc-mch', 'xc-first'] });
    expect(await f.h.db.capacityRule.count()).toBe(73);
  });

  it('never overwrites what staff set', async () => {
    await f.capacity.setRules(MCH, 'cervical', [{ weekday: 1, session: 'am', capacity: 7 }], NOW);
    await f.capacity.seedFromCounty(f.county, NOW);
    const rules = await f.h.db.capacityRule.findMany({ where: { hospitalId: MCH, serviceId: 'cervical', capacity: { gt: 0 } } });
    expect(rules.map((r) => [r.weekday, r.session, r.capacity])).toEqual([[1, 'am', 7]]);
  });

  it('two processes seeding a new hospital at once write its rules exactly once', async () => {
    const county = {
      ...f.county,
      hospitals: [{ ...f.county.hospitals[0], id: 'xc-new', capacity: [{ service: 'cervical', weekdays: [1, 2, 3], session: 'am' as const, seats: 9 }] }],
    };
    const other = secondProcess(f);
    try {
      const results = await Promise.all([
        f.capacity.seedFromCounty(county, NOW),
        other.capacity.seedFromCounty(county, NOW),
        f.capacity.seedFromCounty(county, NOW),
        other.capacity.seedFromCounty(county, NOW),
      ]);
      expect(results.flatMap((r) => r.seeded)).toEqual(['xc-new']);
      expect(await f.h.db.capacityRule.count({ where: { hospitalId: 'xc-new' } })).toBe(3);
    } finally {
      await other.close();
    }
  });
});
