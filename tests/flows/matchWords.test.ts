import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/loadFlows.js';
import { ALL_ACTIONS, ALL_CHOICE_SOURCES } from '../../src/flows/registry.js';
import { matchCommand, matchTrigger } from '../../src/flows/matchWords.js';
import type { Flow } from '../../src/flows/flowSchema.js';

const set = loadFlows(path.resolve('flows'), ALL_ACTIONS, ALL_CHOICE_SOURCES);

describe('matchCommand', () => {
  it.each([
    ['菜单', 'menu'],
    ['菜单！', 'menu'],
    [' 菜单 ', 'menu'],
    ['取消', 'cancel'],
    ['我要人工', 'human'],
    ['转人工', 'human'],
    ['人工。', 'human'],
    ['退订', 'unsubscribe'],
    ['订阅', 'subscribe'],
    ['我的信息', 'my_data'],
    ['查看我的信息', 'my_data'],
    ['删除我的信息', 'delete_data'],
    ['请删除我的信息', 'delete_data'],
    ['撤回同意', 'delete_data'],
    ['我想看菜单吧', 'menu'],
    // commands said as sentences, in the middle of an interview
    ['等会儿 先给俺看看菜单', 'menu'],
    ['菜单给我看下', 'menu'],
    ['俺要菜单', 'menu'],
    ['不弄了 我先不查了', 'cancel'], // (俺 is read as 我 before this: flows/spoken.yaml)
    ['算了 不弄了', 'cancel'],
    ['先不查了', 'cancel'],
    ['我之前填了么子 给我看下', 'my_data'],
    ['给我看看我填的', 'my_data'],
    ['俺都说了些啥', 'my_data'],
    ['俺眼神不好 这么多字看不清 能叫个人给俺打个电话不', 'human'],
    ['有人能给我回个电话吗', 'human'],
    ['找个人跟我说说', 'human'],
    ['你们电话多少', 'human'],
  ])('%s → %s', (text, flow) => {
    expect(matchCommand(text, set.commands)).toBe(flow);
  });

  // (不查, 不查了 answer 单位体检会给您查宫颈和乳腺吗; a phone reminder or 说说 about a topic is not a person)
  it.each([
    '我的信息是什么时候删除',
    '菜单里有什么筛查',
    '',
    '1',
    '我能免费做两癌筛查吗',
    '不查',
    '不查了',
    '不弄了 俺要上班',
    '要填啥',
    '到时候打电话提醒我',
    '给我说说两癌是啥',
  ])('"%s" is not a command', (text) => {
    expect(matchCommand(text, set.commands)).toBeUndefined();
  });
});

describe('matchCommand: pregnancy', () => {
  it.each([
    ['流产了', 'pregnancy_loss'],
    ['孩子没了。', 'pregnancy_loss'],
    ['没保住', 'pregnancy_loss'],
    ['先兆流产', 'pregnancy_worry'],
    ['保胎', 'pregnancy_worry'],
    ['孩子没有了', 'pregnancy_loss'],
    ['胎心没了。', 'pregnancy_loss'],
    ['胎停育', 'pregnancy_loss'],
    ['清宫了', 'pregnancy_loss'],
    ['做了人流', 'pregnancy_loss'],
    ['宝宝没留住', 'pregnancy_loss'],
  ])('%s → %s', (text, flow) => {
    expect(matchCommand(text, set.commands)).toBe(flow);
  });

  // 做过了 also answers questions (您做过切除子宫的手术吗): never a command; 了 does not count in a
  // command, so 没有胎心(了) (not yet, early on), 药流 and 我要打掉了 are not either
  it.each(['做过了', '我流产了吗', '怕流产怎么办', '没有胎心了', '药流', '我要打掉了'])('"%s" is not a command', (text) => {
    expect(matchCommand(text, set.commands)).toBeUndefined();
  });
});

describe('matchTrigger: unless', () => {
  const flow = (id: string, words: string[], unless: string[] = [], priority = 0, also: string[] = [], unlessNotIn: string[] = []): Flow => ({
    id,
    description: id,
    insteadOf: [],
    beforeConsent: false,
    noticeAfter: false,
    triggers: [{ words, yesWords: [], unless, unlessNotIn, also, vars: {}, priority, answers: false, all: [], except: [] }],
    steps: [{ id: 'x', kind: 'say', text: 'x', next: 'end' }],
  });
  const flows = [flow('loss', ['流产了', '胎停'], ['怕', '担心', '吗'], 3), flow('topic', ['怀孕'])];

  it.each([
    ['流产了', 'loss'],
    ['医生说胎停', 'loss'],
    ['怕流产了', undefined],
    ['担心胎停，怀孕8周', 'topic'],
    ['是胎停吗', undefined],
  ])('%s → %s', (text, flowId) => {
    expect(matchTrigger(text, flows)?.flowId).toBe(flowId);
  });

  // `also`: the trigger needs one of these words too; `unless` still wins
  const withQuestion = [...flows, flow('ask', ['流产了', '胎停'], ['怕'], 3, ['吗', '原因'])];
  it.each([
    ['流产了', 'loss'],
    ['胎停了，有原因吗', 'ask'],
    ['是胎停吗', 'ask'],
    ['怕流产了吗', undefined],
    ['原因', undefined],
  ])('also: %s → %s', (text, flowId) => {
    expect(matchTrigger(text, withQuestion)?.flowId).toBe(flowId);
  });

  // `unlessNotIn`: an unless word only inside one of these words does not count
  const births = [flow('birth', ['生了'], ['产生', '发生'], 1, [], ['剖腹产', '顺产'])];
  it.each([
    ['剖腹产生了', 'birth'],
    ['顺产生了个闺女', 'birth'],
    ['产生了', undefined],
    ['顺产 发生了', undefined],
  ])('unlessNotIn: %s → %s', (text, flowId) => {
    expect(matchTrigger(text, births)?.flowId).toBe(flowId);
  });
});

describe('matchTrigger', () => {
  // (her words as the spoken forms leave them: 后晌 is 下午, 莫要 不要, 哒 了, gai到 改到)
  it.each([
    // going to a hospital on a day, for one she names: a booking, whatever else was done before
    ['我就查个宫颈 乳腺去年自个儿查过了 后天下午去妇幼', 'booking'],
    ['唐筛 周四上午到妇幼', 'booking'],
    // NT by its long name
    ['颈项透明那个还约得到啵 我十三周两天了', 'booking'],
    // her booking not wanted any more: given back (confirmed first)
    ['屋里收晚稻搞不赢 周四那个号不要了 下回再讲', 'cancel_booking'],
    // moved to the same day's other session; a verb left in pinyin
    ['周三早上我得送孙子上学 能换成那天下午不', 'change_booking'],
    ['周一要走亲戚 唐筛改到14号吧', 'change_booking'],
  ])('%s → %s', (text, flowId) => {
    expect(matchTrigger(text, set.flows.values())).toMatchObject({ flowId });
  });

  it.each(['上周三去妇幼查了宫颈', '明天去妇幼查两癌要空腹不', '后天去妇幼拿两癌的报告'])('%s is no new booking', (text) => {
    expect(matchTrigger(text, set.flows.values())?.flowId).not.toBe('booking');
  });

  it.each([
    ['我能免费做两癌筛查吗?', 'eligibility', { programme: 'twoCancer' }],
    ['你好，我想问问宫颈癌筛查', 'eligibility', { programme: 'twoCancer' }],
    ['怀孕了能免费做唐筛吗', 'eligibility', { programme: 'prenatal' }],
    // every prenatal screening by name, as 唐筛
    ['大排畸免费不 现在二十一周', 'eligibility', { programme: 'prenatal' }],
    ['糖耐量免费吗', 'eligibility', { programme: 'prenatal' }],
    ['OGTT要自费吗', 'eligibility', { programme: 'prenatal' }],
    ['能免费做筛查吗', 'eligibility', {}],
    ['你好', 'menu', {}],
    ['在吗', 'menu', {}],
    ['好的谢谢', 'thanks', {}],
    ['我想预约两癌筛查', 'booking', {}],
    ['帮我预约唐筛', 'booking', {}],
    ['我要取消预约', 'cancel_booking', {}],
    ['宫颈癌筛查改约', 'change_booking', {}],
  ])('%s → %s %o', (text, flowId, vars) => {
    expect(matchTrigger(text, set.flows.values())).toMatchObject({ flowId, vars });
  });

  it.each([
    // registering a pregnancy: news, not a question about another programme
    ['我怀孕了', 'pregnancy', {}],
    ['登记孕期', 'pregnancy', {}],
    ['怀上了，要提醒', 'pregnancy', {}],
    ['我怀孕了能做两癌吗', 'eligibility', { programme: 'twoCancer' }],
    ['我怀孕了，能做产前筛查吗', 'eligibility', { programme: 'prenatal' }],
    ['我怀孕了想预约NT', 'booking', {}],
    ['医生说预产期是10月5号', 'pregnancy_redate', {}],
    ['B超预产期不对', 'pregnancy_redate', {}],
    ['宝宝出生了', 'birth', {}],
    ['已经生了', 'birth', {}],
    ['生了', 'birth', {}],
    ['生完孩子能做两癌吗', 'eligibility', { programme: 'twoCancer' }],
    ['我生了两个孩子能做两癌吗', 'eligibility', { programme: 'twoCancer' }],
    ['宝宝提醒', 'newborn', {}],
    ['NT做过了', 'screening_done', {}],
    ['已经做了', 'screening_done', {}],
    ['我去年做过了两癌', 'eligibility', { programme: 'twoCancer' }],
    // a loss
    ['流产了', 'pregnancy_loss', {}],
    ['医生说胎停了', 'pregnancy_loss', {}],
    ['孩子没保住', 'pregnancy_loss', {}],
    ['宝宝没了', 'pregnancy_loss', {}],
    ['小产了', 'pregnancy_loss', {}],
    ['胎死腹中', 'pregnancy_loss', {}],
    ['上周引产了', 'pregnancy_loss', {}],
    // worry is never a loss
    ['先兆流产', 'pregnancy_worry', {}],
    ['前几天感冒了吃了两顿感冒药 那时候不知道怀上了 对孩儿有影响没', 'pregnancy_worry', {}],
    ['拍了片子 孩子能要不', 'pregnancy_worry', {}],
    ['怀孕了打了疫苗对宝宝有没有影响', 'pregnancy_worry', {}],
    ['怕流产', 'pregnancy_worry', {}],
    ['会不会流产', 'pregnancy_worry', {}],
    ['担心胎停', 'pregnancy_worry', {}],
    ['怎么防止流产', 'pregnancy_worry', {}],
    ['保胎', 'pregnancy_worry', {}],
    ['我怕流产了怎么办', 'pregnancy_worry', {}],
    ['胎停了吗', 'pregnancy_worry', {}],
    ['宝宝没了胎动', 'pregnancy_worry', {}],
    ['可能胎停了', 'pregnancy_worry', {}],
    ['医生说好像流产了', 'pregnancy_worry', {}],
    ['胎心没了吗', 'pregnancy_worry', {}],
    ['孩子没了吗', 'pregnancy_worry', {}],
  ])('%s → %s %o', (text, flowId, vars) => {
    expect(matchTrigger(text, set.flows.values())).toMatchObject({ flowId, vars });
  });

  // a loss now, said as women say it
  it.each([
    '宝宝没有了',
    '孩子没有了',
    '昨天流产了',
    '胎心没了',
    '没有胎心了',
    '胎停育',
    '清宫了',
    '做了清宫',
    '医生说胎停了，明天去清宫',
    '药流了',
    '做了人流',
    '打掉了',
    '孩子没留住',
    '宝宝走了',
    '上次流产了，这次又胎停了',
    '以前流产过，这次又没保住',
  ])('"%s" is a loss', (text) => {
    expect(matchTrigger(text, set.flows.values())?.flowId).toBe('pregnancy_loss');
  });

  it.each(['上次流产了，这次孩子也没了', '上次没保住，这次也没保住'])('"%s" is a loss now', (text) => {
    expect(matchTrigger(text, set.flows.values())?.flowId).toBe('pregnancy_loss');
  });

  // a loss with a question: asked first, never ended on a guess
  it.each(['胎停了，是什么原因', '孩子没保住，还会给我发提醒吗', '流产了怎么办', '清宫了多久能洗澡', '又流产了，为什么'])(
    '"%s" asks to confirm the loss',
    (text) => {
      expect(matchTrigger(text, set.flows.values())?.flowId).toBe('pregnancy_loss_confirm');
    },
  );

  // a loss before this pregnancy: neither a loss nor a question about one
  it.each([
    ['我去年流产了，现在又怀上了', 'pregnancy'],
    ['上次流产了，这次8周', 'pregnancy'],
    ['之前小产过一次，这次想早点做检查', 'pregnancy'],
    ['上次没保住，这次12周了', 'pregnancy'],
    ['以前流产过，孕8周了', 'pregnancy'],
    ['流产过一次还能做NT吗', 'eligibility'],
    ['以前胎停过两次', undefined],
    // a loss with a time before now and no pregnancy since: asked whether it is this one
    ['去年流产了', 'pregnancy_loss_confirm'],
    ['之前胎停了，上周清宫了', 'pregnancy_loss_confirm'],
    ['流产过，多久能再怀孕', undefined],
    // a plan is not a loss
    ['我要打掉了', undefined],
  ])('"%s" → %s, not a loss', (text, flowId) => {
    expect(matchTrigger(text, set.flows.values())?.flowId).toBe(flowId);
  });

  // the birth with its day (the date is read from the same message)
  it.each(['宝宝昨天出生了', '孩子2月27号生的', '宝宝3天前生的', '昨天生的，是个女儿', '宝宝3月1日出生了'])('"%s" reports the birth', (text) => {
    expect(matchTrigger(text, set.flows.values())?.flowId).toBe('birth');
  });

  it('only the birth words with a day hand the message to the date question', () => {
    expect(matchTrigger('宝宝昨天生的', set.flows.values())).toMatchObject({ flowId: 'birth', answers: true });
    expect(matchTrigger('宝宝出生了，今天出院了', set.flows.values())).toMatchObject({ flowId: 'birth', answers: false });
    expect(matchTrigger('生了 前天夜里剖的', set.flows.values())).toMatchObject({ flowId: 'birth', answers: true });
    expect(matchTrigger('俺生了个闺女 3月1号生的', set.flows.values())).toMatchObject({ flowId: 'birth', answers: true });
    // a ward number: not her baby's day

    expect(matchTrigger('生了个儿子 住在3号病房', set.flows.values())).toMatchObject({ flowId: 'birth', answers: false });
  });

  // someone else's baby, or unclear whose: others_news.yaml (ofAnother), which ends nothing or asks first
  it.each([
    ['我妹妹昨天生了个儿子', 'birth', 'another'],
    ['我表姐生了', 'birth', 'another'],
    ['我老妹昨天生了 是个满崽 我还有两个多月', 'birth', 'another'],
    ['我妹妹孩子没保住', 'pregnancy_loss', 'another'],
    ['我邻居家媳妇前几天流产了', 'pregnancy_loss', 'another'],
    ['她孩子没了', 'pregnancy_loss', 'unclear'],
    ['我媳妇流产了', 'pregnancy_loss', 'unclear'],
    ['孩子没了 我嫂子说的', 'pregnancy_loss', 'unclear'],
    ['我妹妹胎停了，是什么原因', 'pregnancy_loss_confirm', 'another'],
  ])('"%s" is news of %s told of another woman (%s)', (text, news, whose) => {
    expect(matchTrigger(text, set.flows.values())).toMatchObject({ flowId: 'others_news', vars: { news, whose }, answers: true });
  });

  it.each([
    ['孩子没保住', 'pregnancy_loss'],
    ['宝宝昨天出生了', 'birth'],
    ['我生了', 'birth'],
    ['我邻居家媳妇前几天胎停了 我这才十周 心里怕得很 怎么办', 'pregnancy_worry'],
    ['生了两个孩子', undefined],
  ])('"%s" → %s (her own news, or not news)', (text, flowId) => {
    expect(matchTrigger(text, set.flows.values())?.flowId).toBe(flowId);
  });

  it.each([
    '发生了什么',
    '快生了',
    '还没生',
    '我先生了解一下',
    '我是1985年3月3号生的',
    '我老公是3月5号出生的',
    '医生说宝宝3月5号出生',
    '预产期3月5号',
    '孩子是哪天生的好',
  ])('"%s" starts no pregnancy flow', (text) => {
    const m = matchTrigger(text, set.flows.values());
    expect(['birth', 'pregnancy_loss', 'pregnancy']).not.toContain(m?.flowId);
  });

  it('finds nothing in unrelated words', () => {
    expect(matchTrigger('今天天气不错', set.flows.values())).toBeUndefined();
  });
});

describe('matchTrigger: a plain yes (answer: yes)', () => {
  it.each([
    ['好的', 'offer_reply'],
    ['要', 'offer_reply'],
    ['行', 'offer_reply'],
    ['可以的', 'offer_reply'],
    ['约吧', 'offer_reply'],
    ['嗯', 'offer_reply'],
    // a word of another flow wins
    ['好的，谢谢', 'thanks'],
    ['好的，预约', 'booking'],
    // not a plain yes
    ['不要', undefined],
    ['好的不过我想问一下', undefined],
    ['中午', undefined],
  ])('"%s" → %s', (text, flowId) => {
    expect(matchTrigger(text, set.flows.values())?.flowId).toBe(flowId);
  });
});
