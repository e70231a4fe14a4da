// Capacity changed by staff: only an account that runs the hospital (its county's administrators, the
// hospital's own accounts; 403 otherwise), except that a township account of the hospital's county may
// reserve (and release) seats for its own township or one of its villages; every change audited in
// its own transaction (ids, days and figures only). Reading the slot overview is open to every account of the hospital's county
// (township staff plan their villages' days with it).
import type { Db, Tx } from '../../db/client.js';
import { administersCounty, type StaffScope } from '../../domain/staff/staffScope.js';
import { audit } from '../audit/audit.js';
import { auditBy, forbidden, hospitalCounty, mustRunHospital, notFound } from '../staffAccess/scopeAccess.js';
import { addClosure, removeClosure } from './closures.js';
import { overview } from './overview.js';
import { reserve, unreserve } from './reservations.js';
import { setRules } from './rules.js';
import type {
  AddClosureResult,
  CapacityDeps,
  ClosureSession,
  Overview,
  RemoveClosureResult,
  ReserveInput,
  ReserveResult,
  RuleInput,
  SetRulesResult,
  UnreserveInput,
  UnreserveResult,
} from './types.js';

type Detail = Record<string, string | number | boolean | null>;

/** The audit row of a change to a hospital's capacity, written in the change's transaction. */
const record = (by: StaffScope, countyId: string, hospitalId: string, action: string, now: Date) => (tx: Tx, detail: Detail) =>
  audit(tx, { by: auditBy(by), action, objectType: 'hospital', objectId: hospitalId, countyId, detail }, now);

export async function staffSetRules(
  deps: CapacityDeps,
  by: StaffScope,
  hospitalId: string,
  serviceId: string,
  rules: readonly RuleInput[],
  now: Date,
): Promise<SetRulesResult> {
  const county = await mustRunHospital(deps.db, by, hospitalId);
  const write = record(by, county, hospitalId, 'capacity.change', now);
  return setRules(deps, hospitalId, serviceId, rules, now, (tx, r) =>
    write(tx, { serviceId, rules: r.rules.map((x) => `${x.weekday}${x.session}:${x.capacity}`).join(','), slotsUpdated: r.slotsUpdated }),
  );
}

export async function staffAddClosure(
  deps: CapacityDeps,
  by: StaffScope,
  hospitalId: string,
  day: string,
  session: ClosureSession,
  reason: string,
  now: Date,
): Promise<AddClosureResult> {
  const county = await mustRunHospital(deps.db, by, hospitalId);
  const write = record(by, county, hospitalId, 'capacity.close', now);
  return addClosure(deps, hospitalId, day, session, reason, (tx, slotsClosed) => write(tx, { day, session, slotsClosed }));
}

export async function staffRemoveClosure(
  deps: CapacityDeps,
  by: StaffScope,
  hospitalId: string,
  day: string,
  session: ClosureSession,
  now: Date,
): Promise<RemoveClosureResult> {
  const county = await mustRunHospital(deps.db, by, hospitalId);
  const write = record(by, county, hospitalId, 'capacity.reopen', now);
  return removeClosure(deps, hospitalId, day, session, (tx, r) =>
    r.removed ? write(tx, { day, session, slotsReopened: r.slotsReopened }) : Promise.resolve(),
  );
}

/** Whether a region is this township or one of its villages. */
async function ofTownship(db: Db, townshipId: string, regionId: string): Promise<boolean> {
  if (regionId === townshipId) return true;
  return (await db.region.count({ where: { id: regionId, level: 'village', parentId: townshipId } })) === 1;
}

/**
 * Who may reserve seats of this hospital (or release them): an account that runs it, or a township
 * account of its county for its own township or a village of it (403 for anything else).
 */
async function mayReserve(db: Db, by: StaffScope, input: { hospitalId: string; kind: string; regionId?: string }): Promise<string> {
  if (by.role !== 'township') return mustRunHospital(db, by, input.hospitalId);
  const county = await hospitalCounty(db, input.hospitalId);
  if (!county) throw notFound(`no hospital ${input.hospitalId}`);
  const own = by.countyId === county && !!by.townshipId && input.kind === 'region' && !!input.regionId;
  if (own && (await ofTownship(db, by.townshipId!, input.regionId!))) return county;
  throw forbidden('a township account reserves seats only for its own township or its villages');
}

export async function staffReserve(deps: CapacityDeps, by: StaffScope, input: ReserveInput, now: Date): Promise<ReserveResult> {
  const county = await mayReserve(deps.db, by, input);
  const write = record(by, county, input.hospitalId, 'capacity.reserve', now);
  const { serviceId, day, session, kind, seats } = input;
  return reserve(deps, input, now, (tx, r) =>
    r.ok ? write(tx, { serviceId, day, session, kind, regionId: input.regionId ?? null, seats, releaseAt: input.releaseAt.toISOString() }) : Promise.resolve(),
  );
}

export async function staffUnreserve(deps: CapacityDeps, by: StaffScope, input: UnreserveInput, now: Date): Promise<UnreserveResult> {
  const county = await mayReserve(deps.db, by, input);
  const write = record(by, county, input.hospitalId, 'capacity.unreserve', now);
  const { serviceId, day, session, kind } = input;
  return unreserve(deps, input, now, (tx, r) =>
    r.removed ? write(tx, { serviceId, day, session, kind, regionId: input.regionId ?? null, seatsReturned: r.seatsReturned }) : Promise.resolve(),
  );
}

/** The slot overview, for any account of the hospital's county. */
export async function staffOverview(deps: CapacityDeps, by: StaffScope, hospitalId: string, fromDay: string, toDay: string): Promise<Overview> {
  const county = await hospitalCounty(deps.db, hospitalId);
  if (!county) throw notFound(`no hospital ${hospitalId}`);
  if (!administersCounty(by, county) && by.countyId !== county) throw forbidden(`hospital ${hospitalId} is not of this account's county`);
  return overview(deps, hospitalId, fromDay, toDay);
}

export interface CapacityPlan {
  hospitalId: string;
  /** the weekly rules that open seats (capacity above 0), per service */
  rules: { serviceId: string; weekday: number; session: string; capacity: number }[];
  /** the closures of days in the range, with their reasons */
  closures: { day: string; session: string; reason: string }[];
}

/** The weekly rules and the closures of a range, for any account of the hospital's county (as the overview). */
export async function staffPlan(deps: CapacityDeps, by: StaffScope, hospitalId: string, fromDay: string, toDay: string): Promise<CapacityPlan> {
  const county = await hospitalCounty(deps.db, hospitalId);
  if (!county) throw notFound(`no hospital ${hospitalId}`);
  if (!administersCounty(by, county) && by.countyId !== county) throw forbidden(`hospital ${hospitalId} is not of this account's county`);
  const [rules, closures] = await Promise.all([
    deps.db.capacityRule.findMany({
      where: { hospitalId, capacity: { gt: 0 } },
      orderBy: [{ serviceId: 'asc' }, { weekday: 'asc' }, { session: 'asc' }],
      select: { serviceId: true, weekday: true, session: true, capacity: true },
    }),
    deps.db.closure.findMany({
      where: { hospitalId, day: { gte: fromDay, lte: toDay } },
      orderBy: [{ day: 'asc' }, { session: 'asc' }],
      select: { day: true, session: true, reason: true },
    }),
  ]);
  return { hospitalId, rules, closures };
}
