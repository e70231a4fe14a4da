// Reading an uploaded results file, without a database: the header row and its synonyms (forgiving
// about width, case, spaces and brackets), the words of each value, dates, BI-RADS, risks and
// millimetres, and each row's problems named by the column as headed in the file.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYamlFile } from '../../../src/support/readYaml.js';
import { normaliseHeader, resultImportSchema } from '../../../src/domain/profile/resultImportSchema.js';
import { findHeader, isFileIssue, type FileHeader, type TableRow } from '../../../src/domain/results/uploadHeader.js';
import { mapRow, parseBirads, parseDay, parseMm, parseOneIn, rowMessage, wordOf } from '../../../src/domain/results/uploadRow.js';

const settings = readYamlFile(path.resolve('profiles/imports/results.yaml'), resultImportSchema);
const rows = (...lines: string[][]): TableRow[] => lines.map((cells, i) => ({ number: i + 1, cells }));
const headerOf = (...cells: string[]): FileHeader => {
  const h = findHeader(rows(cells), settings);
  if (isFileIssue(h)) throw new Error(`no header: ${h.problem}`);
  return h;
};
const map = (header: FileHeader, cells: string[], idNumbers = true) => mapRow(cells, { settings, header, hospitalId: 'xc-mch', idNumbers });

describe('the header row', () => {
  it('takes any synonym, full-width or half-width, any case, spaces and brackets ignored', () => {
    expect(normaliseHeader(' ＮＴ值（ｍｍ） ')).toBe(normaliseHeader('NT值(mm)'));
    const h = headerOf('名字', '证件号码', '预约码', '条码号', '送检日期', '项目', 'hpv 16', 'ＨＰＶ１８', '其他高危型', '更正', '备注');
    expect(h.used.map((u) => [u.column, u.field])).toEqual([
      ['名字', 'name'],
      ['证件号码', 'idNumber'],
      ['预约码', 'visitCode'],
      ['条码号', 'hospitalResultId'],
      ['送检日期', 'date'],
      ['项目', 'category'],
      ['hpv 16', 'hpv16'],
      ['ＨＰＶ１８', 'hpv18'],
      ['其他高危型', 'otherHighRisk'],
      ['更正', 'corrected'],
    ]);
    expect(h.ignored).toEqual(['备注']);
    expect(headerOf('报告编号', '检查日期', '检查项目', 'BI-RADS 分级', '【NT值】(mm)').used.map((u) => u.field)).toEqual([
      'hospitalResultId',
      'date',
      'category',
      'birads',
      'ntMm',
    ]);
  });

  it('is found below a title row; a file of one test needs no test column', () => {
    const h = findHeader(rows(['2026年3月 宫颈癌筛查结果'], [], ['报告编号', '检查日期', 'TBS分级', 'HPV结果']), settings);
    expect(h).toMatchObject({ index: 2, category: 'cytology' });
  });

  it('names what is missing, or says there is no header at all', () => {
    expect(findHeader(rows(['a', 'b'], ['1', '2']), settings)).toEqual({ problem: 'no_header', columns: ['报告编号', '检查日期', '检查项目'] });
    expect(findHeader(rows(['姓名', '报告编号', '检查项目']), settings)).toEqual({ problem: 'missing_columns', columns: ['检查日期'] });
    expect(findHeader(rows(['报告编号', '检查日期', '检查项目', '身份证号', '证件号码']), settings)).toMatchObject({
      problem: 'duplicate_column',
      columns: ['身份证号', '证件号码'],
    });
  });
});

describe('the values', () => {
  it('words of each kind, as data', () => {
    expect(
      ['HPV', 'TCT', 'TBS', '宫颈细胞学', '阴道镜活检', 'BI-RADS', '乳腺彩超', '唐筛', '血清学产前筛查', 'nt', '无创', 'NIPT', '足跟血', '新生儿听力'].map(
        (w) => wordOf(settings, 'category', w),
      ),
    ).toEqual(['hpv', 'cytology', 'cytology', 'cytology', 'histology', 'breast', 'breast', 'serum', 'serum', 'nt', 'nipt', 'nipt', 'heelBlood', 'hearing']);
    expect(['阳性', '+', '阴性', '-', '＋', '（阴性）'].map((w) => wordOf(settings, 'positive', w))).toEqual(['yes', 'yes', 'no', 'no', 'yes', 'no']);
    expect(['nilm', 'ASC-US', 'ascus', 'HSIL', '腺癌'].map((w) => wordOf(settings, 'tbs', w))).toEqual(['NILM', 'ASC-US', 'ASC-US', 'HSIL', 'ADENOCARCINOMA']);
    expect(wordOf(settings, 'tbs', 'ASC')).toBeUndefined();
  });

  it('dates written any usual way, and Excel day numbers', () => {
    expect(['2026-03-10', '2026/3/10', '2026年3月10日', '2026.3.10', '20260310', '2026-03-10 08:30:00', '46091'].map(parseDay)).toEqual(
      Array(7).fill('2026-03-10'),
    );
    expect(['2026-02-30', '10/3/2026', '昨天', '123'].map(parseDay)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('BI-RADS, risks "1 in N" and millimetres', () => {
    expect(['0', '3', '4a', '4A类', 'BI-RADS 4C', '５', '6级'].map(parseBirads)).toEqual(['0', '3', '4A', '4A', '4C', '5', '6']);
    expect(['4', '4类', '7', '3a'].map(parseBirads)).toEqual([undefined, undefined, undefined, undefined]);
    expect(['1:270', '1/270', '270', '1：1,000'].map(parseOneIn)).toEqual([270, 270, 270, 1000]);
    expect(['0', '1:0', '高'].map(parseOneIn)).toEqual([undefined, undefined, undefined]);
    expect(['1.8', '2.5mm', '3 毫米'].map(parseMm)).toEqual([1.8, 2.5, 3]);
  });
});

describe('a row', () => {
  const all = headerOf(
    '姓名',
    '身份证号',
    '就诊码',
    '报告编号',
    '检查日期',
    '检查项目',
    'HPV16',
    'HPV18',
    '其他高危型',
    'TBS分级',
    'HPV结果',
    '病理结果',
    'BI-RADS分级',
    '21三体风险',
    '18三体风险',
    '神经管缺陷',
    'NT值(mm)',
    'NIPT结果',
    '足跟血结果',
    '听力结果',
    '是否复筛',
    '更正',
  );
  const row = (category: string, results: Record<string, string>, o: Record<string, string> = {}) => {
    const cells = all.headers.map(() => '');
    const set = (h: string, v: string) => (cells[all.headers.indexOf(h)] = v);
    set('姓名', '王芳');
    set('就诊码', 'k7q2m9');
    set('报告编号', 'LIS-1');
    set('检查日期', '2026/3/10');
    set('检查项目', category);
    for (const [h, v] of Object.entries({ ...results, ...o })) set(h, v);
    return map(all, cells);
  };

  it('maps each test to the record shape (her name is read, never kept)', () => {
    const base = { hospitalId: 'xc-mch', hospitalResultId: 'LIS-1', visitCode: 'k7q2m9', date: '2026-03-10', corrected: false };
    expect(row('HPV', { HPV16: '+', HPV18: '阴性', 其他高危型: '-' })).toEqual({
      hospitalResultId: 'LIS-1',
      problems: [],
      record: { ...base, result: { category: 'hpv', hpv16: true, hpv18: false, otherHighRisk: false } },
    });
    const result = (category: string, cells: Record<string, string>, o: Record<string, string> = {}) => row(category, cells, o).record?.result;
    expect(result('TCT', { TBS分级: 'ASC-US', HPV结果: '阳性' })).toEqual({ category: 'cytology', tbs: 'ASC-US', hpvPositive: true });
    expect(result('宫颈细胞学', { TBS分级: 'NILM' })).toEqual({ category: 'cytology', tbs: 'NILM' });
    expect(result('病理', { 病理结果: 'CIN2' })).toEqual({ category: 'histology', finding: 'CIN2' });
    expect(result('乳腺', { 'BI-RADS分级': '4b' })).toEqual({ category: 'breast', birads: '4B' });
    expect(result('唐筛', { '21三体风险': '1:270', '18三体风险': '1/5000', 神经管缺陷: '低风险' })).toEqual({
      category: 'serum',
      t21OneIn: 270,
      t18OneIn: 5000,
      ntdHighRisk: false,
    });
    expect(result('NT', { 'NT值(mm)': '2.1' })).toEqual({ category: 'nt', mm: 2.1 });
    expect(result('NIPT', { NIPT结果: '高风险' })).toEqual({ category: 'nipt', highRisk: true });
    expect(result('新生儿疾病筛查', { 足跟血结果: '可疑' })).toEqual({ category: 'heelBlood', finding: 'suspicious' });
    expect(result('听力', { 听力结果: '未通过', 是否复筛: '否' })).toEqual({ category: 'hearing', passed: false, rescreen: false });
    expect(row('NT', { 'NT值(mm)': '2.1', 更正: '是' }).record).toMatchObject({ corrected: true });
  });

  it("names each problem by the file's column, and never repeats her name or ID number", () => {
    const bad = row('HPV', { HPV16: '弱阳', HPV18: '' }, { 检查日期: '三月十日', 姓名: '', 身份证号: '110101199003070000' });
    expect(bad.record).toBeUndefined();
    const said = bad.problems.map((p) => rowMessage(settings, all, p));
    expect(said).toEqual([
      '“姓名”是空的，看不出是谁的结果。',
      '“检查日期”填的是“三月十日”，不是日期。请写成2026-03-10、2026/3/10或2026年3月10日。',
      '“HPV16”填的是“弱阳”，认不出来。应填：阳性、阴性。',
      '“HPV18”是空的，这一项必须填。',
      '“其他高危型”是空的，这一项必须填。',
    ]);
    expect(row('胸片', {}).problems.map((p) => rowMessage(settings, all, p))).toEqual([
      '“检查项目”填的是“胸片”，认不出是哪项检查。应填：HPV、TCT、活检、乳腺彩超、唐筛、NT、无创、足跟血、听力。',
    ]);
    // a value is not repeated when it may be hers (a column shifted by one)
    const shifted = row('王芳', {}, { 身份证号: '' });
    expect(shifted.problems.map((p) => rowMessage(settings, all, p))).toEqual([
      '“检查项目”填的是“***”，认不出是哪项检查。应填：HPV、TCT、活检、乳腺彩超、唐筛、NT、无创、足跟血、听力。',
    ]);
    expect(row('110105194912310021', {}).problems).toEqual([{ reason: 'unknown_category', field: 'category' }]);
    // a file without the column the test needs
    const hpvOnly = headerOf('报告编号', '检查日期', '检查项目', 'HPV16');
    const missing = map(hpvOnly, ['LIS-2', '2026-03-10', 'HPV', '阴性']);
    expect(missing.problems.map((p) => rowMessage(settings, hpvOnly, p))).toEqual([
      '文件里没有“HPV18”这一列，这个检查的结果要填在这一列。',
      '文件里没有“其他高危型”这一列，这个检查的结果要填在这一列。',
    ]);
  });

  it('an ID number is left out when ID numbers are not read', () => {
    const h = headerOf('报告编号', '检查日期', '检查项目', 'NT值', '证件号码');
    expect(map(h, ['LIS-3', '2026-03-10', 'NT', '1.5', '41052219800101123X'], true).record).toMatchObject({ idNumber: '41052219800101123X' });
    expect(map(h, ['LIS-3', '2026-03-10', 'NT', '1.5', '41052219800101123X'], false).record).not.toHaveProperty('idNumber');
  });
});
