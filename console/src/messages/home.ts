// The texts of the home page's tiles, in Simplified Chinese.
export const th = {
  today: '今日工作',
  handoffs: '等待回复的人工请求',
  heldResults: '待发布的检查结果',
  overdueCases: '逾期的随访',
  missedScreenings: '近30天错过的孕期筛查',
  bookingsToday: '今天的预约',
  women: '查找妇女档案',
  womenHint: '按预约号、手机号、身份证号查找',
  pregnancies: '孕期管理',
  unit: '人',
  items: '条',
  open: '打开',
  viaMenu: '请从左侧菜单进入相应页面处理。',
};
