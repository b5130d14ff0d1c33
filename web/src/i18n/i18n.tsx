import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
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
import { isLocale, type Locale, localeOfTag, preferredLocale } from './locales.ts';

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

function storedLocale(): Locale | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : null;
}

/**
 * The reader's language for the whole app: the one they chose on this device, else the country
 * profile's (`locale`: a CN server opens in Chinese, a VN one in Vietnamese), else the browser's
 * until the profile has answered. Only a choice made in the switcher is remembered, so a device
 * that never chose follows the server's country.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const chosen = useRef(storedLocale() !== null);
  const [locale, setCurrent] = useState<Locale>(
    () => storedLocale() ?? preferredLocale(navigator.languages ?? [navigator.language]),
  );
  // The country's time zone, for instants (until the profile answers, the device's).
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    // GET /api/profile is public: the sign-in page already speaks the country's language.
    fetch('/api/profile', { headers: { accept: 'application/json' } })
      .then((res) => (res.ok ? res.json() : null))
      .then((profile: { locale?: unknown; timeZone?: unknown } | null) => {
        if (!live) return;
        if (typeof profile?.timeZone === 'string') setTimeZone(profile.timeZone);
        const language = localeOfTag(profile?.locale);
        if (language && !chosen.current) setCurrent(language);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  const setLocale = useCallback((next: Locale) => {
    chosen.current = true;
    localStorage.setItem(STORAGE_KEY, next);
    setCurrent(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => formatMessage(locale, MESSAGES[locale][key] ?? key, params),
      date: (value, style) => formatDate(locale, value, style),
      dateTime: (value) => formatDateTime(locale, value, timeZone),
      number: (value, digits) => formatNumber(locale, value, digits),
      percent: (share, digits) => formatPercent(locale, share, digits),
      money: (amount, currency) => formatMoney(locale, amount, currency),
    }),
    [locale, setLocale, timeZone],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
