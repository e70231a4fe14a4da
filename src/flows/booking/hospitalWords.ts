// The words a woman names a hospital by (booking.yaml's hospital lists).
/**
 * A hospital as women name it (去妇幼, 在妇幼保健院): its name, without the county's (项城市妇幼保健院 →
 * 妇幼保健院), and without 保健院 / 医院 as well (妇幼); a numbered people's hospital by its number (一院).
 * Not the bare kind (医院 alone names none).
 */
export function hospitalWords(name: string, countyName: string): string[] {
  const county = countyName.replace(/(市|县|区)$/u, '');
  const bare = name.startsWith(countyName) ? name.slice(countyName.length) : name.startsWith(county) ? name.slice(county.length) : name;
  const short = bare.replace(/(保健院|卫生院|医院)$/u, '');
  // 第一人民医院 as women say it: 一院, 人民医院, 第一医院 (not 一医院: one letter from 去医院)
  const nth = /^第([一二三四五六七八九十]+)人民医院$/u.exec(bare);
  const spoken = nth ? [`${nth[1]}院`, '人民医院', `第${nth[1]}医院`] : [];
  return [...new Set([name, bare, short, ...spoken])].filter((w) => w.length >= 2);
}

/**
 * The one hospital her words name to go to (唐筛改到妇幼去吧), by the words above; undefined when they
 * name none, or more than one, or turn one down (一院太远, 不去妇幼).
 */
export function hospitalNamed(text: string, hospitals: readonly { id: string; name: string }[], countyName: string): string | undefined {
  const named = hospitals.filter((h) => hospitalWords(h.name, countyName).some((w) => text.includes(w)));
  return named.length === 1 && !/[不没别莫]去|太远|远了|不要/u.test(text) ? named[0].id : undefined;
}
