// The county's townships with their villages, its names (项城市, 项城) and its hospitals, for reading the
// township she names as her home (src/flows/heardHome.ts) and a hospital she names before she is asked.
import type { HomePlaces } from '../flows/heardHome.js';
import type { County } from './countySchema.js';

export function homePlaces(county: County): HomePlaces {
  const short = county.name.length > 2 ? county.name.replace(/[市县区旗]$/u, '') : county.name;
  return {
    places: county.townships.map((t) => ({ value: t.id, names: [t.name, ...t.villages.map((v) => v.name)] })),
    county: [...new Set([county.name, short])],
    hospitals: county.hospitals.map((h) => ({ id: h.id, name: h.name })),
  };
}
