// The further tests she may book: those her told results call for, and prenatal diagnosis when her
// registered pregnancy meets the Henan programme's own rule (staff referral, 35 or older on the due
// date, 32 with twins), result or not.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAllProfiles } from '../../../src/profiles/loadProfiles.js';
import { bookableReferrals } from '../../../src/services/results/bookableReferrals.js';
import type { PregnancyView } from '../../../src/services/pregnancy/pregnancyTypes.js';

const PROFILES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../profiles');
const henan = loadAllProfiles(PROFILES_DIR).profiles.get('henan')!;

const pregnancy = (o: Partial<PregnancyView>): PregnancyView => ({
  id: 'p1',
  contactId: 'w1',
  status: 'active',
  dueDate: '2026-08-10',
  datingFrom: 'dueDate',
  cycleDays: null,
  twins: false,
  ageOnDueDate: 30,
  referred: false,
  registeredOn: '2026-03-01',
  birthDate: null,
  endedOn: null,
  guardianConsent: false,
  heelBloodDone: null,
  hearingFirst: null,
  ...o,
});

const referrals = (results: string[], p?: PregnancyView) =>
  bookableReferrals({ byResults: async () => results, activePregnancy: async () => p, prenatalScreenings: henan.programmes.prenatal.screenings })('w1');

describe('the further tests she may book', () => {
  it('what her results call for, with nothing of a pregnancy', async () => {
    expect(await referrals(['colposcopy', 'hearing-diagnosis'])).toEqual(['colposcopy', 'hearing-diagnosis']);
    expect(await referrals([])).toEqual([]);
  });

  it('prenatal diagnosis by the pregnancy: 35 on the due date, 32 with twins, or referred by staff; not at 34, nor at 31 with twins', async () => {
    expect(await referrals([], pregnancy({ ageOnDueDate: 35 }))).toEqual(['prenatal-diagnosis']);
    expect(await referrals([], pregnancy({ ageOnDueDate: 34 }))).toEqual([]);
    expect(await referrals([], pregnancy({ ageOnDueDate: 32, twins: true }))).toEqual(['prenatal-diagnosis']);
    expect(await referrals([], pregnancy({ ageOnDueDate: 31, twins: true }))).toEqual([]);
    expect(await referrals([], pregnancy({ ageOnDueDate: null, referred: true }))).toEqual(['prenatal-diagnosis']);
    // (once, whichever way)
    expect(await referrals(['prenatal-diagnosis'], pregnancy({ ageOnDueDate: 40 }))).toEqual(['prenatal-diagnosis']);
  });

  it('hearing diagnosis is never by the pregnancy: only a result calls for it', async () => {
    expect(await referrals([], pregnancy({ ageOnDueDate: 40, referred: true }))).not.toContain('hearing-diagnosis');
  });
});
