// Her message in Simplified characters: a woman writing 繁体 (a phone set to Traditional, family in
// Taiwan or Hong Kong) is read like any other. OpenCC's Traditional → Simplified (mainland)
// conversion with its phrase tables, for both the Taiwan and the Hong Kong variant forms (乾淨 is
// 干净, 著急 is 着急, 衞生院 is 卫生院); Simplified text passes through unchanged.
import { Converter } from 'opencc-js/t2cn';

const fromTaiwan = Converter({ from: 'tw', to: 'cn' });
const fromHongKong = Converter({ from: 'hk', to: 'cn' });

export function toSimplified(text: string): string {
  // 么 is Simplified (要钱么, 什么) but Taiwan's variant table reads it as 幺: keep it as she wrote it
  return text
    .split('么')
    .map((part) => fromHongKong(fromTaiwan(part)))
    .join('么');
}
