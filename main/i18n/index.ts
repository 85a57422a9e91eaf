import i18next, { type TOptions } from 'i18next';
import { z } from 'zod';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';

export const languages = ['zh-CN', 'en'] as const;
export type Lang = (typeof languages)[number];
export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const;

// Main's own instance: error messages, menus and export headers in the user's language.
const i18n = i18next.createInstance();
// Some entries are empty on purpose (the symbol of a day with nothing to show).
void i18n.init({ resources, lng: 'zh-CN', fallbackLng: 'zh-CN', interpolation: { escapeValue: false }, returnEmptyString: true, initAsync: false });

let current: Lang = 'zh-CN';

export function setLanguage(lang: Lang): void {
  current = lang;
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): Lang {
  return current;
}

export function t(key: string, params?: TOptions): string {
  return i18n.t(key, params ?? {}) as string;
}

/** zod's own messages (type mismatches and the like) in the current language. */
export function zodLocaleError(): z.core.$ZodErrorMap {
  return (current === 'en' ? z.locales.en() : z.locales.zhCN()).localeError;
}

/** "入职日期" for a field path such as ["rows", 3, "hireDate"]; the raw name when unknown. */
export function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  const name = [...path].reverse().find((p) => typeof p === 'string');
  if (typeof name !== 'string') return '';
  const key = `fields.${name}`;
  return i18n.exists(key) ? t(key) : name;
}
