// Hospital capacity (issue 3, item 1 and 6): weekly rules per hospital × service × weekday ×
// session, closures, reserved shares for villages/townships and priority groups, and the Slot /
// SlotPool rows bookings take seats from. Each operation lives in its own file; this class binds
// them to one database.
import type { County } from '../../profiles/countySchema.js';
import { addClosure, removeClosure } from './closures.js';
import { overview } from './overview.js';
import { releaseDue, reserve, unreserve } from './reservations.js';
import { hospitalsOffering, setRules } from './rules.js';
import { seedFromCounty } from './seed.js';
import { ensureSlots } from './slots.js';
import { staffAddClosure, staffOverview, staffPlan, staffRemoveClosure, staffReserve, staffSetRules, staffUnreserve } from './staffCapacity.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';
import type {
  AddClosureResult,
  CapacityDeps,
  ClosureSession,
  EnsureSlotsResult,
  Overview,
  RemoveClosureResult,
  ReserveInput,
  ReserveResult,
  RuleInput,
  SeedResult,
  SetRulesResult,
  UnreserveInput,
  UnreserveResult,
} from './types.js';

export class CapacityService {
  private readonly deps: CapacityDeps;

  /** `deps`: the database client and its provider; an app's DbHandle fits as is. */
  constructor(deps: CapacityDeps) {
    this.deps = { db: deps.db, provider: deps.provider };
  }

  /** Writes the county file's weekly capacity for hospitals with no rules yet. Idempotent. */
  seedFromCounty(county: County, now: Date): Promise<SeedResult> {
    return seedFromCounty(this.deps, county, now);
  }

  /** Replaces a hospital × service's weekly rules and updates its slots from today on. */
  setRules(hospitalId: string, serviceId: string, rules: readonly RuleInput[], now: Date): Promise<SetRulesResult> {
    return setRules(this.deps, hospitalId, serviceId, rules, now);
  }

  /** Closes a day (or one session of it) for every service; returns the bookings on it. */
  addClosure(hospitalId: string, day: string, session: ClosureSession, reason: string): Promise<AddClosureResult> {
    return addClosure(this.deps, hospitalId, day, session, reason);
  }

  /** Removes a closure; its slots reopen unless another closure still covers them. */
  removeClosure(hospitalId: string, day: string, session: ClosureSession): Promise<RemoveClosureResult> {
    return removeClosure(this.deps, hospitalId, day, session);
  }

  /** Reserves (or resizes) a share of a slot for a region or priority groups. */
  reserve(input: ReserveInput, now: Date): Promise<ReserveResult> {
    return reserve(this.deps, input, now);
  }

  /** Cancels a reservation; its unbooked seats return to the general pool. */
  unreserve(input: UnreserveInput, now: Date): Promise<UnreserveResult> {
    return unreserve(this.deps, input, now);
  }

  /** Moves the unbooked seats of reservations past their release time back to everyone. */
  releaseDue(now: Date): Promise<{ pools: number; seatsReturned: number }> {
    return releaseDue(this.deps, now);
  }

  /** Materializes the slots of a hospital × service between two days (both included). */
  /** The hospitals with weekly capacity for every one of these services. */
  hospitalsOffering(serviceIds: readonly string[]): Promise<string[]> {
    return hospitalsOffering(this.deps, serviceIds);
  }

  ensureSlots(hospitalId: string, serviceId: string, fromDay: string, toDay: string): Promise<EnsureSlotsResult> {
    return ensureSlots(this.deps, hospitalId, serviceId, fromDay, toDay);
  }

  /**
   * Staff changes (staffCapacity.ts): only by an account that runs the hospital (else a 403
   * StaffAccessError), each audited in its transaction.
   */
  readonly staff = {
    setRules: (by: StaffScope, hospitalId: string, serviceId: string, rules: readonly RuleInput[], now: Date) =>
      staffSetRules(this.deps, by, hospitalId, serviceId, rules, now),
    addClosure: (by: StaffScope, hospitalId: string, day: string, session: ClosureSession, reason: string, now: Date) =>
      staffAddClosure(this.deps, by, hospitalId, day, session, reason, now),
    removeClosure: (by: StaffScope, hospitalId: string, day: string, session: ClosureSession, now: Date) =>
      staffRemoveClosure(this.deps, by, hospitalId, day, session, now),
    reserve: (by: StaffScope, input: ReserveInput, now: Date) => staffReserve(this.deps, by, input, now),
    unreserve: (by: StaffScope, input: UnreserveInput, now: Date) => staffUnreserve(this.deps, by, input, now),
    overview: (by: StaffScope, hospitalId: string, fromDay: string, toDay: string) => staffOverview(this.deps, by, hospitalId, fromDay, toDay),
    plan: (by: StaffScope, hospitalId: string, fromDay: string, toDay: string) => staffPlan(this.deps, by, hospitalId, fromDay, toDay),
  };

  /** Seats, bookings, reserved shares and closures per day × session × service. */
  overview(hospitalId: string, fromDay: string, toDay: string): Promise<Overview> {
    return overview(this.deps, hospitalId, fromDay, toDay);
  }
}

export * from './types.js';
