// Staff upload a results file exported from a hospital's system, on the real app behind the admin
// token: CSV in UTF-8 (with and without a BOM) and in GBK, an Excel file, header synonyms; all rows or
// the good rows only; files that cannot be read; the same file twice; a corrected row; an ID number
// matched to the woman who gave it; and a report that never repeats her name or ID number.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import { bookingRow, woman } from '../../services/reminders/reminderFixtures.js';
import type { UploadReport } from '../../../src/services/results/ResultUpload.js';
import { identityKeys } from '../../../src/support/identityKeys.js';
import { parseDataKeys, secretBox } from '../../../src/support/secretBox.js';

const TOKEN = 'results-upload-token-0123456789';
const KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
const ID_HASH_KEY = Buffer.alloc(32, 9).toString('base64');
/** A valid resident ID number (the standard's example). */
const HER_ID = '11010519491231002X';

const csv = (...lines: string[][]) => lines.map((l) => l.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
const HEADER = ['姓名', '就诊码', '报告编号', '检查日期', '检查项目', 'HPV16', 'HPV18', '其他高危型', 'TBS分级', 'BI-RADS分级', '更正'];
/** A row of the usual file: her name, code, the report id, the day, the test and its result cells. */
const line = (id: string, test: string, results: Partial<Record<string, string>>, o: { name?: string; code?: string; date?: string } = {}) =>
  HEADER.map((h) =>
    h === '姓名'
      ? (o.name ?? '王芳')
      : h === '就诊码'
        ? (o.code ?? 'K7Q2M9')
        : h === '报告编号'
          ? id
          : h === '检查日期'
            ? (o.date ?? '2026/2/27')
            : h === '检查项目'
              ? test
              : (results[h] ?? ''),
  );
const hpvNeg = { HPV16: '阴性', HPV18: '阴性', 其他高危型: '阴性' };

describe.skipIf(dbUnavailable)('staff API: results upload', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ADMIN_TOKEN: TOKEN, DATA_ENCRYPTION_KEYS: KEYS, ID_HASH_KEY } }); // Monday 2026-03-02 09:00 +08:00
    const db = t.app.dbHandle.db;
    await woman(db, 'w1');
    await bookingRow(db, 'w1', { serviceId: 'cervical', day: '2026-02-27', status: 'attended', code: 'K7Q2M9' });
    // w2 gave her ID number (kept as a keyed hash and a sealed copy), and had her NT scan that day
    await woman(db, 'w2');
    await bookingRow(db, 'w2', { serviceId: 'nt', day: '2026-02-27', status: 'attended' });
    const identity = identityKeys(ID_HASH_KEY, secretBox(parseDataKeys(KEYS)));
    const at = t.clock.now();
    await db.contactIdentity.create({
      data: { contactId: 'w2', idHash: identity.hash(HER_ID), idSealed: identity.seal(HER_ID), createdAt: at, updatedAt: at },
    });
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });
  beforeEach(async () => {
    await t.app.dbHandle.db.resultEvent.deleteMany();
    await t.app.dbHandle.db.screeningResult.deleteMany();
    await t.app.dbHandle.db.outboxMessage.deleteMany();
  });

  const upload = async (body: Buffer | string, query = 'hospitalId=xc-mch', token = TOKEN) => {
    const r = await fetch(`http://127.0.0.1:${t.port}/api/staff/results/upload?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(typeof body === 'string' ? Buffer.from(body, 'utf8') : body),
    });
    return { status: r.status, body: (await r.json()) as UploadReport & Record<string, unknown> };
  };
  const stored = async () =>
    (await t.app.dbHandle.db.screeningResult.findMany({ orderBy: { hospitalResultId: 'asc' } })).map((r) => [
      r.hospitalResultId,
      r.grade,
      r.contactId,
      r.status,
    ]);
  const rowsOf = (report: UploadReport) =>
    report.rows.map((r) => [r.row, r.hospitalResultId, r.outcome, ...(r.problems ?? []).map((p) => `${p.reason}: ${p.message}`)]);

  it('a UTF-8 CSV of good rows: all taken, matched by her visit code, a BI-RADS 4A held', async () => {
    const file = csv(
      HEADER,
      line('LIS-1', 'HPV', hpvNeg),
      line('LIS-2', 'TCT', { TBS分级: 'NILM' }),
      line('LIS-3', '乳腺彩超', { 'BI-RADS分级': '4a' }),
      line('LIS-4', 'TCT', { TBS分级: 'NILM' }, { code: '' }),
    );
    const { status, body } = await upload(file);
    expect(status).toBe(200);
    expect(body).toMatchObject({ hospitalId: 'xc-mch', format: 'csv', encoding: 'utf-8', takeGoodRows: false, taken: 'all' });
    expect(body.totals).toEqual({ rows: 4, stored: 4, duplicate: 0, corrected: 0, refused: 0, notTaken: 0, matched: 3, unmatched: 1, held: 1 });
    expect(body.rows.map((r) => [r.row, r.hospitalResultId, r.outcome, r.match, r.status])).toEqual([
      [2, 'LIS-1', 'stored', 'matched', 'sent'],
      [3, 'LIS-2', 'stored', 'matched', 'sent'],
      [4, 'LIS-3', 'stored', 'matched', 'held'],
      [5, 'LIS-4', 'stored', 'unmatched', 'notSent'],
    ]);
    expect(body.rows[3].unmatched).toEqual({ reason: 'no_visit_code', message: '没有就诊码和身份证号，不知道是谁的结果。结果已保存，请手动匹配。' });
    expect(body.columns.ignored).toEqual([]);
    expect(await stored()).toEqual([
      ['LIS-1', 'negative', 'w1', 'sent'],
      ['LIS-2', 'nilm', 'w1', 'sent'],
      ['LIS-3', 'suspicious', 'w1', 'held'],
      ['LIS-4', 'nilm', null, 'notSent'],
    ]);
    // the actor is the token's holder (its scope)
    expect(new Set((await t.app.dbHandle.db.resultEvent.findMany()).map((e) => e.actor))).toEqual(new Set(['staff:token']));
  });

  it('a UTF-8 CSV with a BOM, and a GBK one as Chinese Excel saves it', async () => {
    const bom = await upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(HEADER, line('LIS-5', 'HPV', hpvNeg)), 'utf8')]));
    expect(bom.body).toMatchObject({ encoding: 'utf-8', taken: 'all', totals: { stored: 1 } });
    const gbk = await upload(
      iconv.encode(csv(HEADER, line('LIS-6', '宫颈细胞学', { TBS分级: '低级别鳞状上皮内病变' }), line('LIS-7', 'HPV', { ...hpvNeg, HPV16: '阳性' })), 'gbk'),
    );
    expect(gbk.body).toMatchObject({ encoding: 'gb18030', taken: 'all', totals: { stored: 2, held: 1 } });
    expect(await stored()).toEqual([
      ['LIS-5', 'negative', 'w1', 'sent'],
      ['LIS-6', 'lsil', 'w1', 'sent'],
      ['LIS-7', 'hpv16or18', 'w1', 'held'],
    ]);
  });

  it('bad rows: nothing stored, every problem named by its column; the good rows only when chosen', async () => {
    const file = iconv.encode(
      csv(
        HEADER,
        line('LIS-1', 'HPV', hpvNeg),
        line('LIS-2', 'HPV', { ...hpvNeg, HPV18: '弱阳' }),
        line('LIS-3', 'TCT', { TBS分级: 'NILM' }, { date: '2月27号', name: '' }),
        line('', '胸片', {}),
        line('LIS-5', '乳腺', { 'BI-RADS分级': '4类' }),
        line('LIS-6', 'TCT', { TBS分级: 'ASC-US' }),
        line('LIS-7', 'TCT', { TBS分级: 'NILM' }),
      ),
      'gbk',
    );
    const problems = [
      [2, 'LIS-1', 'notTaken', 'not_taken: 这一行没有问题，但文件里有错行，整个文件都没有导入。请改好错行再上传，或选“只导入正确的行”。'],
      [3, 'LIS-2', 'refused', 'bad_value: “HPV18”填的是“弱阳”，认不出来。应填：阳性、阴性。'],
      [
        4,
        'LIS-3',
        'refused',
        'no_name: “姓名”是空的，看不出是谁的结果。',
        'bad_date: “检查日期”填的是“2月27号”，不是日期。请写成2026-03-10、2026/3/10或2026年3月10日。',
      ],
      [
        5,
        undefined,
        'refused',
        'missing_value: “报告编号”是空的，这一项必须填。',
        'unknown_category: “检查项目”填的是“胸片”，认不出是哪项检查。应填：HPV、TCT、活检、乳腺彩超、唐筛、NT、无创、足跟血、听力。',
      ],
      [6, 'LIS-5', 'refused', 'bad_value: “BI-RADS分级”填的是“4类”，认不出来。应填：0、1、2、3、4A、4B、4C、5、6（也可写成4a或4A类）。'],
      [7, 'LIS-6', 'refused', 'ascus_needs_hpv: 细胞学结果是ASC-US，要同时填“HPV结果”（阳性或阴性），才知道下一步怎么做。'],
      [8, 'LIS-7', 'notTaken', 'not_taken: 这一行没有问题，但文件里有错行，整个文件都没有导入。请改好错行再上传，或选“只导入正确的行”。'],
    ];
    const all = await upload(file);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ taken: 'none', totals: { rows: 7, stored: 0, refused: 5, notTaken: 2 } });
    expect(rowsOf(all.body)).toEqual(problems);
    expect(await stored()).toEqual([]);

    const good = await upload(file, 'hospitalId=xc-mch&takeGoodRows=true');
    expect(good.body).toMatchObject({ taken: 'goodRows', totals: { rows: 7, stored: 2, refused: 5, notTaken: 0 } });
    expect(rowsOf(good.body).map((r) => r.slice(0, 3))).toEqual(problems.map((r) => [r[0], r[1], r[2] === 'notTaken' ? 'stored' : 'refused']));
    expect(await stored()).toEqual([
      ['LIS-1', 'negative', 'w1', 'sent'],
      ['LIS-7', 'nilm', 'w1', 'sent'],
    ]);
  });

  it('a row the store refuses (another result under the same id, not marked 更正) is a bad row: without takeGoodRows nothing at all is stored', async () => {
    const file = csv(HEADER, line('LIS-1', 'TCT', { TBS分级: 'NILM' }), line('LIS-2', 'TCT', { TBS分级: 'NILM' }), line('LIS-1', 'TCT', { TBS分级: 'LSIL' }));
    const all = await upload(file);
    expect(rowsOf(all.body)).toEqual([
      [2, 'LIS-1', 'notTaken', expect.stringMatching(/^not_taken: /)],
      [3, 'LIS-2', 'notTaken', expect.stringMatching(/^not_taken: /)],
      [4, 'LIS-1', 'refused', 'differs_without_correction: 这个报告编号以前导入过，结果不一样。如果是更正，请在“更正”一列填“是”。'],
    ]);
    expect(await stored()).toEqual([]);
    expect(await t.app.dbHandle.db.outboxMessage.count()).toBe(0);
    const good = await upload(file, 'hospitalId=xc-mch&takeGoodRows=true');
    expect(rowsOf(good.body).map((r) => r.slice(0, 3))).toEqual([
      [2, 'LIS-1', 'stored'],
      [3, 'LIS-2', 'stored'],
      [4, 'LIS-1', 'refused'],
    ]);
    expect(await stored()).toEqual([
      ['LIS-1', 'nilm', 'w1', 'sent'],
      ['LIS-2', 'nilm', 'w1', 'sent'],
    ]);
  });

  it('the same file twice is stored once; a corrected row replaces the result', async () => {
    const file = csv(HEADER, line('LIS-1', 'TCT', { TBS分级: 'NILM' }), line('LIS-2', 'HPV', hpvNeg));
    expect((await upload(file)).body.totals).toMatchObject({ stored: 2 });
    const again = await upload(file);
    expect(again.body).toMatchObject({ taken: 'all', totals: { stored: 0, duplicate: 2 } });
    expect(again.body.rows.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate']);
    const fix = await upload(csv(HEADER, line('LIS-1', 'TCT', { TBS分级: 'LSIL', 更正: '是' })));
    expect(fix.body.rows.map((r) => [r.hospitalResultId, r.outcome, r.status])).toEqual([['LIS-1', 'corrected', 'sent']]);
    const row = await t.app.dbHandle.db.screeningResult.findFirstOrThrow({ where: { hospitalResultId: 'LIS-1' } });
    expect([row.grade, row.version]).toEqual(['lsil', 2]);
    expect(await t.app.dbHandle.db.screeningResult.count()).toBe(2);
    // a correction keeps the test
    const other = await upload(csv(HEADER, line('LIS-1', 'HPV', { ...hpvNeg, 更正: '是' })));
    expect(rowsOf(other.body)).toEqual([[2, 'LIS-1', 'refused', 'correction_changes_test: 更正不能改检查项目：这个报告编号以前是别的检查。']]);
  });

  it('header synonyms, and an ID number matching the woman who gave it; the report never repeats a name or an ID number', async () => {
    const file = csv(
      ['名字', '证件号码', '预约码', '结果编号', '采样日期', '项目', 'ＮＴ值（ｍｍ）', '备注'],
      ['李秀英', HER_ID.toLowerCase(), '', 'NT-1', '2026年2月27日', 'NT', '1.6', '复查'],
      ['张兰', '110105194912310021', '', 'NT-2', '2026-02-27', 'NT', '1.7', ''],
    );
    const { body } = await upload(file);
    expect(body.columns).toEqual({
      used: [
        { column: '名字', field: 'name' },
        { column: '证件号码', field: 'idNumber' },
        { column: '预约码', field: 'visitCode' },
        { column: '结果编号', field: 'hospitalResultId' },
        { column: '采样日期', field: 'date' },
        { column: '项目', field: 'category' },
        { column: 'ＮＴ值（ｍｍ）', field: 'ntMm' },
      ],
      ignored: ['备注'],
    });
    expect(rowsOf(body)).toEqual([
      [2, 'NT-1', 'notTaken', expect.stringMatching(/^not_taken: /)],
      [3, 'NT-2', 'refused', 'bad_id_number: “证件号码”不是有效的18位身份证号。在Excel里请把这一列设成“文本”格式，免得后几位变成0。'],
    ]);
    expect(await stored()).toEqual([]); // (a bad row: nothing stored)
    const taken = await upload(file, 'hospitalId=xc-mch&takeGoodRows=true');
    expect(taken.body.rows[0]).toMatchObject({ outcome: 'stored', match: 'matched' });
    expect(await stored()).toEqual([['NT-1', 'normal', 'w2', 'sent']]);
    for (const text of [JSON.stringify(body), JSON.stringify(taken.body)]) {
      for (const secret of ['李秀英', '张兰', HER_ID, HER_ID.toLowerCase(), '110105194912310021']) expect(text).not.toContain(secret);
    }
  });

  it('an Excel file: its first sheet, with date, number, rich-text and formula cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('结果');
    book.addWorksheet('说明').addRow(['这一页不读']);
    sheet.addRow(['2026年2月 两筛结果']);
    sheet.addRow(['姓名', '就诊码', '报告编号', '检查日期', '检查项目', 'NT值(mm)', '21三体风险', '18三体风险', '神经管缺陷']);
    sheet.addRow(['王芳', 'k7q2m9', 20260001, new Date(Date.UTC(2026, 1, 27)), 'NT', 2.4, null, null, null]);
    sheet.addRow([
      { richText: [{ text: '王' }, { text: '芳', font: { bold: true } }] },
      'K7Q2M9',
      { formula: '"LIS-"&"9"', result: 'LIS-9' },
      new Date(Date.UTC(2026, 1, 27)),
      '唐筛',
      null,
      '1:150',
      12000,
      '低风险',
    ]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const { status, body } = await upload(bytes);
    expect(status).toBe(200);
    expect(body).toMatchObject({ format: 'xlsx', taken: 'all' });
    expect(body.rows.map((r) => [r.row, r.hospitalResultId, r.outcome, r.status])).toEqual([
      [3, '20260001', 'stored', 'sent'],
      [4, 'LIS-9', 'stored', 'held'],
    ]);
    const rows = await t.app.dbHandle.db.screeningResult.findMany({ orderBy: { hospitalResultId: 'asc' } });
    expect(rows.map((r) => [r.hospitalResultId, r.testDate, r.grade, JSON.parse(r.fieldsJson)])).toEqual([
      ['20260001', '2026-02-27', 'normal', { category: 'nt', mm: 2.4 }],
      ['LIS-9', '2026-02-27', 'high', { category: 'serum', t21OneIn: 150, t18OneIn: 12000, ntdHighRisk: false }],
    ]);
  });

  it('a file that cannot be read: 422 naming the problem, nothing stored', async () => {
    const random = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256));
    expect(await upload(random)).toEqual({
      status: 422,
      body: { error: 'unreadable_file', reason: 'not_a_table', message: '读不出这个文件。请上传从系统导出的CSV文件或Excel（.xlsx）文件。' },
    });
    expect(await upload(csv(['编号', '日期', '结论'], ['1', '2026-02-27', '正常']))).toEqual({
      status: 422,
      body: { error: 'unreadable_file', reason: 'no_header', message: '找不到表头。表头要有这些列：报告编号、检查日期、检查项目。' },
    });
    expect((await upload(csv(['姓名', '报告编号', '检查项目', 'HPV16'], ['王芳', 'LIS-1', 'HPV', '阴性']))).body).toMatchObject({
      reason: 'missing_columns',
      message: '表头缺少这些列：检查日期。',
    });
    expect((await upload('')).body).toMatchObject({ reason: 'empty_file' });
    expect((await upload(csv(HEADER))).body).toMatchObject({ reason: 'no_rows' });
    expect((await upload(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), random]))).body).toMatchObject({ reason: 'old_excel' });
    expect((await upload(Buffer.concat([Buffer.from('PK\x03\x04'), random]))).body).toMatchObject({ reason: 'not_a_table' });
    expect(await stored()).toEqual([]);
  });

  it('asks for the token, a hospital of the county and a yes or no; refuses a file over 10 MB', async () => {
    const file = csv(HEADER, line('LIS-1', 'HPV', hpvNeg));
    expect((await upload(file, 'hospitalId=xc-mch', 'wrong-token-0123456789')).status).toBe(401);
    expect(await upload(file, '')).toMatchObject({
      status: 400,
      body: { field: 'hospitalId', message: 'hospitalId: required: the hospital whose file it is' },
    });
    expect(await upload(file, 'hospitalId=elsewhere')).toMatchObject({ status: 400, body: { field: 'hospitalId' } });
    expect(await upload(file, 'hospitalId=xc-mch&takeGoodRows=maybe')).toMatchObject({ status: 400, body: { field: 'takeGoodRows' } });
    expect(await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41))).toEqual({
      status: 413,
      body: { error: 'too_large', message: 'the file is over 10 MB, the most one upload takes: split it' },
    });
    expect(await stored()).toEqual([]);
  });

  it('2,000 rows in one upload, in seconds', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) =>
      line(`BULK-${String(i).padStart(4, '0')}`, 'TCT', { TBS分级: 'NILM' }, { code: i % 2 ? 'K7Q2M9' : '' }),
    );
    const started = Date.now();
    const { body } = await upload(iconv.encode(csv(HEADER, ...lines), 'gbk'));
    const took = Date.now() - started;
    expect(body.totals).toMatchObject({ rows: 2000, stored: 2000, matched: 1000, unmatched: 1000 });
    expect(await t.app.dbHandle.db.screeningResult.count()).toBe(2000);
    // (about 5 s on an idle 2-core machine; the bound leaves room for a busy one)
    expect(took).toBeLessThan(90_000);
  }, 180_000);
});
