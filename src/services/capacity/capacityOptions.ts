// What the capacity, bookings and waitlist pages may pick from, for one account: the county's
// hospitals it sees (a hospital account: its own; the county's other accounts: all of them), each
// with the services it books and whether the account runs it (may change its capacity and mark
// attendance), and the townships and villages it may reserve seats for (a township account: its
// own; accounts that run a hospital: every one of the county). Pure: from the county file and
// its programme profile.
import { administersCounty, seesHospital, type StaffScope } from '../../domain/staff/staffScope.js';
import type { Profile } from '../../domain/profile/profileSchema.js';
import type { County } from '../../profiles/countySchema.js';

export interface CapacityOptions {
  countyId: string;
  hospitals: { id: string; name: string; runs: boolean; services: { id: string; name: string }[] }[];
  /** where this account may reserve seats (township → villages) */
  regions: { id: string; name: string; villages: { id: string; name: string }[] }[];
}

export function capacityOptions(county: County, profile: Profile | undefined, by: StaffScope): CapacityOptions {
  const ofCounty = administersCounty(by, county.id) || by.countyId === county.id;
  if (!ofCounty) return { countyId: county.id, hospitals: [], regions: [] };
  const screeningName = new Map<string, string>();
  for (const p of Object.values(profile?.programmes ?? {})) for (const s of p?.screenings ?? []) screeningName.set(s.id, s.name);
  const hospitals = county.hospitals
    .filter((h) => by.role !== 'hospital' || h.id === by.hospitalId)
    .map((h) => {
      const ids = profile
        ? h.programmes.flatMap((p) => profile.programmes[p]?.screenings.map((s) => s.id) ?? [])
        : [...new Set(h.capacity.map((c) => c.service))];
      return {
        id: h.id,
        name: h.name,
        runs: seesHospital(by, county.id, h.id),
        // (those the county file gives seats first)
        services: [...new Set([...h.capacity.map((c) => c.service), ...ids])].map((id) => ({ id, name: screeningName.get(id) ?? id })),
      };
    });
  const townships = county.townships.filter((t) => by.role !== 'township' || t.id === by.townshipId);
  return {
    countyId: county.id,
    hospitals,
    regions: townships.map((t) => ({ id: t.id, name: t.name, villages: t.villages.map((v) => ({ id: v.id, name: v.name })) })),
  };
}
