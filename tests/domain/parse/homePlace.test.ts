import { describe, expect, it } from 'vitest';
import { homeTownship, type HomePlace } from '../../../src/domain/parse/homePlace.js';

const PLACES: HomePlace[] = [
  { value: 'nandun', names: ['南顿镇'] },
  { value: 'moling', names: ['秣陵镇', '北街村', '南街村'] },
  { value: 'lizhai', names: ['李寨镇', '李寨村', '大位寨村'] },
  { value: 'lianhua', names: ['莲花街道', '王沟村'] },
  { value: 'dongfang', names: ['东方街道', '东门村'] },
  { value: 'dingji', names: ['丁集镇', '东街村'] },
  { value: 'sundian', names: ['孙店镇', '东街村'] },
];
const COUNTY = ['项城市', '项城'];
const home = (text: string) => homeTownship(text, PLACES, COUNTY);

describe('homeTownship', () => {
  it('reads a township named as her 户口 or her home, with or without 镇', () => {
    expect(home('户口在南顿镇')).toBe('nandun');
    expect(home('俺户口就在南顿')).toBe('nandun');
    expect(home('户口就在我项城李寨镇')).toBe('lizhai');
    expect(home('俺是秣陵的')).toBe('moling');
    expect(home('我家住南顿 没迁过')).toBe('nandun');
    expect(home('在李寨住')).toBe('lizhai');
    expect(home('秣陵的')).toBe('moling');
    expect(home('项城李寨人')).toBe('lizhai');
    expect(home('户口迁到南顿了')).toBe('nandun');
  });

  it('reads a village as its township, when the county knows it and only one township has it', () => {
    expect(home('我是东门村的')).toBe('dongfang');
    expect(home('俺家在大位寨村')).toBe('lizhai');
    expect(home('我是东街村的')).toBeUndefined();
  });

  it('reads where she says she is (俺在), and a village without 村 after its township (俺在秣陵北街)', () => {
    expect(home('俺在秣陵北街')).toBe('moling');
    expect(home('我在王沟')).toBe('lianhua');
    expect(home('俺就在南顿')).toBe('nandun');
    // not where she works or goes
    expect(home('我在南顿打工')).toBeUndefined();
    expect(home('我在南顿卫生院')).toBeUndefined();
    expect(home('我在南顿镇赶集')).toBeUndefined();
    expect(home('俺在李寨这边走亲戚')).toBeUndefined();
  });

  it('finds it in a longer message, beside her other words', () => {
    expect(home('俺想约个唐筛下礼拜五上午去中不中俺怀孕十七周了户口在南顿镇')).toBe('nandun');
    expect(home('后天上午能去妇幼查两癌不 俺是秣陵的 55了')).toBe('moling');
    expect(home('喂你好我想问一下那个两癌筛查我是1972年3月15号的户口就在我项城李寨镇能不能给我查')).toBe('lizhai');
  });

  it('takes no place she does not say is her home', () => {
    expect(home('南顿镇')).toBeUndefined();
    expect(home('去南顿卫生院查')).toBeUndefined();
    expect(home('户口在南顿镇卫生院那边')).toBeUndefined();
    expect(home('我在南顿打工')).toBeUndefined();
    expect(home('我在郑州打工')).toBeUndefined();
    expect(home('我家住莲花大道')).toBeUndefined();
    expect(home('俺老公户口在李寨')).toBeUndefined();
    expect(home('娘家是秣陵的')).toBeUndefined();
    expect(home('以前住南顿')).toBeUndefined();
    expect(home('户口不在南顿')).toBeUndefined();
    expect(home('南顿能查吗')).toBeUndefined();
  });

  it('takes none when her words name two townships', () => {
    expect(home('户口在南顿 住在李寨')).toBeUndefined();
    expect(home('户口在南顿 俺是南顿镇的')).toBe('nandun');
  });
});
