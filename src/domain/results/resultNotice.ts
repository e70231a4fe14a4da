// The notice of one result as she reads it (pure): what was tested, when and where; what the result
// means in plain words; what to do next, by when and where; for anything abnormal, who will contact
// her and how to reach them; and how to see it again. The words are the profile's (`results.texts`).
import { addDays } from '../calendarDay.js';
import { formatChineseDate } from '../parse/formatChineseDate.js';
import { renderTemplate } from '../template.js';
import type { ResultCategory, ResultsSettings } from '../profile/resultsSchema.js';

export interface ResultNoticeFacts {
  category: ResultCategory;
  grade: string;
  /** The day the sample was taken (YYYY-MM-DD). */
  date: string;
  /** The day the notice goes out: the next step's date ({by}) counts from it (some results take weeks). */
  sentOn: string;
  /** The hospital that did the test. */
  hospital: string;
  /** Where the next step is done, and the phone that reaches the service following her up. */
  where: string;
  phone: string;
}

export function resultNotice(s: ResultsSettings, f: ResultNoticeFacts): string {
  const category = s.categories[f.category];
  const grade = category?.grades[f.grade];
  if (!category || !grade) throw new Error(`results: no grade ${f.category}.${f.grade} in the profile`);
  const vars = {
    test: category.test,
    date: formatChineseDate(f.date),
    hospital: f.hospital,
    by: grade.dueDays ? formatChineseDate(addDays(f.sentOn > f.date ? f.sentOn : f.date, grade.dueDays)) : '',
    where: f.where,
    phone: f.phone,
  };
  const t = (key: string) => renderTemplate(s.texts[key] ?? '', vars);
  // a next step booked in the chat: how to book it, right after it
  const booked = bookedService(s, f.category, f.grade);
  const offer = booked ? renderTemplate(s.bookNext?.offers[booked] ?? '', vars) : '';
  return [t('header'), t(grade.meaning), t(grade.next), offer, grade.abnormal ? t('contact') : '', t('footer')].filter((x) => x).join('\n');
}

/** The service a grade's next step books in the chat (results.bookNext), if any. */
export function bookedService(s: ResultsSettings, category: string, grade: string): string | undefined {
  const next = s.categories[category]?.grades[grade]?.next;
  return next ? s.bookNext?.services[next] : undefined;
}
