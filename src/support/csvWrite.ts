// A CSV file staff open in Excel: RFC 4180 quoting, CRLF lines, a cell that starts like a formula
// (= + - @, a tab or a carriage return) prefixed with ' so Excel shows it as text and never runs it
// (CSV injection), and the encoding Excel reads without asking: UTF-8 with a byte-order mark, or GBK
// (older Excel in Chinese Windows). (csv-parse reads; no writer is a dependency: this is the little
// writing needs.)
import iconv from 'iconv-lite';

export type CsvCell = string | number | boolean | null | undefined | Date;
export type CsvEncoding = 'utf8' | 'gbk';

function cell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  let s = v instanceof Date ? v.toISOString() : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The text of a CSV file: a header line, then one line per row. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** The bytes of a CSV file in an encoding Excel opens as is. */
export function csvBytes(text: string, encoding: CsvEncoding): Buffer {
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
