import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateGroups, findWarningSign, type SignSituation } from '../../src/domain/warningSigns.js';
import { messageReader } from '../../src/domain/parse/readMessage.js';
import { spokenFormsSchema } from '../../src/domain/parse/spokenForms.js';
import { loadProfiles } from '../../src/profiles/loadProfiles.js';
import { readYamlFile } from '../../src/support/readYaml.js';

// the shipped words (profiles/national.yaml → warningSigns), her message read as the engine reads it
const signs = loadProfiles(path.resolve('profiles')).get('national')!.warningSigns!;
const read = messageReader(readYamlFile(path.resolve('flows', 'spoken.yaml'), spokenFormsSchema));

const ANYONE: SignSituation = { pregnant: false };
const PREGNANT: SignSituation = { pregnant: true };
const AFTER_BIRTH: SignSituation = { pregnant: false, daysSinceBirth: 10 };
const find = (text: string, s: SignSituation = ANYONE) => findWarningSign(read(text), signs, s);
const sign = (text: string, s?: SignSituation) => {
  const f = find(text, s);
  return f && `${f.group}.${f.signId}`;
};

describe('warning signs of any woman (两癌)', () => {
  it.each([
    ['最近同房后老是出血 是不是宫颈出问题了', 'twoCancer.bleedingAfterSex'],
    ['同房后有点出血', 'twoCancer.bleedingAfterSex'],
    ['过夫妻生活后见红', 'twoCancer.bleedingAfterSex'],
    ['同房後老是流血', 'twoCancer.bleedingAfterSex'], // 繁体
    ['绝经五年了最近又来了', 'twoCancer.bleedingAfterMenopause'],
    ['绝经两年了 又见红了', 'twoCancer.bleedingAfterMenopause'],
    ['月经干净了又出血', 'twoCancer.bleedingBetweenPeriods'],
    ['下面老是出血咋回事', 'twoCancer.bleedingBetweenPeriods'],
    ['白带有血丝', 'twoCancer.discharge'],
    ['白带发臭 有点黄', 'twoCancer.discharge'],
    ['我右边咪咪摸到个坨坨 好几个月哒', 'twoCancer.breastLump'],
    ['左边乳房上摸到一个硬硬的疙瘩', 'twoCancer.breastLump'],
    ['奶上长了个包', 'twoCancer.breastLump'],
    ['乳房有肿块', 'twoCancer.breastLump'],
    ['胳肢窝下面有个包', 'twoCancer.breastLump'],
    ['乳頭流血', 'twoCancer.nippleDischarge'], // 繁体
    ['奶头流水 黄黄的', 'twoCancer.nippleDischarge'],
    ['乳头凹进去了', 'twoCancer.nippleDischarge'],
    ['乳房皮肤像橘子皮', 'twoCancer.breastSkin'],
  ])('%s → %s', (text, want) => {
    expect(sign(text)).toBe(want);
  });

  it.each([
    '我没有出血',
    '同房后没有出血',
    '木有出血', // spoken 木有 = 没有
    '怕以后会出血',
    '会不会出血啊',
    '以前同房后出过血 现在好了',
    '怎么预防宫颈出血',
    '乳腺增生要紧吗', // a finding she was told: a question about a result, not a sign she has now
    '乳腺结节3类要紧吗',
    '我想查两癌',
    '腿抽筋', // ordinary, and not a sign of any woman
    '发烧了', // fever is a sign when pregnant, after a birth or of a newborn, not of 两癌
    '牙龈出血',
    '我1980年5月6号出生的',
    '乳腺宫颈一块查', // 一块: together
    '乳腺检查包括什么',
    '下面这些日子哪天都行',
  ])('%s: not a sign', (text) => {
    expect(find(text)).toBeUndefined();
  });
});

describe('warning signs in pregnancy', () => {
  it.each([
    ['今天有点见红 怕流产', 'pregnant.bleeding'],
    ['下面流血了', 'pregnant.bleeding'],
    ['是不是出血了', 'pregnant.bleeding'], // asking whether it is: still a sign she has
    ['肚子疼得厉害', 'pregnant.bellyPain'],
    ['小肚子疼得受不了', 'pregnant.bellyPain'],
    ['好像破水了', 'pregnant.waterBreaking'],
    ['下面一直流水', 'pregnant.waterBreaking'],
    ['这两天胎动少了', 'pregnant.fetalMovement'],
    ['宝宝一天都不怎么动', 'pregnant.fetalMovement'],
    ['宝宝不动了', 'pregnant.fetalMovement'],
    ['头疼得厉害 还眼花', 'pregnant.headache'],
    ['刚才抽搐了一下', 'pregnant.fits'],
    ['脸和手突然肿了', 'pregnant.swelling'],
    ['发烧38度5', 'pregnant.fever'],
    ['吐得吃不下东西', 'pregnant.vomiting'],
    ['吃啥吐啥', 'pregnant.vomiting'],
    // any belly pain or bleeding while pregnant, in her words, with a worry beside it
    ['肚子一阵一阵哩疼 还有点往下坠 孩子不会有啥事吧', 'pregnant.bellyPain'],
    ['小肚子坠着疼', 'pregnant.bellyPain'],
    ['肚子有点痛 要紧不', 'pregnant.bellyPain'],
    ['这两天老觉得往下坠', 'pregnant.bellyPain'],
    ['昨晚上流哒点血 不多 是不是要流产哒', 'pregnant.bleeding'],
    ['今早上淌血了', 'pregnant.bleeding'],
    ['内裤上有血丝', 'pregnant.bleeding'],
    ['上厕所擦着有点血', 'pregnant.bleeding'],
    ['见了点红 咋办', 'pregnant.bleeding'],
    // the face or hands swollen, a bad headache, blurred sight: in her words
    ['这两天脚肿得好厉害 脸上也有点肿 脑壳痛 要紧不', 'pregnant.swelling'],
    ['手指头肿得戒指都取不下来', 'pregnant.swelling'],
    ['早上起来眼皮有点肿', 'pregnant.swelling'],
    ['脑壳痛得要命', 'pregnant.headache'],
    ['这两天眼睛发花', 'pregnant.headache'],
    ['看东西模模糊糊的', 'pregnant.headache'],
    ['看东西重影 咋回事', 'pregnant.headache'],
  ])('%s → %s', (text, want) => {
    expect(sign(text, PREGNANT)).toBe(want);
  });

  it('her message alone says she is pregnant', () => {
    expect(sign('怀孕9周了 今天有点见红')).toBe('pregnant.bleeding');
    expect(sign('孕30周 头疼得厉害')).toBe('pregnant.headache');
    expect(sign('胎动少了')).toBe('pregnant.fetalMovement');
  });

  it.each([
    '腿抽筋',
    '晚上小腿抽筋',
    '没有见红',
    '怕见红',
    '会不会破水',
    '以前见过红',
    '怕流产',
    '保胎',
    '孕吐',
    '脚肿',
    '脚肿得好厉害 脸不肿',
    '牙疼得脸都有点肿',
    '脑壳有点痛',
    '鼻子出血',
    '肚子不疼',
    '拉肚子',
    '有点血压高',
    '肚子越来越大 腰疼',
    '前几天感冒了吃了两顿感冒药 对孩儿有影响没',
    '明天去抽血',
  ])('%s: not a sign', (text) => {
    expect(find(text, PREGNANT)).toBeUndefined();
  });
});

describe('warning signs after a birth and of the newborn', () => {
  it.each([
    ['下面出血很多', AFTER_BIRTH, 'postpartum.heavyBleeding'],
    ['生完孩子10天了 下面出血很多', ANYONE, 'postpartum.heavyBleeding'],
    ['恶露有臭味', AFTER_BIRTH, 'postpartum.heavyBleeding'],
    ['发烧了', AFTER_BIRTH, 'postpartum.fever'],
    ['会阴伤口红肿流脓', AFTER_BIRTH, 'postpartum.wound'],
    ['剖腹产刀口裂开了', ANYONE, 'postpartum.wound'],
    ['坐月子心情很差 不想活了', ANYONE, 'postpartum.lowMood'],
    ['宝宝不吃奶', AFTER_BIRTH, 'newborn.notFeeding'],
    ['孩子发烧了', AFTER_BIRTH, 'newborn.feverOrCold'],
    ['没满月的宝宝身上冰凉', ANYONE, 'newborn.feverOrCold'],
    ['宝宝黄疸越来越重', AFTER_BIRTH, 'newborn.jaundice'],
    ['娃脸越来越黄', AFTER_BIRTH, 'newborn.jaundice'],
    ['宝宝抽搐', AFTER_BIRTH, 'newborn.fits'],
    ['孩子喘得厉害', AFTER_BIRTH, 'newborn.breathing'],
  ])('%s → %s', (text, s, want) => {
    expect(sign(text, s)).toBe(want);
  });

  it.each(['宝宝做了足跟血 抽血了', '宝宝吃奶挺好', '没有发烧', '宝宝黄疸退了'])('%s: not a sign', (text) => {
    expect(find(text, AFTER_BIRTH)).toBeUndefined();
  });

  it('a birth more than 42 days ago is not "after a birth"', () => {
    expect(candidateGroups('发烧了', signs, { pregnant: false, daysSinceBirth: 43 })).toEqual(['twoCancer']);
    expect(candidateGroups('发烧了', signs, { pregnant: false, daysSinceBirth: 42 })).toEqual(['postpartum', 'twoCancer']);
    expect(candidateGroups('宝宝发烧了', signs, { pregnant: false, daysSinceBirth: 42 })).toEqual(['newborn', 'postpartum', 'twoCancer']);
  });

  it('while pregnant, 宝宝 is the baby she carries', () => {
    expect(candidateGroups('宝宝不动了', signs, PREGNANT)).toEqual(['pregnant', 'twoCancer']);
  });
});

describe('her words beside the sign', () => {
  it('are kept for the question she is on', () => {
    expect(find('孕12周 有点见红')!.rest).toBe('孕12周');
    expect(find('最近同房后老是出血，是不是宫颈出问题了')!.rest).toBe('是不是宫颈出问题了');
    expect(find('宝宝不吃奶', AFTER_BIRTH)!.rest).toBe('');
  });

  it('the answer names the hospital by placeholders, and one sign has its own answer', () => {
    expect(find('见红了', PREGNANT)!.text).toContain('{hospitalPhone}');
    expect(find('不想活了', AFTER_BIRTH)!.text).toBe(signs.groups.postpartum.signs.find((s) => s.id === 'lowMood')!.text);
  });
});

describe('以后 right after what it follows is "after it", not "later"', () => {
  it.each(['我想问一下就是最近同房以后老是有点出血也不疼这是咋回事要紧不要紧', '绝经以后又见红了'])('%s is a sign', (text) => {
    expect(findWarningSign(read(text), signs, ANYONE)?.group).toBe('twoCancer');
  });

  it('怕以后会出血 is still no sign', () => {
    expect(findWarningSign(read('怕以后会出血'), signs, ANYONE)).toBeUndefined();
  });
});
