import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Bill } from './api.ts';
import { coverageLabel } from './labels.ts';

/**
 * The bill of a closed visit as the server priced it: what insurance pays, the co-payment, what is
 * outside insurance, and so what the resident pays at the desk; then each line. Money in the
 * profile's currency, written the reader's way.
 */
export function BillView({ bill }: { bill: Bill }) {
  const i18n = useI18n();
  const { t } = i18n;
  const money = (n: number) => i18n.money(n, bill.currency);
  const basis =
    bill.method === 'benefit-percent'
      ? t('care.bill.benefit', { percent: i18n.percent(bill.benefitPercent / 100, 0) })
      : bill.method === 'deductible-ratio'
        ? t('care.bill.deductible', {
            amount: money(bill.deductibleApplied ?? 0),
            percent: i18n.percent((bill.ratioPercent ?? 0) / 100, 0),
          })
        : t('care.bill.uninsured');
  return (
    <Card withBorder component="section" aria-labelledby="bill-title" data-testid="bill">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4" id="bill-title">
          {t('care.bill.title')}
        </Title>
        <Badge variant="light" data-testid="bill-basis">
          {basis}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0} mb="sm">
        <Total label={t('care.bill.total')} value={money(bill.totals.hospitalAmount)} testId="bill-total" />
        <Total
          label={t('care.bill.insurance')}
          value={money(bill.totals.insurancePays)}
          testId="bill-insurance"
        />
        <Total
          label={t('care.bill.coPayment')}
          value={money(bill.totals.coPayment)}
          testId="bill-copayment"
        />
        <Total label={t('care.bill.outside')} value={money(bill.totals.patientPays)} testId="bill-outside" />
      </SimpleGrid>
      <Group gap="xs" mb="sm">
        <Text fw={700}>{t('care.bill.resident')}</Text>
        <Text fw={700} size="xl" data-testid="bill-resident">
          {money(bill.totals.residentPays)}
        </Text>
      </Group>
      {bill.lines.length === 0 ? (
        <Text c="dimmed">{t('care.bill.none')}</Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" data-testid="bill-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('care.bill.item')}</Table.Th>
              <Table.Th ta="right">{t('care.bill.amount')}</Table.Th>
              <Table.Th ta="right">{t('care.bill.insurance')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bill.lines.map((line) => (
              <Table.Tr key={line.recordId}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm">{line.name}</Text>
                    <Text size="xs" c="dimmed">
                      {`${line.quantity} × ${money(line.unitPrice)}`} · {coverageLabel(line.coverage, i18n)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td ta="right">{money(line.hospitalAmount)}</Table.Td>
                <Table.Td ta="right">{money(line.insurancePays)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Total({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600}>
        {value}
      </Text>
    </div>
  );
}
