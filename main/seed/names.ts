import type { Random } from './random.ts';

// Common surnames roughly by frequency, and characters often used in given names.
const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const givenChars =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鑫宇浩凯晨轩然雨欣怡佳琪梓涵子萱思雅婷瑶一诺梦琳俊博文昊天宏志鹏飞建国海波丹晶颖倩慧云亮辉斌健峰春梅兰';

export function chineseName(random: Random): string {
  const surname = surnames[Math.min(surnames.length - 1, Math.floor(Math.pow(random.next(), 1.6) * surnames.length))]!;
  const length = random.chance(0.35) ? 1 : 2;
  let given = '';
  for (let i = 0; i < length; i++) given += random.pick([...givenChars]);
  return surname + given;
}

export function mobilePhone(random: Random): string {
  const prefix = random.pick([
    '130',
    '131',
    '132',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '155',
    '158',
    '159',
    '166',
    '176',
    '177',
    '180',
    '181',
    '186',
    '187',
    '188',
    '189',
    '199',
  ]);
  return prefix + String(random.int(0, 99_999_999)).padStart(8, '0');
}

export const groupNames = ['一组', '二组', '三组', '四组', '五组', '六组', '七组', '八组', '九组', '十组'];

/** 一组 … 十组, then 十一组, 二十三组 and so on. */
export function groupName(index: number): string {
  const digits = '零一二三四五六七八九';
  const n = index + 1;
  if (n <= 10) return groupNames[index]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}组`;
}
