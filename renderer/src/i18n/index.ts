import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCNAntd from 'antd/locale/zh_CN';
import enUSAntd from 'antd/locale/en_US';
import { zhCN } from '../../../main/i18n/zh-CN.ts';
import { en } from '../../../main/i18n/en.ts';

export type Lang = 'zh-CN' | 'en';

// One catalogue for main and renderer: the same words in menus, errors and screens.
void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  // Some entries are empty on purpose (the symbol of a day with nothing to show).
  returnEmptyString: true,
  initAsync: false,
  // A key that is in neither catalogue would show as itself: say so where a test (or a developer) sees it.
  saveMissing: true,
  missingKeyHandler: (_languages, _namespace, key) => console.warn(`i18n: missing key "${key}"`),
});
dayjs.locale('zh-cn');

export function applyLanguage(lang: Lang): void {
  void i18next.changeLanguage(lang);
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
  document.title = i18next.t('app.name');
}

export function antdLocale(lang: Lang) {
  return lang === 'zh-CN' ? zhCNAntd : enUSAntd;
}

export { i18next };
