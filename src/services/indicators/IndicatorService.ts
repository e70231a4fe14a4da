// The programme indicators of a region and period (issue 13 point 7), read from the stored rows: the
// definitions and the arithmetic are in src/domain/indicators/screeningIndicators.ts; this reads.
// - Region: a county (results belong to their hospital's county, Hospital.regionId), or a region above
//   counties (a city, a province) aggregating the counties under it through Region.parentId. A
//   township or a village has no indicators of its own (results are not kept by township).
// - Period: from … to, calendar days inclusive, by the result's testDate (the day the sample was
//   taken); a case counts in the period of its result, so a period's 随访率 follows that period's
//   abnormal results. Pregnancies by the day they were registered, in the region of the woman (her
//   contact's county).
// - Every stored result of the region's hospitals counts, whatever its match or status.
// A city's year (~140,000 results) is streamed in keyset pages of a few columns (the case joined, the
// woman's key computed in the SQL), in (testDate, id) order from the testDate index, into the pure
// tally: memory stays one page and one small entry per woman. npm run bench:indicators measures it
// (about 3 s for a city-year and 0.5 s for a county on both databases, on a loaded 2-core machine).
// A (hospitalId, testDate) index would let a county skip the rest of the city's rows.
import type { StaffScope } from '../../domain/staff/staffScope.js';
import { forbidden } from '../staffAccess/scopeAccess.js';
import { providerOfDb, type Db } from '../../db/client.js';
import { IndicatorTally, type IndicatorRow, type Indicators } from '../../domain/indicators/screeningIndicators.js';
import { aidFigures, type AidFigures } from '../../domain/indicators/aidFigures.js';

export interface IndicatorQuery {
  regionId: string;
  /** First and last day (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
}

export interface IndicatorRegion {
  id: string;
  name: string;
  level: string;
  /** The counties counted (the region itself when it is one). */
  counties: string[];
}

export type IndicatorReport = { region: IndicatorRegion; from: string; to: string; aid: AidFigures } & Indicators;

export type IndicatorOutcome = { ok: true; report: IndicatorReport } | { ok: false; error: 'not_found' | 'not_county_or_above' };

/** Levels below a county: no indicators of their own. */
const BELOW_COUNTY = new Set(['township', 'village']);
/** How deep under a region counties are looked for (province → city → county). */
const MAX_DEPTH = 4;

interface RawRow {
  id: string;
  testDate: string;
  woman: string;
  category: string;
  grade: string;
  abnormal: unknown;
  caseId: string | null;
  closed: unknown;
  outcome: string | null;
  outcomeStage: string | null;
}

/**
 * womanKey (src/domain/indicators/screeningIndicators.ts) in SQL, the same in SQLite and PostgreSQL:
 * her ID hash (the result's, else the one her contact gave), else her contact, else the visit code at
 * that hospital, else the result alone.
 */
const WOMAN_KEY = `CASE WHEN COALESCE(r."idHash", ci."idHash") IS NOT NULL THEN 'id:' || COALESCE(r."idHash", ci."idHash")
  WHEN r."contactId" IS NOT NULL THEN 'contact:' || r."contactId"
  WHEN r."visitCode" IS NOT NULL THEN 'visit:' || r."hospitalId" || ':' || r."visitCode"
  ELSE 'result:' || r."id" END`;

const truthy = (v: unknown) => v === true || v === 1 || v === 1n || v === '1' || v === 'true';

export class IndicatorService {
  constructor(
    private readonly db: Db,
    private readonly pageSize = 10_000,
  ) {}

  /**
   * `by`: the staff member asking. A county's figures are for its administrators (and the city's); a
   * city's, aggregating counties, for city accounts; township and hospital accounts get a 403
   * StaffAccessError (their reports are other pages).
   */
  async compute(q: IndicatorQuery, by?: StaffScope): Promise<IndicatorOutcome> {
    const region = await this.region(q.regionId);
    if (!region.ok) return region;
    const { counties } = region.region;
    if (by && by.role !== 'city' && !(by.role === 'county' && counties.length === 1 && counties[0] === by.countyId && q.regionId === by.countyId)) {
      throw forbidden(`region ${q.regionId}: not this account's county`);
    }
    const hospitals = counties.length
      ? (await this.db.hospital.findMany({ where: { regionId: { in: counties } }, select: { id: true } })).map((h) => h.id)
      : [];
    const tally = new IndicatorTally();
    for await (const page of this.pages(hospitals, q.from, q.to)) for (const r of page) tally.add(r);
    const registered = counties.length
      ? await this.db.pregnancy.count({ where: { registeredOn: { gte: q.from, lte: q.to }, contact: { regionId: { in: counties } } } })
      : 0;
    const aid = aidFigures(await this.aidGroups(hospitals, q.from, q.to));
    return { ok: true, report: { region: region.region, from: q.from, to: q.to, ...tally.figures(registered), aid } };
  }

  /** Cases of the period's results (by their test day) offered aid, per state, with the amounts granted. */
  private async aidGroups(hospitals: string[], from: string, to: string) {
    if (hospitals.length === 0) return [];
    const groups = await this.db.followUpCase.groupBy({
      by: ['aidState'],
      where: { aidState: { not: null }, result: { hospitalId: { in: hospitals }, testDate: { gte: from, lte: to } } },
      _count: { _all: true },
      _sum: { aidAmountFen: true },
    });
    return groups.map((g) => ({ state: g.aidState ?? '', cases: g._count._all, amountFen: g._sum.aidAmountFen ?? 0 }));
  }

  /** The region and the counties it stands for. */
  private async region(id: string): Promise<{ ok: true; region: IndicatorRegion } | { ok: false; error: 'not_found' | 'not_county_or_above' }> {
    const root = await this.db.region.findUnique({ where: { id }, select: { id: true, name: true, level: true } });
    if (!root) return { ok: false, error: 'not_found' };
    if (BELOW_COUNTY.has(root.level)) return { ok: false, error: 'not_county_or_above' };
    const counties: string[] = [];
    let frontier = [root];
    for (let depth = 0; frontier.length > 0 && depth <= MAX_DEPTH; depth++) {
      const next: string[] = [];
      for (const r of frontier) {
        if (r.level === 'county') counties.push(r.id);
        else if (!BELOW_COUNTY.has(r.level)) next.push(r.id);
      }
      frontier = next.length ? await this.db.region.findMany({ where: { parentId: { in: next } }, select: { id: true, name: true, level: true } }) : [];
    }
    return { ok: true, region: { ...root, counties: counties.sort() } };
  }

  /** The results of these hospitals taken on from … to, with their case, a page at a time. */
  private async *pages(hospitals: string[], from: string, to: string): AsyncGenerator<IndicatorRow[]> {
    if (hospitals.length === 0) return;
    const postgres = providerOfDb(this.db) === 'postgres';
    // SQLite would otherwise walk the (hospitalId, hospitalResultId) index for the hospital list and
    // sort all their rows again for every page; the testDate index reads each row of the period once
    const byDay = postgres ? '' : 'INDEXED BY "ScreeningResult_testDate_idx"';
    let after: { day: string; id: string } | null = null;
    for (;;) {
      const params: unknown[] = [];
      const p = (v: unknown) => (params.push(v), postgres ? `$${params.length}` : '?');
      // keyset: the rows after the last one read, in (testDate, id) order (the testDate index, then
      // the ids of one day sorted); never an OFFSET, which would read every earlier page again
      const where: string[] = [
        `r."testDate" >= ${p(from)}`,
        `r."testDate" <= ${p(to)}`,
        `r."hospitalId" IN (${hospitals.map(p).join(', ')})`,
        ...(after ? [`r."testDate" >= ${p(after.day)}`, `(r."testDate" > ${p(after.day)} OR r."id" > ${p(after.id)})`] : []),
      ];
      const rows: RawRow[] = await this.db.$queryRawUnsafe<RawRow[]>(
        `SELECT r."id", r."testDate", ${WOMAN_KEY} AS "woman", r."category", r."grade", r."abnormal", c."id" AS "caseId", CASE WHEN c."closedAt" IS NULL THEN 0 ELSE 1 END AS "closed", c."outcome", c."outcomeStage"
         FROM "ScreeningResult" r ${byDay} LEFT JOIN "FollowUpCase" c ON c."resultId" = r."id" LEFT JOIN "ContactIdentity" ci ON ci."contactId" = r."contactId"
         WHERE ${where.join(' AND ')}
         ORDER BY r."testDate", r."id"
         LIMIT ${Number(this.pageSize)}`,
        ...params,
      );
      if (rows.length === 0) return;
      yield rows.map(toRow);
      if (rows.length < this.pageSize) return;
      const last: RawRow = rows[rows.length - 1];
      after = { day: last.testDate, id: last.id };
    }
  }
}

function toRow(r: RawRow): IndicatorRow {
  return {
    woman: r.woman,
    category: r.category,
    grade: r.grade,
    abnormal: truthy(r.abnormal),
    followUp: r.caseId === null ? null : { closed: truthy(r.closed), outcome: r.outcome, stage: r.outcomeStage },
  };
}
