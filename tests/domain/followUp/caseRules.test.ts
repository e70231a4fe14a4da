// A case's status computed from its dates, the outcomes that fit its category (a stage for a cancer),
// the aid referral it offers, and the reminders of her next step.
import { describe, expect, it } from 'vitest';
import { aidMoveAllowed, closeRefusal, offersAid } from '../../../src/domain/followUp/caseRules.js';
import { caseStatus, type CaseDates } from '../../../src/domain/followUp/caseStatus.js';
import { followUpReminderText, reminderDue } from '../../../src/domain/followUp/followUpReminder.js';
import { demoCounty } from '../../services/reminders/wireReminders.js';

const s = demoCounty().profile.followUp!;
const at = new Date('2026-03-05T02:00:00Z');

describe('caseStatus', () => {
  const base: CaseDates = { dueOn: '2026-03-10', contactedAt: null, bookedAt: null, doneAt: null, closedAt: null, outcome: null };
  it('open → contacted → booked → done → closed, overdue only while not done after the due day', () => {
    expect(caseStatus(base, '2026-03-10')).toEqual({ status: 'open', overdue: false });
    expect(caseStatus(base, '2026-03-11')).toEqual({ status: 'open', overdue: true });
    expect(caseStatus({ ...base, contactedAt: at }, '2026-03-11')).toEqual({ status: 'contacted', overdue: true });
    expect(caseStatus({ ...base, contactedAt: at, bookedAt: at }, '2026-03-09')).toEqual({ status: 'booked', overdue: false });
    expect(caseStatus({ ...base, bookedAt: at, doneAt: at }, '2026-03-20')).toEqual({ status: 'done', overdue: false });
    expect(caseStatus({ ...base, doneAt: at, closedAt: at, outcome: 'cin1' }, '2026-03-20')).toEqual({ status: 'closed', overdue: false });
    expect(caseStatus({ ...base, closedAt: at, outcome: 'lostToFollowUp' }, '2026-03-20')).toEqual({ status: 'lost', overdue: false });
  });
});

describe('closing a case', () => {
  it('takes an outcome of its category or of any category, with a stage for a cancer only', () => {
    expect(closeRefusal(s, 'cytology', 'cin2plus', undefined)).toBeUndefined();
    expect(closeRefusal(s, 'cytology', 'movedAway', undefined)).toBeUndefined();
    expect(closeRefusal(s, 'cytology', 'cervicalCancer', 'I')).toBeUndefined();
    expect(closeRefusal(s, 'cytology', 'hearingLossConfirmed', undefined)).toEqual({ field: 'outcome', error: 'outcome_not_for_category' });
    expect(closeRefusal(s, 'breast', 'cervicalCancer', 'I')).toEqual({ field: 'outcome', error: 'outcome_not_for_category' });
    expect(closeRefusal(s, 'breast', 'breastCancer', undefined)).toEqual({ field: 'stage', error: 'stage_required' });
    expect(closeRefusal(s, 'hearing', 'hearingLossExcluded', 'II')).toEqual({ field: 'stage', error: 'stage_not_taken' });
    expect(closeRefusal(s, 'breast', 'breastCancer', 'V')).toEqual({ field: 'stage', error: 'unknown_stage' });
  });

  it('offers aid to a woman of a priority group closed with a qualifying outcome', () => {
    expect(offersAid(s, 'cervicalCancer', 'urbanLowIncome')).toBe(true);
    expect(offersAid(s, 'cin2plus', 'urbanLowIncome')).toBe(true);
    expect(offersAid(s, 'cin1', 'urbanLowIncome')).toBe(false);
    expect(offersAid(s, 'cervicalCancer', 'urban')).toBe(false);
    expect(offersAid(s, 'cervicalCancer', undefined)).toBe(false);
  });

  it('moves the aid referral forward only: to prepare → submitted → granted or refused', () => {
    expect(aidMoveAllowed('toPrepare', 'submitted')).toBe(true);
    expect(aidMoveAllowed('submitted', 'granted')).toBe(true);
    expect(aidMoveAllowed('submitted', 'refused')).toBe(true);
    expect(aidMoveAllowed('toPrepare', 'granted')).toBe(false);
    expect(aidMoveAllowed('granted', 'refused')).toBe(false);
    expect(aidMoveAllowed(null, 'submitted')).toBe(false);
  });
});

describe('her reminders', () => {
  const c = { dueOn: '2026-04-17', lastRemindedOn: null, toldOn: '2026-03-20' };
  it('7 days before and on the due day; a missed day made up once; never after the due day nor on the day she was told', () => {
    expect(reminderDue([7, 0], c, '2026-04-09')).toBeUndefined();
    expect(reminderDue([7, 0], c, '2026-04-10')).toBe('before');
    expect(reminderDue([7, 0], { ...c, lastRemindedOn: '2026-04-10' }, '2026-04-11')).toBeUndefined();
    expect(reminderDue([7, 0], c, '2026-04-12')).toBe('before');
    expect(reminderDue([7, 0], { ...c, lastRemindedOn: '2026-04-10' }, '2026-04-17')).toBe('dueDay');
    expect(reminderDue([7, 0], { ...c, lastRemindedOn: '2026-04-17' }, '2026-04-17')).toBeUndefined();
    expect(reminderDue([7, 0], c, '2026-04-18')).toBeUndefined();
    // told 3 days before the due day: not the day before's reminder (her notice said it), the due day's
    const late = { ...c, toldOn: '2026-04-14' };
    expect(reminderDue([7, 0], late, '2026-04-14')).toBeUndefined();
    expect(reminderDue([7, 0], late, '2026-04-15')).toBeUndefined();
    expect(reminderDue([7, 0], late, '2026-04-17')).toBe('dueDay');
  });

  it('says her next step, where and by when, and nothing of the result', () => {
    expect(followUpReminderText(s, 'before', { nextStep: 'colposcopy', dueOn: '2026-04-17', where: '项城市妇幼保健院', phone: '0394-1234567' })).toBe(
      '您好，提醒您：您上次检查后，下一步要做的是：阴道镜检查（用放大镜看宫颈）。最晚2026年4月17日，请去项城市妇幼保健院。已经做了或约好了，就不用管这条消息。有问题可以打0394-1234567。',
    );
  });
});
