import type { provinces } from '../../settings/catalog.ts';

// LEV-4: maternity and paternity leave by province, as the regulations stood in 2026. Provinces
// revise these every few years: this is data, not logic, and the setting leave.province picks the
// row. National: 98 days (+15 for a difficult birth, +15 per extra baby; those three are
// settings). Extensions are added on top of the national days.

export type Province = (typeof provinces)[number];

export interface ProvinceLeave {
  /** Days added to the national maternity leave for a first child, and for a second or later child. */
  maternityExtraDays: { first: number; later: number };
  /** Paternity leave (陪产假) in calendar days; 0 where only the national rules apply (none). */
  paternityDays: number;
  /** The regulation the row comes from, shown beside the number. */
  source: string;
}

export const provinceLeave: Record<Province, ProvinceLeave> = {
  national: { maternityExtraDays: { first: 0, later: 0 }, paternityDays: 0, source: '女职工劳动保护特别规定（2012）' },
  beijing: { maternityExtraDays: { first: 60, later: 60 }, paternityDays: 15, source: '北京市人口与计划生育条例' },
  shanghai: { maternityExtraDays: { first: 60, later: 60 }, paternityDays: 10, source: '上海市人口与计划生育条例' },
  guangdong: { maternityExtraDays: { first: 80, later: 80 }, paternityDays: 15, source: '广东省人口与计划生育条例' },
  // Zhejiang: 60 days for a first child, 90 for a second or third (2021 revision).
  zhejiang: { maternityExtraDays: { first: 60, later: 90 }, paternityDays: 15, source: '浙江省人口与计划生育条例' },
  // "延长产假三个月" and "陪产假一个月": three months and one month taken as 90 and 30 days.
  henan: { maternityExtraDays: { first: 90, later: 90 }, paternityDays: 30, source: '河南省人口与计划生育条例' },
};
