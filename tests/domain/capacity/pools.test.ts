// Splitting a slot's seats into the general pool and reserved shares, and summing pools up.
import { describe, expect, it } from 'vitest';
import { generalCapacityFor, planPools, summarizePools, type ReservationShare } from '../../../src/domain/capacity/pools.js';

describe('planPools', () => {
  const cases: { name: string; capacity: number; reservations: ReservationShare[]; expected: number[] }[] = [
    { name: 'no reservations: all general', capacity: 40, reservations: [], expected: [40] },
    {
      name: 'region and priority shares come out of general',
      capacity: 40,
      reservations: [
        { kind: 'region', regionId: 'v1', seats: 10 },
        { kind: 'priority', regionId: '', seats: 5 },
      ],
      expected: [25, 10, 5],
    },
    {
      name: 'shares larger than the slot get what is left, in order',
      capacity: 12,
      reservations: [
        { kind: 'region', regionId: 'v1', seats: 10 },
        { kind: 'region', regionId: 'v2', seats: 10 },
      ],
      expected: [0, 10, 2],
    },
    { name: 'a slot with no seats', capacity: 0, reservations: [{ kind: 'priority', regionId: '', seats: 3 }], expected: [0, 0] },
  ];
  it.each(cases)('$name', ({ capacity, reservations, expected }) => {
    const pools = planPools(capacity, reservations);
    expect(pools.map((p) => p.capacity)).toEqual(expected);
    expect(pools[0]).toMatchObject({ kind: 'general', regionId: '' });
    expect(pools.reduce((n, p) => n + p.capacity, 0)).toBe(capacity);
  });
});

describe('generalCapacityFor', () => {
  it.each([
    [40, 0, 40],
    [40, 15, 25],
    [10, 15, 0],
  ])('total %i with %i reserved → %i', (total, reserved, general) => {
    expect(generalCapacityFor(total, reserved)).toBe(general);
  });
});

describe('summarizePools', () => {
  const pools = [
    { kind: 'general', regionId: '', capacity: 25, booked: 20 },
    { kind: 'region', regionId: 'v1', capacity: 10, booked: 10 },
    { kind: 'priority', regionId: '', capacity: 5, booked: 1 },
  ];
  it('adds up seats, bookings, free seats and reserved seats by kind', () => {
    expect(summarizePools(pools, false)).toEqual({ capacity: 40, booked: 31, free: 9, reserved: { region: 10, priority: 5 } });
  });
  it('a closed slot has no free seats', () => {
    expect(summarizePools(pools, true).free).toBe(0);
  });
});
