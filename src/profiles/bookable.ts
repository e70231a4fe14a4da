// What can be booked where, read from the county's profile and hospitals: the booking menu (the
// profile's `bookable` lines whose services a hospital of the county provides), and a screening's
// name as she reads it with its cost.
import { renderTemplate } from '../domain/template.js';
import { weeksDaysToDays } from '../domain/pregnancy/gestation.js';
import type { County, Hospital } from './countySchema.js';
import type { BookableItem, Profile, ProgrammeId, ProgrammeProfile, Screening } from '../domain/profile/profileSchema.js';

export interface MenuLine {
  programme: ProgrammeId;
  /** The screening ids, comma-joined: the value the booking flow keeps in `services`. */
  value: string;
  label: string;
  words: string[];
  /** Its screenings are booked on a result's referral only (`referral`): not in the menu she is shown. */
  referral: boolean;
}

/** The services a hospital provides: its `services`, else those it has capacity for. */
export function hospitalServices(h: Hospital): string[] {
  return h.services ?? [...new Set(h.capacity.map((c) => c.service))];
}

/** A screening's name as she reads it in booking texts and reminders: with its cost, if it has one. */
export function screeningDisplayName(programme: ProgrammeProfile, s: Screening): string {
  if (!s.cost) return s.name;
  return renderTemplate(programme.texts.withCost ?? '{name}', { name: s.name, cost: s.cost });
}

/** The screenings of a bookable line, in its order (unknown ids are left out: start-up rejects them). */
function screeningsOf(programme: ProgrammeProfile, item: BookableItem): Screening[] {
  return item.services.map((id) => programme.screenings.find((s) => s.id === id)).filter((s): s is Screening => !!s);
}

/** The label of a bookable line: {opens}/{closes} are the weeks of its window, {cost} its cost. */
function bookableLabel(programme: ProgrammeProfile, item: BookableItem): string {
  const screenings = screeningsOf(programme, item);
  const window = screenings.find((s) => s.window)?.window;
  return renderTemplate(item.label, {
    opens: window ? Math.floor(weeksDaysToDays(window.opens) / 7) : undefined,
    closes: window ? Math.floor(weeksDaysToDays(window.closes) / 7) : undefined,
    cost: screenings.find((s) => s.cost)?.cost,
  });
}

/** The booking menu of the county: its programmes' bookable lines that one of its hospitals provides whole. */
export function bookingMenu(profile: Profile, county: County): MenuLine[] {
  const lines: MenuLine[] = [];
  for (const programmeId of county.programmes) {
    const programme = profile.programmes[programmeId];
    for (const item of programme.bookable) {
      const provided = county.hospitals.some((h) => h.programmes.includes(programmeId) && item.services.every((s) => hospitalServices(h).includes(s)));
      if (!provided) continue;
      const referral = screeningsOf(programme, item).some((s) => s.referral);
      lines.push({ programme: programmeId, value: item.services.join(','), label: bookableLabel(programme, item), words: item.words, referral });
    }
  }
  return lines;
}
