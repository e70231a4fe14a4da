// Capacity changed by staff: only an account that runs the hospital (its county's administrators, the
// hospital's own accounts; 403 otherwise), and every change audited in its own transaction (ids,
// days and figures only). Reading the slot overview is open to every account of the hospital's county
// (township staff plan their villages' days with it).
import type { Tx } from '../../db/client.js';
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

export async function staffReserve(deps: CapacityDeps, by: StaffScope, input: ReserveInput, now: Date): Promise<ReserveResult> {
  const county = await mustRunHospital(deps.db, by, input.hospitalId);
  const write = record(by, county, input.hospitalId, 'capacity.reserve', now);
  const { serviceId, day, session, kind, seats } = input;
  return reserve(deps, input, now, (tx, r) =>
    r.ok ? write(tx, { serviceId, day, session, kind, regionId: input.regionId ?? null, seats, releaseAt: input.releaseAt.toISOString() }) : Promise.resolve(),
  );
}

export async function staffUnreserve(deps: CapacityDeps, by: StaffScope, input: UnreserveInput, now: Date): Promise<UnreserveResult> {
  const county = await mustRunHospital(deps.db, by, input.hospitalId);
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
