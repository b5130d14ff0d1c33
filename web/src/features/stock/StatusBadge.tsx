import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { StockStatus } from './api.ts';

const COLOR: Record<StockStatus, string> = {
  stock_out: 'red',
  below_min: 'orange',
  ok: 'green',
  over_max: 'blue',
  no_consumption: 'gray',
};

/** A medicine's stock status, in the reader's language. */
export function StatusBadge({ status }: { status: StockStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={COLOR[status]} variant="light" data-testid={`status-${status}`}>
      {t(`stock.status.${status}`)}
    </Badge>
  );
}
