import type { CountryProfile } from '../../api/profile.ts';
import { type Locale, localeOfTag } from '../../i18n/locales.ts';

/**
 * A standard item's name for the reader: the standard writes it in the profile's language and in
 * English, so a reader in the profile's language reads the first and any other reader the English.
 */
export function itemName(
  item: { name: string; nameEn: string },
  locale: Locale,
  profile: CountryProfile | undefined,
): string {
  return profile && localeOfTag(profile.locale) === locale ? item.name : item.nameEn;
}
