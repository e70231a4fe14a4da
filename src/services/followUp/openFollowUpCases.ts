// A follow-up case for every abnormal result (issue 13 point 6), opened in the transaction that writes
// the result (a ResultEffect), whether or not a woman of the bot's is matched: results are programme
// records, and so are their cases. One case per result. A correction moves the case to the new grade
// (its next step and due day); corrected to a normal grade, the case is closed as normal; corrected
// back to abnormal, it opens again. Matched later, the case is linked to her; told later (a held
// result released), its due day counts from that day, as her notice said.
import type { ScreeningResult, Tx } from '../../db/client.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import { followUpDueDay, type DueLimit } from '../../domain/followUp/dueDay.js';
import type { ResultsSettings } from '../../domain/profile/resultsSchema.js';
import type { ResultChange, ResultEffect } from '../results/ResultService.js';
import { followUpEvent } from './followUpEvents.js';

/** The outcome of a case closed because its result was corrected to a normal grade. */
const CORRECTED_TO_NORMAL = 'normal';
/** The detail of that closing event: only a case closed so opens again when corrected back (never one staff closed). */
const CLOSED_BY_CORRECTION = 'normal:byCorrection';

export class OpenFollowUpCases implements ResultEffect {
  constructor(
    private readonly results: ResultsSettings,
    private readonly limits: ReadonlyMap<string, DueLimit>,
  ) {}

  async afterChange(tx: Tx, row: ScreeningResult, change: { kind: ResultChange; now: Date; actor: string }): Promise<void> {
    // (a staff member's change to the case between the read and the write: read it again)
    for (let attempt = 0; attempt < 3; attempt++) if (await this.apply(tx, row, change)) return;
    throw new Error(`follow-up case of result ${row.id} kept changing`);
  }

  /** False when the case changed between the read and the write. */
  private async apply(tx: Tx, row: ScreeningResult, change: { kind: ResultChange; now: Date; actor: string }): Promise<boolean> {
    const { kind, now, actor } = change;
    const existing = await tx.followUpCase.findUnique({ where: { resultId: row.id } });
    const rule = this.results.categories[row.category]?.grades[row.grade];
    if (!rule) return true;
    const today = shanghaiDay(now);
    if (!existing) {
      if (!row.abnormal) return true;
      const hospital = await tx.hospital.findUniqueOrThrow({ where: { id: row.hospitalId }, select: { regionId: true } });
      const created = await tx.followUpCase.create({
        data: {
          resultId: row.id,
          contactId: row.contactId,
          hospitalId: row.hospitalId,
          regionId: hospital.regionId,
          category: row.category,
          grade: row.grade,
          nextStep: rule.next,
          openedOn: today,
          dueOn: await this.dueOn(tx, row, today),
          createdAt: now,
          updatedAt: now,
        },
      });
      await followUpEvent(tx, created.id, 'opened', actor, now, row.grade);
      return true;
    }
    // (a woman who deleted her data: the result is unlinked, so is the case)
    const contactId = row.contactId;
    const data: Record<string, unknown> = {};
    const events: { kind: string; detail?: string }[] = [];
    if (existing.contactId !== contactId) {
      data.contactId = contactId;
      if (contactId) events.push({ kind: 'matched' });
    }
    if (kind === 'corrected' && existing.grade !== row.grade) {
      events.push({ kind: 'corrected', detail: `${existing.grade}>${row.grade}` });
      Object.assign(data, { grade: row.grade, nextStep: rule.next });
      if (!row.abnormal && !existing.closedAt) {
        Object.assign(data, { closedAt: now, outcome: CORRECTED_TO_NORMAL, outcomeStage: null });
        events.push({ kind: 'closed', detail: CLOSED_BY_CORRECTION });
      } else if (row.abnormal && existing.closedAt && (await this.closedByCorrection(tx, existing.id))) {
        // closed only because it had been corrected to normal: open again, from today
        Object.assign(data, { closedAt: null, outcome: null, outcomeStage: null, doneAt: null, escalatedAt: null, lastRemindedOn: null, openedOn: today });
        events.push({ kind: 'reopened' });
      }
    }
    // the due day follows the grade (a correction counts from its arrival), her pregnancy or baby once
    // she is known, the day she is told (matched but not told yet: still from the day it arrived)
    const closed = 'closedAt' in data ? data.closedAt : existing.closedAt;
    const open = !closed && !existing.doneAt;
    if (row.abnormal && open && ['corrected', 'matched', 'released', 'toldInPerson'].includes(kind)) {
      const from = kind === 'matched' && row.status !== 'sent' && !data.openedOn ? existing.openedOn : today;
      const dueOn = await this.dueOn(tx, row, from);
      if (dueOn !== existing.dueOn) {
        data.dueOn = dueOn;
        events.push({ kind: 'dueChanged', detail: dueOn });
      }
    }
    if (Object.keys(data).length === 0) return true;
    const moved = await tx.followUpCase.updateMany({
      where: { id: existing.id, version: existing.version },
      data: { ...data, version: existing.version + 1, updatedAt: now },
    });
    if (moved.count === 0) return false;
    for (const e of events) await followUpEvent(tx, existing.id, e.kind, actor, now, e.detail);
    return true;
  }

  /** Whether the case's last closing was a correction of its result to a normal grade. */
  private async closedByCorrection(tx: Tx, caseId: string): Promise<boolean> {
    const last = await tx.followUpEvent.findFirst({ where: { caseId, kind: 'closed' }, orderBy: [{ at: 'desc' }, { id: 'desc' }], select: { detail: true } });
    return last?.detail === CLOSED_BY_CORRECTION;
  }

  /** The case's due day: from `from` (the day she is told, or it arrived), her pregnancy's window or her baby's age where the profile limits it. */
  private async dueOn(tx: Tx, row: ScreeningResult, from: string): Promise<string> {
    const rule = this.results.categories[row.category]!.grades[row.grade]!;
    const limit = this.limits.get(`${row.category}.${row.grade}`);
    let pregnancyDueDate: string | null = null;
    let babyBirthDate: string | null = null;
    if (limit && row.contactId) {
      if ('lastWeek' in limit) {
        const p = await tx.pregnancy.findFirst({ where: { contactId: row.contactId, status: 'active' }, select: { dueDate: true } });
        pregnancyDueDate = p?.dueDate ?? null;
      } else {
        // the baby born last on or before the test
        const p = await tx.pregnancy.findFirst({
          where: { contactId: row.contactId, birthDate: { not: null, lte: row.testDate } },
          orderBy: { birthDate: 'desc' },
          select: { birthDate: true },
        });
        babyBirthDate = p?.birthDate ?? null;
      }
    }
    // (an abnormal grade has its due days: crossCheckFollowUp)
    return followUpDueDay({ from, testDate: row.testDate, dueDays: rule.dueDays ?? 28, limit, pregnancyDueDate, babyBirthDate });
  }
}
