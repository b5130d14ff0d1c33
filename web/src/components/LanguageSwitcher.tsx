import { NativeSelect } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { isLocale, LOCALE_NAMES, LOCALES } from '../i18n/locales.ts';

/** A native select: the phone's own picker, reachable by keyboard, readable by screen readers. */
export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      data-testid="language-switcher"
      size="xs"
      w={112}
      value={locale}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLocale(next)) setLocale(next);
      }}
      data={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
    />
  );
}
