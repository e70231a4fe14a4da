// Types shared by the capacity service's parts.
import type { Db, Provider } from '../../db/client.js';
import type { ClosureSession } from '../../domain/capacity/closures.js';
import type { ReservationKind } from '../../domain/capacity/pools.js';
import type { Session } from '../../domain/capacity/rules.js';

export type { ClosureSession, ReservationKind, Session };

/** What the capacity service needs: the client and which database it talks to (a DbHandle fits). */
export interface CapacityDeps {
  db: Db;
  provider: Provider;
}

/** A call with arguments the service cannot use (bad day, session, rule list…), naming the field. */
export class CapacityInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'CapacityInputError';
  }
}

/** Bookings that hold a seat. */
export const ACTIVE_BOOKING_STATUSES = ['held', 'confirmed'] as const;

export interface RuleInput {
  weekday: number;
  session: Session;
  capacity: number;
}

export interface SeedResult {
  /** hospitals that got the county file's capacity now */
  seeded: string[];
  /** hospitals that already had rules (staff changes are never overwritten) */
  skipped: string[];
}

/** A future slot whose new capacity could not be applied in full because seats are booked or reserved. */
export interface CapacityConflict {
  slotId: string;
  day: string;
  session: Session;
  /** what the new rules give the day × session */
  requested: number;
  /** what the slot holds now (all pools) */
  capacity: number;
  /** seats booked in the general pool (it never goes below them) */
  generalBooked: number;
  /** seats held by reserved pools (left as staff set them) */
  reserved: number;
}

export interface SetRulesResult {
  rules: RuleInput[];
  /** future materialized slots whose capacity changed */
  slotsUpdated: number;
  conflicts: CapacityConflict[];
}

export interface AffectedBooking {
  bookingId: string;
  code: string;
  contactId: string;
  serviceId: string;
  day: string;
  session: string;
  status: string;
}

export interface AddClosureResult {
  closure: { hospitalId: string; day: string; session: ClosureSession; reason: string };
  /** slots marked closed now */
  slotsClosed: number;
  /** bookings on the closed day × session(s), NOT cancelled: the caller tells these women */
  affectedBookings: AffectedBooking[];
}

export interface RemoveClosureResult {
  removed: boolean;
  /** slots open again (a slot another closure still covers stays closed) */
  slotsReopened: number;
}

export interface ReserveInput {
  hospitalId: string;
  serviceId: string;
  day: string;
  session: Session;
  kind: ReservationKind;
  /** a township or village id; required for kind 'region', absent for 'priority' */
  regionId?: string;
  /** the reservation's size: reserving again for the same key sets it to this */
  seats: number;
  releaseAt: Date;
}

export interface PoolView {
  id: string;
  kind: string;
  regionId: string;
  capacity: number;
  booked: number;
  releaseAt: Date | null;
}

export type ReserveResult =
  | { ok: true; reservation: { id: string; seats: number; releaseAt: Date }; pool: PoolView; general: PoolView }
  /** no rule opens that day × session */
  | { ok: false; reason: 'no_capacity' }
  | { ok: false; reason: 'closed' }
  /** the general pool has only `available` unbooked seats */
  | { ok: false; reason: 'not_enough_seats'; available: number }
  /** the reserved pool already has `booked` seats taken: it cannot shrink below them */
  | { ok: false; reason: 'below_booked'; booked: number };

export interface UnreserveInput {
  hospitalId: string;
  serviceId: string;
  day: string;
  session: Session;
  kind: ReservationKind;
  regionId?: string;
}

export interface UnreserveResult {
  removed: boolean;
  /** unbooked reserved seats given back to the general pool */
  seatsReturned: number;
  /** seats already booked in the reserved pool (those bookings stand) */
  stillBooked: number;
}

export interface EnsureSlotsResult {
  /** day × sessions the rules open in the range */
  planned: number;
  /** slots this call created (0 when another call already had) */
  created: number;
}

export interface OverviewRow {
  day: string;
  session: Session;
  serviceId: string;
  /** seats of all pools (for a slot not yet materialized: the rule's) */
  capacity: number;
  booked: number;
  /** seats still free in any pool; 0 when closed */
  free: number;
  reserved: Record<ReservationKind, number>;
  closed: boolean;
  /** false when no Slot row exists yet (figures come from the rules) */
  materialized: boolean;
  pools: { kind: string; regionId: string; capacity: number; booked: number; releaseAt: string | null }[];
}

export interface Overview {
  hospitalId: string;
  from: string;
  to: string;
  slots: OverviewRow[];
}
