// A birth date as she gave it, in the words she reads: 1991年3月5日, 1991年3月, 1991年, or her age
// with the day she said it (messages.yaml → myData.ageGiven). Never more precise than she gave it.
import type { BirthDateFact } from '../domain/parse/birthDateFact.js';
import { formatChineseDate } from '../domain/parse/formatChineseDate.js';
import { renderTemplate } from '../domain/template.js';
import type { Messages } from './flowSchema.js';

export function describeBirthDate(b: BirthDateFact, messages: Messages): string {
  if (typeof b === 'string') return formatChineseDate(b);
  if ('date' in b) return formatChineseDate(b.date, b.precision);
  return renderTemplate(messages.myData.ageGiven, { age: b.age, date: formatChineseDate(b.on) });
}
