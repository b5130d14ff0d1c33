import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { MESSAGES, type MessageKey } from './catalog.ts';
import {
  formatDate,
  formatDateTime,
  formatMessage,
  formatMoney,
  formatNumber,
  formatPercent,
  type MessageParams,
} from './format.ts';
import { isLocale, type Locale, preferredLocale } from './locales.ts';

const STORAGE_KEY = 'grassroots.locale';

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** The message in the reader's language; pass counts as numbers, so a plural form can choose by them. */
  t: (key: MessageKey, params?: MessageParams) => string;
  date: (value: string | Date, style?: 'short' | 'long') => string;
  dateTime: (value: string | Date) => string;
  number: (value: number, fractionDigits?: number) => string;
  percent: (share: number, fractionDigits?: number) => string;
  money: (amount: number, currency: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : preferredLocale(navigator.languages ?? [navigator.language]);
}

/** The reader's language for the whole app, remembered on this device. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem(STORAGE_KEY, locale);
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => formatMessage(locale, MESSAGES[locale][key] ?? key, params),
      date: (value, style) => formatDate(locale, value, style),
      dateTime: (value) => formatDateTime(locale, value),
      number: (value, digits) => formatNumber(locale, value, digits),
      percent: (share, digits) => formatPercent(locale, share, digits),
      money: (amount, currency) => formatMoney(locale, amount, currency),
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
