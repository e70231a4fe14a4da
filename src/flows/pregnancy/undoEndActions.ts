// Someone else's news and the same-day undo (flows/others_news.yaml, flows/pregnancy_undo.yaml): whose
// loss or birth her words told (matchWords.ts hands it over with `news` and `whose`), and 不是我 /
// 弄错了 after a loss or a birth told today, with the booking it released offered again when its seat is free.
import { actionSpecs, declaredAction, type ActionContext, type ActionResult, type FlowAction } from '../actions.js';
import type { BookingPort } from '../booking/bookingPort.js';
import { seekerOf } from '../booking/bookingActions.js';
import type { PregnancyPort } from './pregnancyPort.js';

export const UNDO_END_ACTIONS = actionSpecs([
  ['news.whose', ['another_loss', 'another_birth', 'unclear']],
  ['news.own', ['loss', 'birth']],
  ['pregnancy.undoable', ['lost', 'born', 'redated', 'none']],
  ['pregnancy.undoEnd', ['undone', 'undone_booking', 'none'], ['hospitalId', 'services', 'day', 'session']],
]);

export interface UndoEndDeps {
  pregnancy: PregnancyPort;
  booking: BookingPort;
}

const LOSS = 'pregnancy_loss';

export function createUndoEndActions(d: UndoEndDeps): Map<string, FlowAction> {
  const news = (ctx: ActionContext) => (ctx.vars.news === LOSS ? 'loss' : 'birth');

  const actions: Record<string, (ctx: ActionContext) => Promise<ActionResult>> = {
    'news.whose': async (ctx) => ({ outcome: ctx.vars.whose === 'another' ? `another_${news(ctx)}` : 'unclear' }),

    'news.own': async (ctx) => ({ outcome: news(ctx) }),

    'pregnancy.undoable': async (ctx) => ({ outcome: (await d.pregnancy.undoableEnd(ctx.contact.id, ctx.now))?.ended ?? 'none' }),

    'pregnancy.undoEnd': async (ctx): Promise<ActionResult> => {
      const r = await d.pregnancy.undoEnd(ctx.contact.id, ctx.now);
      if (!r) return { outcome: 'none' };
      // the visit it released (its services together), offered again when its seat is still free
      const first = r.released[0];
      if (!first) return { outcome: 'undone' };
      const visit = r.released.filter((b) => b.hospitalId === first.hospitalId && b.day === first.day && b.session === first.session);
      const serviceIds = visit.map((b) => b.serviceId);
      const seats = await d.booking.availability(await seekerOf(ctx, d.booking.settings), first.hospitalId, serviceIds, ctx.now);
      const free = seats.some((s) => s.day === first.day && s.session === first.session && s.left > 0);
      if (!free) return { outcome: 'undone' };
      return { outcome: 'undone_booking', vars: { hospitalId: first.hospitalId, services: serviceIds.join(','), day: first.day, session: first.session } };
    },
  };

  const map = new Map<string, FlowAction>();
  for (const [name, spec] of UNDO_END_ACTIONS) map.set(name, declaredAction(name, spec, actions[name]));
  return map;
}
