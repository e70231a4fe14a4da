// Which "missed" marks a new due date changes (pure). Under the new dating a window marked missed
// may be open again (the mark goes), and a window still open under the old dating may already have
// closed (it is marked now: the evening job only marks windows closing that day, so it never would).
// Screenings are taken in the profile's order, so one that depends on another being missed (Henan's
// fallback scan after NT) sees the marks decided before it.
import { screeningApplies, windowOf, type AlertScreening, type PregnancyFacts } from './prenatalAlerts.js';

export interface RedatingInput {
  screenings: readonly AlertScreening[];
  /** The new due date. */
  dueDate: string;
  today: string;
  /** The day she registered: a window that closed before it was never hers to miss. */
  registeredOn: string;
  /** Her marks: screening id → 'missed' | 'done'. */
  marks: ReadonlyMap<string, string>;
  /** Screenings booked, offered or attended in this pregnancy. */
  booked: ReadonlySet<string>;
  facts: Omit<PregnancyFacts, 'missed'>;
}

export interface RedatedMarks {
  /** Missed marks to remove: their window is open again or still ahead. */
  drop: string[];
  /** Screenings to mark missed, with the last day of their window. */
  add: { screeningId: string; closedOn: string }[];
}

export function redatedMarks(r: RedatingInput): RedatedMarks {
  const out: RedatedMarks = { drop: [], add: [] };
  const missed = new Set<string>();
  for (const s of r.screenings) {
    const { to } = windowOf(s, r.dueDate);
    const mark = r.marks.get(s.id);
    const closed = to < r.today;
    if (mark === 'missed') {
      if (closed) missed.add(s.id);
      else out.drop.push(s.id);
      continue;
    }
    if (mark || !closed || to < r.registeredOn || r.booked.has(s.id)) continue;
    if (!screeningApplies(s, { ...r.facts, missed })) continue;
    missed.add(s.id);
    out.add.push({ screeningId: s.id, closedOn: to });
  }
  return out;
}
