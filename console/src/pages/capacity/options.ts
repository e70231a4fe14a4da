// The hospitals, services and regions this account may pick on the capacity, bookings and waitlist
// pages (GET /capacity/options), loaded once per page, with the hospital and service picked.
import { computed, reactive } from 'vue';
import { api } from '../../api';

export interface Named {
  id: string;
  name: string;
}
export interface HospitalOption extends Named {
  runs: boolean;
  services: Named[];
}
export interface Options {
  today: string;
  countyId: string;
  hospitals: HospitalOption[];
  regions: (Named & { villages: Named[] })[];
}

export function useOptions() {
  const state = reactive({ options: undefined as Options | undefined, hospitalId: '', serviceId: '' });
  const hospital = computed(() => state.options?.hospitals.find((h) => h.id === state.hospitalId));
  const serviceName = (id: string) => hospital.value?.services.find((s) => s.id === id)?.name ?? id;
  const regionName = (id: string) => {
    for (const t of state.options?.regions ?? []) {
      if (t.id === id) return t.name;
      const v = t.villages.find((x) => x.id === id);
      if (v) return `${t.name}${v.name}`;
    }
    return id;
  };
  async function load(): Promise<Options> {
    const o = await api<Options>('GET', '/capacity/options');
    state.options = o;
    state.hospitalId = o.hospitals[0]?.id ?? '';
    state.serviceId = o.hospitals[0]?.services[0]?.id ?? '';
    return o;
  }
  return { state, hospital, serviceName, regionName, load };
}

/** The message of an API error for staff: the known code's text, else the generic one. */
export function errorText(err: unknown, texts: Record<string, string>, fallback: string): string {
  const body = (err as { body?: Record<string, unknown> }).body;
  const code = String(body?.error ?? (err as { status?: number }).status ?? '');
  return texts[code] ?? fallback;
}

/** The days of a month (YYYY-MM): first and last. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The weekday of a day, 1 (Monday) … 7 (Sunday). */
export function weekdayOf(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}
