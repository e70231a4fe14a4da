// An action sets only the variables it declares: the texts after it are checked against them at start.
import { describe, expect, it } from 'vitest';
import { declaredAction } from '../../src/flows/actions.js';
import { ALL_ACTIONS } from '../../src/flows/registry.js';

describe('declared actions', () => {
  const ctx = { contact: {} as never, now: new Date(), vars: {}, facts: async () => ({}) };

  it('passes what a declared action returns through', async () => {
    const a = declaredAction('x.y', { outcomes: ['done'], vars: ['ga'] }, async () => ({ outcome: 'done', vars: { ga: '12周' } }));
    expect(await a.run(ctx)).toEqual({ outcome: 'done', vars: { ga: '12周' } });
  });

  it('refuses a variable the action does not declare', async () => {
    const a = declaredAction('x.y', { outcomes: ['done'], vars: ['ga'] }, async () => ({ outcome: 'done', vars: { ga: '', dueDate: '' } }));
    await expect(a.run(ctx)).rejects.toThrow('action "x.y" set variables it does not declare: dueDate');
  });

  it('declares, for every action, its outcomes and the variables it may set', () => {
    expect(ALL_ACTIONS.get('booking.preview')).toEqual({ outcomes: ['done'], vars: ['bookingPreview'] });
    expect(ALL_ACTIONS.get('consent.give')).toEqual({ outcomes: ['done'], vars: [] });
  });
});
