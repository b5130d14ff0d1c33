import { ScrollArea, Table, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FacilityStock } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';

type Line = FacilityStock['lines'][number];

/** Per medicine: on hand, monthly use, months of stock, status, near expiry, days out, what to order. */
export function FiguresTable({ lines }: { lines: readonly Line[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <ScrollArea
      type="auto"
      viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('stock.tab.figures') }}
    >
      <Table striped miw={640} data-testid="stock-figures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stock.col.medicine')}</Table.Th>
            <Table.Th ta="right">{t('stock.col.onHand')}</Table.Th>
            <Table.Th ta="right">{t('stock.col.amc')}</Table.Th>
            <Table.Th ta="right">{t('stock.col.months')}</Table.Th>
            <Table.Th>{t('stock.col.status')}</Table.Th>
            <Table.Th>{t('stock.col.nearExpiry')}</Table.Th>
            <Table.Th ta="right">{t('stock.col.stockOutDays')}</Table.Th>
            <Table.Th ta="right">{t('stock.col.order')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
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
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
