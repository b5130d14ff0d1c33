import { Text } from '@mantine/core';
import type { Page } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A list's total as words: "169", or "1,000+" where the server stopped counting (a lower bound).
 * Use it as the `{total}` of a message.
 */
export function useTotalText(): (total: Page<unknown>['total']) => string {
  const { number } = useI18n();
  return (total) => `${number(total.count, 0)}${total.exact ? '' : '+'}`;
}

/** "Showing 20 of 169" above a list that loads more on demand, announced when it changes. */
export function ListTotal({ shown, total }: { shown: number; total: Page<unknown>['total'] }) {
  const { t, number } = useI18n();
  const totalText = useTotalText();
  return (
    <Text size="sm" c="gray.7" aria-live="polite" data-testid="list-total">
      {t('common.shownOf', { shown: number(shown, 0), total: totalText(total) })}
    </Text>
  );
}
