// Staff see what the reminders left out: a timed message that went out after its day (the service
// was down over its evening, or a throttled account held it) without a part that no longer made
// sense, or not at all. Mounted behind the admin-token middleware.
import { Router } from 'express';
import type { Clock } from '../../support/clock.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import type { ReminderPlanner } from '../../services/reminders/ReminderPlanner.js';
import { z } from 'zod';
import { asyncHandler, dayListOr400, parseOr400 } from '../validate.js';

/** Narrows the list: one reason, one kind of message. */
export const droppedFilter = z.object({
  reason: z.enum(['window_closed', 'visit_passed', 'booked_or_done', 'in_later_message']).optional(),
  kind: z.enum(['prenatal', 'appointment', 'newborn', 'rescreen']).optional(),
});

export interface ReminderRouterDeps {
  planner: Pick<ReminderPlanner, 'dropped'>;
  clock: Clock;
}

export function reminderRouter(deps: ReminderRouterDeps): Router {
  const r = Router();
  // default: the last 30 days
  r.get(
    '/api/staff/reminders/dropped',
    asyncHandler(async (req, res) => {
      const { reason, kind, ...range } = req.query;
      const filter = parseOr400(droppedFilter, { reason, kind }, res);
      if (!filter) return;
      const q = dayListOr400(range, res, shanghaiDay(deps.clock.now()));
      if (!q) return;
      // (one more than asked: whether there are more)
      const rows = await deps.planner.dropped(q.from, q.to, q.limit + 1, filter);
      res.json({ from: q.from, to: q.to, limit: q.limit, ...filter, more: rows.length > q.limit, dropped: rows.slice(0, q.limit) });
    }),
  );
  return r;
}
