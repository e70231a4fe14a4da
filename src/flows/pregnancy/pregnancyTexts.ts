// Turns pregnancies, screenings and newborn screens into the words she reads (templates in
// flows/messages.yaml → pregnancy).
import type { Messages } from '../flowSchema.js';
import { addDays, daysBetween, shanghaiDay } from '../../domain/calendarDay.js';
import { formatChineseDate } from '../../domain/parse/formatChineseDate.js';
import { formatGestationalAge, gestationalAgeDays } from '../../domain/pregnancy/gestation.js';
import type { NewbornScreen } from '../../domain/reminders/newbornAlerts.js';
import { renderTemplate } from '../../domain/template.js';
import type { PregnancyView, ScreeningState } from './pregnancyPort.js';
import { ageRangeOn, type BirthDateFact } from '../../domain/parse/birthDateFact.js';
import { describeBirthDate } from '../describeBirthDate.js';

/** How far (days) a new due date may be from the one kept before its confirmation says so. */
const REDATE_FAR_DAYS = 4 * 7;

export class PregnancyTexts {
  constructor(private readonly messages: () => Messages) {}

  private get m() {
    return this.messages().pregnancy;
  }

  date(day: string): string {
    return formatChineseDate(day);
  }

  /** Her birth date as she gave it (1990年, 1990年3月, 36岁（…告诉我的）). */
  birthDate(b: BirthDateFact): string {
    return describeBirthDate(b, this.messages());
  }

  /** '12周3天': how far along she is on `now`'s day with this due date. */
  /** A day of gestation as she reads it (11周, 13周6天). */
  gaDays(days: number): string {
    return formatGestationalAge(days);
  }

  ga(dueDate: string, now: Date): string {
    return formatGestationalAge(gestationalAgeDays(dueDate, shanghaiDay(now)));
  }

  /** The screenings open now (until when) and those still ahead (from when), one per line. */
  plan(states: ScreeningState[]): string {
    const open = states.filter((s) => s.state === 'open').map((s) => renderTemplate(this.m.planOpen, { screening: s.name, to: this.date(s.to) }));
    const ahead = states
      .filter((s) => s.state === 'ahead')
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
      .map((s) => renderTemplate(this.m.planAhead, { screening: s.name, from: this.date(s.from) }));
    const lines = [...open, ...ahead];
    return lines.length > 0 ? lines.join('\n') : this.m.planNone;
  }

  cycleNote(cycleDays: number, days: number): string {
    return days > 0 ? renderTemplate(this.m.cycleNote, { cycleDays, days }) : '';
  }

  /** Her last period named as the end of a month (冬月底): the day it was taken as ('' otherwise). */
  lastPeriodNote(said: unknown, date: unknown, lunar: unknown): string {
    if (typeof said !== 'string' || typeof date !== 'string') return '';
    return renderTemplate(this.m.lastPeriodNote, { said, day: typeof lunar === 'string' ? `农历${lunar.replace(/^农历/u, '')}` : this.date(date) });
  }

  twinsNote(twins: boolean | undefined): string {
    return twins ? this.m.twinsNote : '';
  }

  /** A new due date more than four weeks from the one kept: said in its confirmation ('' otherwise). */
  redateFarNote(oldDueDate: string, newDueDate: string, now: Date): string {
    const days = Math.abs(daysBetween(oldDueDate, newDueDate));
    if (days <= REDATE_FAR_DAYS) return '';
    return renderTemplate(this.m.redateFarNote, { oldDueDate: this.date(oldDueDate), oldGa: this.ga(oldDueDate, now), weeks: Math.round(days / 7) });
  }

  /** Why a due date cannot belong to a pregnancy going on today. */
  implausibleDueDate(dueDate: string, today: string): string {
    return renderTemplate(dueDate < today ? this.m.dueDatePast : this.m.dueDateTooFar, { dueDate: this.date(dueDate) });
  }

  /** Why a birth date cannot be right for this pregnancy. */
  implausibleBirth(birthDate: string, dueDate: string, today: string): string {
    const template = daysBetween(birthDate, today) > 366 ? this.m.birthTooOld : this.m.birthTooEarly;
    return renderTemplate(template, { birthDate: this.date(birthDate), dueDate: this.date(dueDate) });
  }

  birthNotDay(): string {
    return this.m.birthNotDay;
  }

  /** The newborn screens still to come for a baby born on `birthDate`, with their days. */
  newbornPlan(screens: readonly NewbornScreen[], birthDate: string): string {
    return screens
      .map((s) =>
        renderTemplate(this.m.newbornLine, {
          screening: s.name,
          from: this.date(addDays(birthDate, s.window.fromDay)),
          to: this.date(addDays(birthDate, s.window.toDay)),
        }),
      )
      .join('\n');
  }

  /** The newborn screens of the programme, in days after birth (for any baby). */
  newbornScreens(screens: readonly NewbornScreen[]): string {
    return screens.map((s) => renderTemplate(this.m.newbornAnyBaby, { screening: s.name, fromDay: s.window.fromDay, toDay: s.window.toDay })).join('\n');
  }

  /** How a screening is listed when she says 做过了. */
  item(s: ScreeningState): string {
    const template = s.state === 'open' ? this.m.itemOpen : s.state === 'ahead' ? this.m.itemAhead : this.m.itemPast;
    return renderTemplate(template, { screening: s.name, from: this.date(s.from), to: this.date(s.to) });
  }

  newbornItem(name: string): string {
    return renderTemplate(this.m.itemNewborn, { screening: name });
  }

  /**
   * Her age on the due date for 我的信息: from her birth date as she gave it (two ages when it was a
   * year, a month or an age: the kept age is only the younger), else the age kept with the pregnancy.
   */
  private ageOnDueDate(p: PregnancyView, birth: BirthDateFact | undefined): string {
    const m = this.m.myData;
    if (!birth) return p.ageOnDueDate !== null ? renderTemplate(m.age, { age: p.ageOnDueDate }) : '';
    const ages = ageRangeOn(birth, p.dueDate);
    return ages.min === ages.max ? renderTemplate(m.age, { age: ages.min }) : renderTemplate(m.ageAbout, ages);
  }

  /** 我的信息: what is stored about each pregnancy (and the baby, with her consent as guardian). */
  myData(pregnancies: { pregnancy: PregnancyView; screenings: ScreeningState[] }[], birth?: BirthDateFact): string[] {
    const m = this.m.myData;
    const lines: string[] = [];
    for (const { pregnancy: p, screenings } of pregnancies) {
      const parts = [p.cycleDays !== null ? renderTemplate(m.cycle, { cycleDays: p.cycleDays }) : '', p.twins ? m.twins : '', this.ageOnDueDate(p, birth)].join(
        '',
      );
      const vars = {
        registeredOn: this.date(p.registeredOn),
        dueDate: this.date(p.dueDate),
        parts,
        birthDate: p.birthDate ? this.date(p.birthDate) : '',
        endedOn: p.endedOn ? this.date(p.endedOn) : '',
      };
      const line = p.status === 'active' ? m.active : p.status !== 'born' ? m.lost : p.datingFrom === 'birth' ? m.bornOnly : m.born;
      lines.push(renderTemplate(line, vars));
      const named = (state: ScreeningState['state']) =>
        screenings
          .filter((s) => s.state === state)
          .map((s) => s.name)
          .join('、');
      if (named('done')) lines.push(renderTemplate(m.done, { screenings: named('done') }));
      if (named('missed')) lines.push(renderTemplate(m.missed, { screenings: named('missed') }));
      if (p.guardianConsent) {
        const heel = p.heelBloodDone === true ? m.heel.done : p.heelBloodDone === false ? m.heel.notDone : m.heel.unknown;
        const hearing =
          p.hearingFirst === 'passed' || p.hearingFirst === 'failed' || p.hearingFirst === 'notDone' ? m.hearing[p.hearingFirst] : m.hearing.unknown;
        lines.push(renderTemplate(m.newborn, { heel, hearing }));
      }
    }
    return lines;
  }
}
