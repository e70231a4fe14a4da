// The upload's own decisions, with the store stubbed (no database): which way the rows are ingested
// (all or nothing, the good ones, or a dry run when the file has bad rows), the note when ID numbers
// are not read, the row limit, and a log line of counts only.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYamlFile } from '../../../src/support/readYaml.js';
import { resultImportSchema } from '../../../src/domain/profile/resultImportSchema.js';
import { MAX_UPLOAD_ROWS, ResultUpload } from '../../../src/services/results/ResultUpload.js';
import type { IngestOutcome, ResultService } from '../../../src/services/results/ResultService.js';
import type { ResultRecord } from '../../../src/services/results/resultRecord.js';
import type { Logger } from '../../../src/support/logger.js';

const settings = readYamlFile(path.resolve('profiles/imports/results.yaml'), resultImportSchema);
const HER_ID = '11010519491231002X';

function stubbed(idNumbers = true) {
  const calls: { records: ResultRecord[]; keep: string }[] = [];
  const logged: unknown[] = [];
  const results: Pick<ResultService, 'ingestAll' | 'mayUpload'> = {
    mayUpload: async () => undefined,
    ingestAll: async (records, _now, _actor, keep) => {
      calls.push({ records: [...records], keep });
      const outcomes: IngestOutcome[] = records.map((r) => ({ hospitalResultId: r.hospitalResultId, outcome: 'stored', match: 'matched', status: 'sent' }));
      return { outcomes, committed: keep !== 'nothing' };
    },
  };
  const logger = { info: (...args: unknown[]) => logged.push(args) } as unknown as Logger;
  return { upload: new ResultUpload(results, settings, { idNumbers, logger }), calls, logged };
}
const file = (...lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
const now = new Date('2026-03-02T01:00:00Z');

describe('ResultUpload', () => {
  it('all or nothing by default, the good rows when chosen, a dry run of the good rows when the file has bad ones', async () => {
    const good = file('报告编号,检查日期,检查项目,NT值', 'A,2026-02-27,NT,1.2', 'B,2026-02-27,NT,1.3');
    const mixed = file('报告编号,检查日期,检查项目,NT值', 'A,2026-02-27,NT,1.2', 'B,2026-02-27,NT,厚');
    const s = stubbed();
    await s.upload.upload(good, { hospitalId: 'xc-mch', takeGoodRows: false }, now, 'admin-token');
    await s.upload.upload(good, { hospitalId: 'xc-mch', takeGoodRows: true }, now, 'admin-token');
    const dry = await s.upload.upload(mixed, { hospitalId: 'xc-mch', takeGoodRows: false }, now, 'admin-token');
    expect(s.calls.map((c) => [c.keep, c.records.map((r) => r.hospitalResultId)])).toEqual([
      ['allOrNothing', ['A', 'B']],
      ['taken', ['A', 'B']],
      ['nothing', ['A']],
    ]);
    expect(dry.ok && dry.report.rows.map((r) => [r.row, r.outcome, r.problems?.map((p) => p.reason)])).toEqual([
      [2, 'notTaken', ['not_taken']],
      [3, 'refused', ['bad_value']],
    ]);
  });

  it('without ID numbers the column is not read, and the report says so', async () => {
    const s = stubbed(false);
    const out = await s.upload.upload(
      file('报告编号,检查日期,检查项目,NT值,身份证号码', `A,2026-02-27,NT,1.2,${HER_ID}`),
      { hospitalId: 'xc-mch', takeGoodRows: false },
      now,
      'a',
    );
    expect(s.calls[0].records[0]).not.toHaveProperty('idNumber');
    expect(out.ok && out.report.notes).toEqual([
      { reason: 'id_numbers_off', message: '本系统没有开启身份证号匹配，“身份证号码”一列没有读取，结果按就诊码匹配。' },
    ]);
  });

  it('a file of too many rows, or with one field in two columns, is not read', async () => {
    const s = stubbed();
    const many = file('报告编号,检查日期,检查项目,NT值', ...Array.from({ length: MAX_UPLOAD_ROWS + 1 }, (_, i) => `R${i},2026-02-27,NT,1.2`));
    expect(await s.upload.upload(many, { hospitalId: 'xc-mch', takeGoodRows: true }, now, 'a')).toEqual({
      ok: false,
      problem: 'too_many_rows',
      message: '行数太多，一次最多2000行，请分成几个文件上传。',
    });
    expect(await s.upload.upload(file('报告编号,检查日期,检查项目,身份证号,证件号码'), { hospitalId: 'xc-mch', takeGoodRows: true }, now, 'a')).toEqual({
      ok: false,
      problem: 'duplicate_column',
      message: '有两列都是“身份证号”（身份证号、证件号码），请只留一列。',
    });
    expect(s.calls).toEqual([]);
  });

  it('logs counts only: no row, no name, no ID number', async () => {
    const s = stubbed();
    await s.upload.upload(
      file('姓名,身份证号,报告编号,检查日期,检查项目,NT值', `王芳,${HER_ID},A,2026-02-27,NT,1.2`),
      { hospitalId: 'xc-mch', takeGoodRows: false },
      now,
      'a',
    );
    expect(s.logged).toEqual([
      [
        {
          hospitalId: 'xc-mch',
          format: 'csv',
          takeGoodRows: false,
          rows: 1,
          stored: 1,
          duplicate: 0,
          corrected: 0,
          refused: 0,
          notTaken: 0,
          matched: 1,
          unmatched: 0,
          held: 0,
        },
        'results file uploaded',
      ],
    ]);
  });
});
