// One page of a peer's JSON through a result mapping (pure): its items as candidate result records
// (still to be validated against the record schema: a field the mapping cannot find is left out, so
// the record fails validation rather than being guessed), and where the next page is.
import { isCalendarDay, shanghaiDay } from '../../calendarDay.js';
import type { FieldSpec, ResultMapping } from './resultMappingSchema.js';
import { bundleResources, parsePath, scalarText, valuesAt, type PathContext, type PathStep } from './valuePath.js';

export interface MappedItem {
  /** the peer's id for the item (its hospitalResultId), when the mapping finds one: for reports */
  peerId?: string;
  /** the record as mapped, not yet validated */
  candidate: Record<string, unknown>;
}

/** since: the newest of the items' `request.since.item` values (as written), when the mapping has one */
export type MappedPage = { ok: true; items: MappedItem[]; next?: string; since?: string } | { ok: false; reason: 'unexpected_shape' };

type Conversion = NonNullable<FieldSpec['as']>;
type Scalar = string | number | boolean;

export function mapPage(m: ResultMapping, page: unknown, hospitalId: string): MappedPage {
  if (typeof page !== 'object' || page === null || Array.isArray(page)) return { ok: false, reason: 'unexpected_shape' };
  // (a page without what every page of this peer has, e.g. an error object sent with 200: not an empty page)
  if (m.page.expect) {
    const steps = parsePath(m.page.expect.path);
    const there = m.page.expect.equals === undefined ? holds(page, steps) : valuesAt(page, steps).some((v) => scalarText(v) === m.page.expect!.equals);
    if (!there) return { ok: false, reason: 'unexpected_shape' };
  }
  const itemsPath = parsePath(m.page.items);
  const resources = m.page.bundleEntries ? bundleResources(valuesAt(page, parsePath(m.page.bundleEntries))) : new Map<string, unknown>();
  const raw = valuesAt(page, itemsPath);
  const items = raw.map((item) => mapItem(m, { item, resources }, hospitalId));
  const next = valuesAt(page, parsePath(m.page.next))
    .map(scalarText)
    .find((t) => !!t);
  const sincePath = m.request.since ? parsePath(m.request.since.item) : undefined;
  const since = sincePath ? newest(raw.map((item) => scalarText(valuesAt(item, sincePath)[0]))) : undefined;
  return { ok: true, items, ...(next ? { next } : {}), ...(since ? { since } : {}) };
}

function mapItem(m: ResultMapping, ctx: PathContext, hospitalId: string): MappedItem {
  const field = (spec: FieldSpec | undefined, as?: Conversion) => (spec === undefined ? undefined : readField(m, spec, ctx, as));
  const hospitalResultId = field(m.record.hospitalResultId, 'text');
  const category = field(m.record.category, 'text');
  const result: Record<string, unknown> = { category };
  const fields = typeof category === 'string' ? m.results[category as keyof ResultMapping['results']] : undefined;
  for (const [name, spec] of Object.entries(fields ?? {})) result[name] = field(spec);
  const candidate = withoutUndefined({
    hospitalId,
    hospitalResultId,
    visitCode: field(m.record.visitCode, 'text'),
    idNumber: field(m.record.idNumber, 'text'),
    date: field(m.record.date, 'day'),
    corrected: field(m.record.corrected, 'boolean'),
    result: withoutUndefined(result),
  });
  return { ...(typeof hospitalResultId === 'string' ? { peerId: hospitalResultId } : {}), candidate };
}

/** The first value the field's paths reach that its table knows and its conversion accepts. */
function readField(m: ResultMapping, spec: FieldSpec, ctx: PathContext, fallback?: Conversion): Scalar | undefined {
  const table = typeof spec.table === 'string' ? m.tables[spec.table] : spec.table;
  const folded = table ? new Map(Object.entries(table).map(([k, v]) => [k.trim().toLowerCase(), v])) : undefined;
  const as = spec.as ?? (table ? undefined : fallback);
  for (const p of spec.path) {
    for (const raw of valuesAt(ctx.item, parsePath(p), ctx)) {
      let value: unknown = raw;
      if (folded) {
        const key = scalarText(raw)?.toLowerCase();
        if (key === undefined || !folded.has(key)) continue;
        value = folded.get(key);
      }
      const converted = as ? convert(value, as) : typeof value === 'object' ? undefined : (value as Scalar);
      if (converted !== undefined) return converted;
    }
  }
  return spec.default;
}

function convert(v: unknown, as: Conversion): Scalar | undefined {
  switch (as) {
    case 'text':
      return scalarText(v) || undefined;
    case 'boolean':
      if (typeof v === 'boolean') return v;
      return v === 'true' ? true : v === 'false' ? false : undefined;
    case 'number':
    case 'integer': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
      return Number.isFinite(n) && (as === 'number' || Number.isInteger(n)) ? n : undefined;
    }
    case 'oneIn':
      return oneIn(v);
    case 'day':
      return calendarDay(v);
  }
}

/** A risk "1 in N": "1:270", "1/270", "1：270", 270, or a FHIR Ratio (numerator 1, denominator 270). */
function oneIn(v: unknown): number | undefined {
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const r = /^\s*(\d+(?:\.\d+)?)\s*[:/：]\s*(\d+(?:\.\d+)?)\s*$/.exec(v);
    n = r ? Number(r[2]) / Number(r[1]) : /^\s*\d+\s*$/.test(v) ? Number(v) : undefined;
  } else if (typeof v === 'object' && v !== null) {
    const ratio = v as { numerator?: { value?: unknown }; denominator?: { value?: unknown } };
    const num = ratio.numerator?.value;
    const den = ratio.denominator?.value;
    if (typeof num === 'number' && typeof den === 'number' && num > 0) n = den / num;
  }
  return n !== undefined && Number.isFinite(n) && n >= 1 ? Math.round(n) : undefined;
}

/** "2026-03-10", "20260310", or a datetime: with an offset its Asia/Shanghai day, without one its own day. */
function calendarDay(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^\d{8}$/.test(s)) {
    const day = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`;
    return isCalendarDay(day) ? day : undefined;
  }
  const head = s.slice(0, 10);
  if (!isCalendarDay(head)) return undefined;
  if (s.length === 10) return head;
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const at = new Date(s);
    return Number.isNaN(at.getTime()) ? undefined : shanghaiDay(at);
  }
  return head;
}

/** Whether the path's last property is present (an empty list counts) on what the steps before it reach. */
function holds(page: unknown, steps: PathStep[]): boolean {
  const last = steps[steps.length - 1];
  if (last.filter || last.name === '$resolve') return valuesAt(page, steps).length > 0;
  return valuesAt(page, steps.slice(0, -1)).some((v) => typeof v === 'object' && v !== null && (v as Record<string, unknown>)[last.name] !== undefined);
}

/** The newest of these instants (as written), skipping what is not one. */
export function newest(instants: readonly (string | undefined)[]): string | undefined {
  let best: { at: number; text: string } | undefined;
  for (const text of instants) {
    const at = text ? Date.parse(text) : NaN;
    if (!Number.isNaN(at) && (!best || at > best.at)) best = { at, text: text! };
  }
  return best?.text;
}

function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
