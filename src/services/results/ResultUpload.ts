// Staff upload a results file exported from a hospital's system (CSV or .xlsx): every row is mapped
// through profiles/imports/results.yaml and validated as a record first; then the rows are ingested
// in one transaction. A file that cannot be read changes nothing; a file with bad rows stores nothing
// unless the uploader chose to take the good rows (a row ingest refuses is a bad row too). The
// answer is a report per row, with the row number staff see in Excel, and never her name or ID
// number; the log gets counts only. A staff member uploads only for a hospital they run (403), and
// every upload is audited (its counts) under their account.
import type { Logger } from '../../support/logger.js';
import { renderTemplate } from '../../domain/template.js';
import type { FileProblem, ResultImportSettings, UnmatchedReason, UploadField } from '../../domain/profile/resultImportSchema.js';
import { UNMATCHED_REASONS } from '../../domain/profile/resultImportSchema.js';
import { findHeader, isFileIssue, type FileHeader } from '../../domain/results/uploadHeader.js';
import {
  columnOf,
  fileMessage,
  isBlankRow,
  mapRow,
  problemOfRecordPath,
  rowMessage,
  unmatchedMessage,
  type CellProblem,
} from '../../domain/results/uploadRow.js';
import { resultRecordSchema, type ResultRecord } from './resultRecord.js';
import type { IngestOutcome, ResultService, ResultStatus } from './ResultService.js';
import { readUploadFile } from './readUploadFile.js';
import type { ResultActor } from './staffResults.js';

/**
 * The most data rows one upload takes: a file is one transaction, and on SQLite (one connection) the
 * women's turns wait behind it; 2,000 rows took 10–22 s on the 2-core machine. A larger export is
 * uploaded in parts (the report says so).
 */
export const MAX_UPLOAD_ROWS = 2000;

export interface UploadRowReport {
  /** The row as staff see it in Excel (the header is row 1 when it is the first row). */
  row: number;
  hospitalResultId?: string;
  /** stored, duplicate (stored before), corrected: taken; refused: a bad row; notTaken: good, but the file had bad rows. */
  outcome: IngestOutcome['outcome'] | 'notTaken';
  resultId?: string;
  match?: 'matched' | 'unmatched';
  status?: ResultStatus;
  /** Why a taken row matched nobody (it waits in the unmatched queue). */
  unmatched?: { reason: string; message: string };
  problems?: { reason: string; column: string; message: string }[];
}

export interface UploadReport {
  hospitalId: string;
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'gb18030';
  takeGoodRows: boolean;
  /** all rows taken; goodRows: only the good ones; none: nothing stored. */
  taken: 'all' | 'goodRows' | 'none';
  columns: { used: { column: string; field: UploadField }[]; ignored: string[] };
  notes: { reason: string; message: string }[];
  totals: {
    rows: number;
    stored: number;
    duplicate: number;
    corrected: number;
    refused: number;
    notTaken: number;
    matched: number;
    unmatched: number;
    held: number;
  };
  rows: UploadRowReport[];
}

export type UploadAnswer = { ok: true; report: UploadReport } | { ok: false; problem: FileProblem; message: string };

export interface ResultUploadOptions {
  /** ID numbers are read (ID_HASH_KEY and DATA_ENCRYPTION_KEYS set); else the column is left out, with a note. */
  idNumbers: boolean;
  logger?: Logger;
}

/** ResultService's refusals, by the start of their reason, as the report's reason codes. */
const REFUSALS: [string, 'differs_without_correction' | 'correction_changes_test', UploadField][] = [
  ['differs from the result stored', 'differs_without_correction', 'corrected'],
  ['a correction keeps the test', 'correction_changes_test', 'category'],
];

export class ResultUpload {
  constructor(
    private readonly results: Pick<ResultService, 'ingestAll' | 'mayUpload'>,
    private readonly settings: ResultImportSettings,
    private readonly options: ResultUploadOptions,
  ) {}

  /** `by`: a staff member (refused unless they run the hospital; the upload is audited), or a fixed actor name. */
  async upload(bytes: Buffer, q: { hospitalId: string; takeGoodRows: boolean }, now: Date, by: ResultActor): Promise<UploadAnswer> {
    const s = this.settings;
    await this.results.mayUpload(by, q.hospitalId);
    const file = await readUploadFile(bytes);
    if ('problem' in file) return this.fail(file.problem, {});
    const header = findHeader(file.rows, s);
    if (isFileIssue(header)) return this.fail(header.problem, header);
    const dataRows = file.rows.slice(header.index + 1).filter((r) => !isBlankRow(r.cells));
    if (dataRows.length === 0) return this.fail('no_rows', {});
    if (dataRows.length > MAX_UPLOAD_ROWS) return this.fail('too_many_rows', { expected: String(MAX_UPLOAD_ROWS) });

    const ctx = { settings: s, header, hospitalId: q.hospitalId, idNumbers: this.options.idNumbers };
    const reports: UploadRowReport[] = [];
    const good: { report: UploadRowReport; record: ResultRecord }[] = [];
    for (const row of dataRows) {
      const mapped = mapRow(row.cells, ctx);
      const report: UploadRowReport = {
        row: row.number,
        ...(mapped.hospitalResultId ? { hospitalResultId: mapped.hospitalResultId } : {}),
        outcome: 'refused',
      };
      reports.push(report);
      let problems = mapped.problems;
      if (mapped.record) {
        const parsed = resultRecordSchema.safeParse(mapped.record);
        if (parsed.success) good.push({ report, record: parsed.data });
        else problems = parsed.error.issues.map((i) => problemOfRecordPath(i.path));
      }
      if (problems.length > 0) report.problems = this.described(header, problems);
    }

    const anyBad = good.length < reports.length;
    const keep = anyBad && !q.takeGoodRows ? 'nothing' : q.takeGoodRows ? 'taken' : 'allOrNothing';
    // (a file of bad rows only is still recorded as an upload by a staff member: nothing kept)
    const { outcomes, committed } = await this.results.ingestAll(
      good.map((g) => g.record),
      now,
      by,
      keep,
      { hospitalId: q.hospitalId },
    );
    good.forEach((g, i) => Object.assign(g.report, this.rowOutcome(header, outcomes[i], committed)));

    const count = (f: (r: UploadRowReport) => boolean) => reports.filter(f).length;
    const taken = (r: UploadRowReport) => ['stored', 'duplicate', 'corrected'].includes(r.outcome);
    const totals = {
      rows: reports.length,
      stored: count((r) => r.outcome === 'stored'),
      duplicate: count((r) => r.outcome === 'duplicate'),
      corrected: count((r) => r.outcome === 'corrected'),
      refused: count((r) => r.outcome === 'refused'),
      notTaken: count((r) => r.outcome === 'notTaken'),
      matched: count((r) => taken(r) && r.match === 'matched'),
      unmatched: count((r) => taken(r) && r.match === 'unmatched'),
      held: count((r) => taken(r) && r.status === 'held'),
    };
    const report: UploadReport = {
      hospitalId: q.hospitalId,
      format: file.format,
      ...(file.format === 'csv' ? { encoding: file.encoding } : {}),
      takeGoodRows: q.takeGoodRows,
      taken: count(taken) === 0 ? 'none' : totals.refused > 0 ? 'goodRows' : 'all',
      columns: { used: header.used, ignored: header.ignored },
      notes:
        !this.options.idNumbers && header.columns.idNumber !== undefined
          ? [{ reason: 'id_numbers_off', message: renderTemplate(s.messages.notes.id_numbers_off, { column: columnOf(s, header, 'idNumber') }) }]
          : [],
      totals,
      rows: reports,
    };
    // (counts only: no row, no id)
    this.options.logger?.info({ hospitalId: q.hospitalId, format: file.format, takeGoodRows: q.takeGoodRows, ...totals }, 'results file uploaded');
    return { ok: true, report };
  }

  private rowOutcome(header: FileHeader, o: IngestOutcome, committed: boolean): Partial<UploadRowReport> {
    if (o.outcome === 'refused') {
      const [, reason, field] = REFUSALS.find(([start]) => o.reason?.startsWith(start)) ?? [undefined, 'refused' as const, 'hospitalResultId' as const];
      return { outcome: 'refused', problems: this.described(header, [{ reason, field }]) };
    }
    if (!committed) return { outcome: 'notTaken', problems: this.described(header, [{ reason: 'not_taken', field: 'hospitalResultId' }]) };
    const unmatched = o.match === 'unmatched' && (UNMATCHED_REASONS as readonly string[]).includes(o.reason ?? '') ? (o.reason as UnmatchedReason) : undefined;
    return {
      outcome: o.outcome,
      ...(o.resultId ? { resultId: o.resultId } : {}),
      ...(o.match ? { match: o.match } : {}),
      ...(o.status ? { status: o.status } : {}),
      ...(unmatched ? { unmatched: { reason: unmatched, message: unmatchedMessage(this.settings, unmatched) } } : {}),
    };
  }

  private described(header: FileHeader, problems: CellProblem[]): NonNullable<UploadRowReport['problems']> {
    const seen = new Set<string>();
    return problems
      .filter((p) => !seen.has(`${p.reason}:${p.field}`) && seen.add(`${p.reason}:${p.field}`))
      .map((p) => ({ reason: p.reason, column: columnOf(this.settings, header, p.field), message: rowMessage(this.settings, header, p) }));
  }

  private fail(problem: FileProblem, o: { column?: string; columns?: string[]; expected?: string }): UploadAnswer {
    this.options.logger?.info({ problem }, 'results file not read');
    return { ok: false, problem, message: fileMessage(this.settings, problem, o) };
  }
}
