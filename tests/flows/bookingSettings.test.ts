// The booking conversation reads its rules from the profile: who is in a priority group
// (booking.priorityGroups), how long an eligibility answer counts (booking.eligibilityValidDays) and
// the menu (programmes.*.bookable). A fake port records what the actions ask of the services.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllProfiles } from '../../src/profiles/loadProfiles.js';
import { loadFlows } from '../../src/flows/loadFlows.js';
import { ALL_ACTIONS, ALL_CHOICE_SOURCES } from '../../src/flows/registry.js';
import { BookingTexts } from '../../src/flows/booking/bookingTexts.js';
import { createBookingFlow } from '../../src/flows/booking/bookingActions.js';
import type { BookingPort, Seeker } from '../../src/flows/booking/bookingPort.js';
import type { ActionContext } from '../../src/flows/actions.js';
import type { Profile } from '../../src/domain/profile/profileSchema.js';

const { profiles, counties } = loadAllProfiles(path.resolve('profiles'));
const flowSet = loadFlows(path.resolve('flows'), ALL_ACTIONS, ALL_CHOICE_SOURCES);
const county = counties.get('xiangcheng')!;
const NOW = new Date('2026-03-02T09:00:00+08:00');

function setup(change: (p: Profile) => Profile = (p) => p, checkedAt = NOW) {
  const profile = change(profiles.get('henan')!);
  const seekers: Seeker[] = [];
  const port = {
    settings: profile.booking,
    book: async (who: Seeker) => {
      seekers.push(who);
      return { ok: false, reason: 'full' };
    },
    active: async () => [],
    bookableDays: () => ['2026-03-03'],
    hospitalsOffering: async () => ['xc-mch'],
  } as unknown as BookingPort;
  const flow = createBookingFlow({
    port,
    texts: new BookingTexts(() => flowSet.messages, county, profile),
    profile,
    lastCheck: async () => ({ eligible: true, checkedAt }),
  });
  const ctx = (vars: Record<string, string>, facts: Record<string, unknown> = {}): ActionContext => ({
    contact: { id: 'c1', channel: 'simulator', externalId: 'w1', regionId: null, consent: 'given', consentAt: NOW, healthConsentAt: NOW, subscribed: true },
    now: NOW,
    vars,
    facts: async () => facts,
  });
  return { flow, seekers, ctx };
}

const booking = { services: 'cervical,breast', hospitalId: 'xc-mch', day: '2026-03-03', session: 'am' };

describe('booking rules from the profile', () => {
  it('priority comes from booking.priorityGroups', async () => {
    const { flow, seekers, ctx } = setup();
    await flow.actions.get('booking.book')!.run(ctx(booking, { group: 'rural', township: 'xiangcheng-dingji' }));
    await flow.actions.get('booking.book')!.run(ctx(booking, { group: 'urban' }));
    expect(seekers.map((s) => s.priority)).toEqual([true, false]);

    const urbanFirst = setup((p) => ({ ...p, booking: { ...p.booking, priorityGroups: ['urban'] } }));
    await urbanFirst.flow.actions.get('booking.book')!.run(urbanFirst.ctx(booking, { group: 'rural' }));
    expect(urbanFirst.seekers[0].priority).toBe(false);
  });

  it('an eligibility answer counts for booking.eligibilityValidDays', async () => {
    const tenDaysAgo = new Date(NOW.getTime() - 10 * 86_400_000);
    const prepare = (days: number) => {
      const { flow, ctx } = setup((p) => ({ ...p, booking: { ...p.booking, eligibilityValidDays: days } }), tenDaysAgo);
      return flow.actions.get('booking.prepare')!.run(ctx({ services: 'cervical,breast' }, { township: 'xiangcheng-dingji' }));
    };
    expect((await prepare(30)).outcome).toBe('ready');
    expect(await prepare(7)).toMatchObject({ outcome: 'check_first', vars: { programme: 'twoCancer' } });
  });

  it('the menu is the profile’s: a service the profile does not offer is not bookable', async () => {
    const { flow, ctx } = setup((p) => ({ ...p, programmes: { ...p.programmes, prenatal: { ...p.programmes.prenatal, bookable: [] } } }));
    const menu = await flow.sources.get('booking.services')!(ctx({}));
    expect(menu.map((o) => o.label)).toEqual(['两癌筛查（宫颈癌和乳腺癌一起查）', '只查宫颈癌', '只查乳腺癌']);
    // a choice kept from before (or set by a trigger) is checked against the menu too
    expect((await flow.actions.get('booking.prepare')!.run(ctx({ services: 'nt' }))).outcome).toBe('not_offered');
  });
});
