// The hospitals an account works for, with their names where the account may read them: an
// administrator's county (or city) hospitals; a hospital account its own one.
import { ref } from 'vue';
import { api } from './api';
import { isAdministrator, session } from './session';

export interface HospitalOption {
  id: string;
  name: string;
}

export function useHospitals() {
  const hospitals = ref<HospitalOption[]>([]);
  async function load() {
    const a = session.account;
    if (isAdministrator(a)) {
      const r = await api<{ counties: { hospitals: HospitalOption[] }[] }>('GET', '/accounts/scope-options');
      hospitals.value = r.counties.flatMap((c) => c.hospitals);
    } else if (a?.hospitalId) {
      hospitals.value = [{ id: a.hospitalId, name: a.hospitalId }];
    }
  }
  const nameOf = (id: string) => hospitals.value.find((h) => h.id === id)?.name ?? id;
  return { hospitals, load, nameOf };
}
