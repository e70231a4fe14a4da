// The pools a woman may take a seat from, in order: hers while reserved, general, then released ones.
import { describe, expect, it } from 'vitest';
import { orderPools, seatsFor, type PoolView } from '../../../src/domain/booking/poolOrder.js';

const now = new Date('2026-03-02T02:00:00Z');
const later = new Date('2026-03-03T00:00:00Z');
const earlier = new Date('2026-03-01T00:00:00Z');
const pool = (id: string, kind: string, regionId = '', releaseAt: Date | null = null, capacity = 5, booked = 0): PoolView => ({
  id,
  kind,
  regionId,
  capacity,
  booked,
  releaseAt,
});

const general = pool('g', 'general');
const villageA = pool('vA', 'region', 'village-a', later);
const townT = pool('tT', 'region', 'town-t', later);
const villageB = pool('vB', 'region', 'village-b', later);
const prio = pool('pr', 'priority', '', later);
const releasedVillageB = pool('vBr', 'region', 'village-b', earlier);
const releasedPrio = pool('prr', 'priority', '', new Date('2026-03-02T01:00:00Z'));
const neverReleased = pool('vC', 'region', 'village-c', null);
const odd = pool('x', 'staff-only');
const all = [general, villageA, townT, villageB, prio, releasedVillageB, releasedPrio, neverReleased, odd];

describe('orderPools', () => {
  it.each([
    ['an ordinary woman', [], false, ['g', 'vBr', 'prr']],
    ['a woman of village A in town T', ['village-a', 'town-t'], false, ['vA', 'tT', 'g', 'vBr', 'prr']],
    ['listed township first', ['town-t', 'village-a'], false, ['tT', 'vA', 'g', 'vBr', 'prr']],
    ['a priority woman', [], true, ['pr', 'g', 'vBr', 'prr']],
    ['a priority woman of village A', ['village-a'], true, ['vA', 'pr', 'g', 'vBr', 'prr']],
    ['a woman of village B (her pool already released)', ['village-b'], false, ['vB', 'g', 'vBr', 'prr']],
    ['a woman of village C (never released)', ['village-c'], false, ['vC', 'g', 'vBr', 'prr']],
  ])('%s', (_who, regionIds, priority, expected) => {
    expect(orderPools(all, { regionIds, priority }, now).map((p) => p.id)).toEqual(expected);
  });

  it('a reserved pool opens to everyone exactly at its release time', () => {
    const ordinary = { regionIds: [], priority: false };
    expect(orderPools([general, villageA], ordinary, new Date(later.getTime() - 1)).map((p) => p.id)).toEqual(['g']);
    expect(orderPools([general, villageA], ordinary, later).map((p) => p.id)).toEqual(['g', 'vA']);
  });

  it('an empty region id never matches', () => {
    expect(orderPools([pool('r', 'region', '', later)], { regionIds: [''], priority: false }, now)).toEqual([]);
  });
});

describe('seatsFor', () => {
  it.each([
    ['ordinary', [], false, 3 + 2],
    ['village A', ['village-a'], false, 3 + 2 + 4],
    ['priority', [], true, 3 + 2 + 1],
  ])('%s', (_who, regionIds, priority, expected) => {
    const pools = [
      pool('g', 'general', '', null, 5, 2),
      pool('vA', 'region', 'village-a', later, 4, 0),
      pool('pr', 'priority', '', later, 3, 2),
      pool('vB', 'region', 'village-b', earlier, 2, 0),
      pool('full', 'general', '', null, 2, 3), // overfull (capacity lowered): counts 0, not -1
    ];
    expect(seatsFor(pools, { regionIds, priority }, now)).toBe(expected);
  });
});
