import { Table, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FacilityStock } from './api.ts';
import { ScrollTable } from './ScrollTable.tsx';
import { StatusBadge } from './StatusBadge.tsx';

type Line = FacilityStock['lines'][number];

/** Per medicine: on hand, monthly use, months of stock, status, near expiry, days out, what to order. */
export function FiguresTable({ lines }: { lines: readonly Line[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <ScrollTable
      label={t('stock.tab.figures')}
      testId="stock-figures"
      minWidth={640}
      columns={[
        { label: t('stock.col.medicine') },
        { label: t('stock.col.onHand'), right: true },
        { label: t('stock.col.amc'), right: true },
        { label: t('stock.col.months'), right: true },
        { label: t('stock.col.status') },
        { label: t('stock.col.nearExpiry') },
        { label: t('stock.col.stockOutDays'), right: true },
        { label: t('stock.col.order'), right: true },
      ]}
    >
      {lines.map((l) => (
        <Table.Tr key={l.medicineId} data-testid={`figure-${l.medicineCode}`}>
          <Table.Td>
            <Text size="sm">{l.medicineName}</Text>
            <Text size="xs" c="gray.7">
              {l.medicineCode} · {l.unit}
            </Text>
          </Table.Td>
          <Table.Td ta="right">{i18n.number(l.usable)}</Table.Td>
          <Table.Td ta="right">{i18n.number(l.amc, 1)}</Table.Td>
          <Table.Td ta="right">
            {l.monthsOfStock === null ? t('stock.none') : i18n.number(l.monthsOfStock, 1)}
          </Table.Td>
          <Table.Td>
            <StatusBadge status={l.status} />
          </Table.Td>
          <Table.Td>
            {l.nearExpiry.units > 0 && l.nearExpiry.earliest
              ? t('stock.nearExpiry.units', {
                  units: i18n.number(l.nearExpiry.units),
                  date: i18n.date(l.nearExpiry.earliest),
                })
              : t('stock.none')}
          </Table.Td>
          <Table.Td ta="right">{i18n.number(l.stockOutDays)}</Table.Td>
          <Table.Td ta="right">
            {l.suggestedOrder > 0 ? i18n.number(l.suggestedOrder) : t('stock.none')}
          </Table.Td>
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}
