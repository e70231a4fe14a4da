// The words a woman names a hospital by (booking.yaml's hospital lists).
/**
 * A hospital as women name it (去妇幼, 在妇幼保健院): its name, without the county's (项城市妇幼保健院 →
 * 妇幼保健院), and without 保健院 / 医院 as well (妇幼). Not the bare kind (医院 alone names none).
 */
export function hospitalWords(name: string, countyName: string): string[] {
  const county = countyName.replace(/(市|县|区)$/u, '');
  const bare = name.startsWith(countyName) ? name.slice(countyName.length) : name.startsWith(county) ? name.slice(county.length) : name;
  const short = bare.replace(/(保健院|卫生院|医院)$/u, '');
  return [...new Set([name, bare, short])].filter((w) => w.length >= 2);
}
