// Staff and follow-up cases (issue 13 point 6): the worklist (filtered by region, category, status,
// overdue, owner and escalation; sorted by due day; ids and codes of the programme only, no names),
// one case with its history, and the actions: set the owner, mark contacted, booked, done, close with
// an outcome that fits the category (a stage for a cancer), mark the woman's priority group, move the
// aid (救助) referral. Each action is an event and applies over the version read: of two staff
// members acting at once, one wins and the other is told the case changed. Status is computed when
// read (caseStatus), never stored. The worklist comes as a CSV file too (an export, audited).
import type { Db, DbTypes as Prisma, FollowUpCase, Tx } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import { aidMoveAllowed, closeRefusal, offersAid, type AidState, type CloseRefusal } from '../../domain/followUp/caseRules.js';
import { CANCER_STAGES, caseStatus, STAGED_OUTCOMES, type CaseOutcome, type CaseStatus } from '../../domain/followUp/caseStatus.js';
import type { FollowUpSettings } from '../../domain/profile/followUpSchema.js';
import { followUpEvent } from './followUpEvents.js';
import { caseActorName, mayWorkCase, ownerMaySee, seesCase, type CaseActor } from './caseAccess.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';
import { auditBy, casesWhere } from '../staffAccess/scopeAccess.js';
import { audit } from '../audit/audit.js';

/** The columns of the worklist's CSV file (ids and codes only, as the worklist). */
export const WORKLIST_COLUMNS = [
  'caseId',
  'resultId',
  'contactId',
  'hospitalId',
  'regionId',
  'category',
  'grade',
  'nextStep',
  'openedOn',
  'dueOn',
  'status',
  'overdue',
  'owner',
  'escalatedAt',
  'outcome',
  'outcomeStage',
  'aidState',
] as const;

export const worklistCells = (r: WorklistRow) => [
  r.id,
  r.resultId,
  r.contactId,
  r.hospitalId,
  r.regionId,
  r.category,
  r.grade,
  r.nextStep,
  r.openedOn,
  r.dueOn,
  r.status,
  r.overdue,
  r.owner,
  r.escalatedAt,
  r.outcome,
  r.outcomeStage,
  r.aidState,
];

/** The most cases one worklist export holds (a county's open cases are a few hundred). */
export const EXPORT_MAX_CASES = 5000;

export interface WorklistQuery {
  region?: string;
  category?: string;
  status?: CaseStatus;
  overdue?: boolean;
  owner?: string;
  escalated?: boolean;
  page: number;
  pageSize: number;
}

/** A row of the worklist: ids, category, grade, next step, due day, status computed today, owner, aid. */
export interface WorklistRow {
  id: string;
  resultId: string;
  contactId: string | null;
  hospitalId: string;
  regionId: string;
  category: string;
  grade: string;
  nextStep: string;
  openedOn: string;
  dueOn: string;
  status: CaseStatus;
  overdue: boolean;
  owner: string | null;
  escalatedAt: Date | null;
  outcome: string | null;
  outcomeStage: string | null;
  aidState: string | null;
  aidAmountFen: number | null;
  version: number;
}

export type ActionError =
  | 'not_found'
  | 'changed_meanwhile'
  | 'closed'
  | 'already_marked'
  | 'invalid_aid_transition'
  | 'amount_required'
  | 'amount_not_taken'
  | 'no_aid_scheme'
  | 'unknown_owner';
export type ActionResult = { ok: true; version: number } | { ok: false; error: ActionError | CloseRefusal['error']; field?: string };

type Refusal = Extract<ActionResult, { ok: false }>;
type CaseEvent = { kind: string; detail?: string };
/** What an action does to a case: the change and its event(s), or why not. */
type Decision = { error: Refusal['error']; field?: string } | { data: Prisma.FollowUpCaseUpdateManyMutationInput; event: CaseEvent; more?: CaseEvent[] };

/** The where-clause of a status as caseStatus computes it (the same dates, read by the database). */
function statusWhere(status: CaseStatus): Prisma.FollowUpCaseWhereInput {
  const notClosed = { closedAt: null };
  switch (status) {
    case 'closed':
      return { closedAt: { not: null }, outcome: { not: 'lostToFollowUp' } };
    case 'lost':
      return { closedAt: { not: null }, outcome: 'lostToFollowUp' };
    case 'done':
      return { ...notClosed, doneAt: { not: null } };
    case 'booked':
      return { ...notClosed, doneAt: null, bookedAt: { not: null } };
    case 'contacted':
      return { ...notClosed, doneAt: null, bookedAt: null, contactedAt: { not: null } };
    case 'open':
      return { ...notClosed, doneAt: null, bookedAt: null, contactedAt: null };
  }
}

/** Overdue as caseStatus says: neither closed nor done, past its due day. */
function overdueWhere(overdue: boolean, today: string): Prisma.FollowUpCaseWhereInput {
  return overdue
    ? { closedAt: null, doneAt: null, dueOn: { lt: today } }
    : { OR: [{ closedAt: { not: null } }, { doneAt: { not: null } }, { dueOn: { gte: today } }] };
}

export function worklistRow(c: FollowUpCase, today: string): WorklistRow {
  const { status, overdue } = caseStatus(c, today);
  return {
    id: c.id,
    resultId: c.resultId,
    contactId: c.contactId,
    hospitalId: c.hospitalId,
    regionId: c.regionId,
    category: c.category,
    grade: c.grade,
    nextStep: c.nextStep,
    openedOn: c.openedOn,
    dueOn: c.dueOn,
    status,
    overdue,
    owner: c.owner,
    escalatedAt: c.escalatedAt,
    outcome: c.outcome,
    outcomeStage: c.outcomeStage,
    aidState: c.aidState,
    aidAmountFen: c.aidAmountFen,
    version: c.version,
  };
}

export class FollowUpService {
  constructor(
    private readonly db: Db,
    private readonly settings: FollowUpSettings,
  ) {}

  /** `by`: the staff member asking; only the cases the account sees. */
  async worklist(q: WorklistQuery, now: Date, by?: StaffScope): Promise<{ total: number; rows: WorklistRow[] }> {
    const today = shanghaiDay(now);
    const and: Prisma.FollowUpCaseWhereInput[] = by ? [await casesWhere(this.db, by)] : [];
    if (q.region) and.push({ regionId: q.region });
    if (q.category) and.push({ category: q.category });
    if (q.owner) and.push({ owner: q.owner });
    if (q.status) and.push(statusWhere(q.status));
    if (q.overdue !== undefined) and.push(overdueWhere(q.overdue, today));
    if (q.escalated !== undefined) and.push({ escalatedAt: q.escalated ? { not: null } : null });
    const where = { AND: and };
    // (cases still to work first, by due day: the overdue ones at the top; then done, then closed)
    const orderBy: Prisma.FollowUpCaseOrderByWithRelationInput[] = [
      { closedAt: { sort: 'asc', nulls: 'first' } },
      { doneAt: { sort: 'asc', nulls: 'first' } },
      { dueOn: 'asc' },
      { id: 'asc' },
    ];
    const [total, rows] = await Promise.all([
      this.db.followUpCase.count({ where }),
      this.db.followUpCase.findMany({ where, orderBy, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    ]);
    return { total, rows: rows.map((c) => worklistRow(c, today)) };
  }

  /** The whole worklist under these filters (at most EXPORT_MAX_CASES) for a CSV file: an export, audited. */
  async exportWorklist(q: Omit<WorklistQuery, 'page' | 'pageSize'>, now: Date, by: StaffScope, address?: string): Promise<WorklistRow[]> {
    const { rows } = await this.worklist({ ...q, page: 1, pageSize: EXPORT_MAX_CASES }, now, by);
    const filters = Object.fromEntries(
      Object.entries(q)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    await audit(
      this.db,
      {
        by: auditBy(by),
        action: 'export',
        objectType: 'cases',
        ...(address ? { address } : {}),
        detail: { list: 'followUpWorklist', ...filters, rows: rows.length },
      },
      now,
    );
    return rows;
  }

  /** What a case may be closed with, by category (the profile's outcomes), and the names of the next steps. */
  closeChoices(): { outcomes: Record<string, CaseOutcome[]>; staged: readonly CaseOutcome[]; stages: readonly string[]; steps: Record<string, string> } {
    const { anyCategory, ...byCategory } = this.settings.outcomes;
    const outcomes = Object.fromEntries(Object.entries(byCategory).map(([category, list]) => [category, [...list, ...anyCategory]]));
    return { outcomes, staged: STAGED_OUTCOMES, stages: CANCER_STAGES, steps: this.settings.reminders.steps };
  }

  /** One case with its history, oldest first; the aid scheme's name when it offers a referral. */
  async get(id: string, now: Date, by?: StaffScope) {
    const c = await this.db.followUpCase.findUnique({ where: { id } });
    if (!c || (by && !(await seesCase(this.db, by, c)))) return undefined;
    const events = await this.db.followUpEvent.findMany({
      where: { caseId: id },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      select: { kind: true, detail: true, actor: true, at: true },
    });
    return { ...worklistRow(c, shanghaiDay(now)), aidScheme: c.aidState ? (this.settings.aid?.scheme ?? null) : null, events };
  }

  /** `owner`: a staff account (its id) that sees the case. */
  setOwner(id: string, version: number, owner: string, actor: CaseActor, now: Date): Promise<ActionResult> {
    return this.act(id, version, actor, now, async (c, tx) => {
      if (!(await ownerMaySee(tx, owner, c))) return { error: 'unknown_owner', field: 'owner' };
      return { data: { owner }, event: { kind: 'ownerSet', detail: owner } };
    });
  }

  /** Marks one step (contacted, booked, done) of an open case, once. */
  mark(id: string, version: number, step: 'contacted' | 'booked' | 'done', actor: CaseActor, now: Date): Promise<ActionResult> {
    const field = `${step}At` as const;
    return this.act(id, version, actor, now, async (c) => {
      if (c.closedAt) return { error: 'closed' };
      if (c[field]) return { error: 'already_marked' };
      return { data: { [field]: now }, event: { kind: step } };
    });
  }

  /** Closes an open case with an outcome that fits its category (a cancer with its stage); may offer aid. */
  close(id: string, version: number, outcome: CaseOutcome, stage: string | undefined, actor: CaseActor, now: Date): Promise<ActionResult> {
    return this.act(id, version, actor, now, async (c, tx) => {
      if (c.closedAt) return { error: 'closed' };
      const refused = closeRefusal(this.settings, c.category, outcome, stage);
      if (refused) return { error: refused.error, field: refused.field };
      const aid = !c.aidState && offersAid(this.settings, outcome, await this.groupOf(tx, c));
      return {
        data: { closedAt: now, outcome, outcomeStage: stage ?? null, ...(aid ? { aidState: 'toPrepare', aidUpdatedAt: now } : {}) },
        event: { kind: 'closed', detail: stage ? `${outcome}:${stage}` : outcome },
        more: aid ? [{ kind: 'aid', detail: 'toPrepare' }] : [],
      };
    });
  }

  /**
   * Staff mark the woman's priority group on the case (what they know of her, e.g. from the 低保
   * roster, until the roster issue brings it): a closed case that qualifies offers aid from then.
   */
  markGroup(id: string, version: number, group: string, actor: CaseActor, now: Date): Promise<ActionResult> {
    return this.act(id, version, actor, now, async (c) => {
      const aid = !c.aidState && !!c.closedAt && offersAid(this.settings, c.outcome, group);
      return {
        data: aid ? { aidState: 'toPrepare', aidUpdatedAt: now } : {},
        event: { kind: 'groupMarked', detail: group },
        more: aid ? [{ kind: 'aid', detail: 'toPrepare' }] : [],
      };
    });
  }

  /** Moves the aid referral: to prepare → submitted → granted (with the amount, in fen) or refused. */
  moveAid(id: string, version: number, to: AidState, amountFen: number | undefined, actor: CaseActor, now: Date): Promise<ActionResult> {
    return this.act(id, version, actor, now, async (c) => {
      if (!this.settings.aid) return { error: 'no_aid_scheme' };
      if (!aidMoveAllowed(c.aidState, to)) return { error: 'invalid_aid_transition' };
      if (to === 'granted' && amountFen === undefined) return { error: 'amount_required', field: 'amountFen' };
      if (to !== 'granted' && amountFen !== undefined) return { error: 'amount_not_taken', field: 'amountFen' };
      return {
        data: { aidState: to, aidUpdatedAt: now, ...(to === 'granted' ? { aidAmountFen: amountFen } : {}) },
        event: { kind: 'aid', detail: to === 'granted' ? `granted:${amountFen}` : to },
      };
    });
  }

  /** Her priority group: as staff marked it on the case, else her own answer (the `group` fact). */
  private async groupOf(tx: Tx, c: FollowUpCase): Promise<string | undefined> {
    const marked = await tx.followUpEvent.findFirst({ where: { caseId: c.id, kind: 'groupMarked' }, orderBy: [{ at: 'desc' }, { id: 'desc' }] });
    if (marked?.detail) return marked.detail;
    if (!c.contactId) return undefined;
    const fact = await tx.fact.findUnique({ where: { contactId_key: { contactId: c.contactId, key: 'group' } } });
    const value: unknown = fact ? JSON.parse(fact.valueJson) : undefined;
    return typeof value === 'string' ? value : undefined;
  }

  /** One action over the version read: the change, its event(s), or why not. */
  /** (a staff member's scope is checked first: a case it does not see is not found; each action is audited) */
  private act(id: string, version: number, by: CaseActor, now: Date, decide: (c: FollowUpCase, tx: Tx) => Promise<Decision>): Promise<ActionResult> {
    const actor = caseActorName(by);
    return runTransaction(this.db, async (tx): Promise<ActionResult> => {
      const c = await tx.followUpCase.findUnique({ where: { id } });
      if (!c) return { ok: false, error: 'not_found' };
      const audited = await mayWorkCase(tx, by, c);
      if (c.version !== version) return { ok: false, error: 'changed_meanwhile' };
      const d = await decide(c, tx);
      if ('error' in d) return { ok: false, error: d.error, ...(d.field ? { field: d.field } : {}) };
      const moved = await tx.followUpCase.updateMany({ where: { id, version }, data: { ...d.data, version: version + 1, updatedAt: now } });
      if (moved.count === 0) return { ok: false, error: 'changed_meanwhile' };
      for (const e of [d.event, ...(d.more ?? [])]) {
        await followUpEvent(tx, id, e.kind, actor, now, e.detail);
        await audited(e.kind, now, e.detail);
      }
      return { ok: true, version: version + 1 };
    });
  }
}
