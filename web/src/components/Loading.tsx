import { Center, Loader, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

/** The one "loading" state of every page and list, announced to screen readers. */
export function Loading() {
  const { t } = useI18n();
  return (
    <Center p="lg" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text ml="sm">{t('common.loading')}</Text>
    </Center>
  );
}
