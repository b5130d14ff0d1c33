import { Alert, Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AreaParamPicker, useAreaParam } from '../facilities/AreaParamPicker.tsx';
import { useDistrictStock } from './api.ts';
import { ScrollTable } from './ScrollTable.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/**
 * The district's (or any area's) medicines: every facility with its stock-outs, medicines below min
 * and near expiry, the worst first, each with its alert lines and a link to its shelf.
 */
export function DistrictStockPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const area = useAreaParam();
  const { home, areaCode } = area;
  const roll = useDistrictStock(areaCode);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('stock.district.title')}
      </Title>
      <AreaParamPicker label={t('stock.district.area')} area={area} />
      {home.isPending || roll.isPending ? (
        <Loading />
      ) : roll.isError || !roll.data ? (
        <Alert color="red" role="alert">
          {errorText(roll.error, i18n)}
        </Alert>
      ) : (
        <>
          <ScrollTable
            label={t('stock.district.title')}
            testId="district-stock"
            minWidth={420}
            columns={[
              { label: t('stock.col.facility') },
              { label: t('stock.col.stockOuts'), right: true },
              { label: t('stock.col.belowMin'), right: true },
              { label: t('stock.col.nearExpiry'), right: true },
            ]}
          >
            {roll.data.facilities.map((f) => (
              <Table.Tr key={f.facility.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/stock?facility=${f.facility.id}`}>
                    {f.facility.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{i18n.number(f.stockOuts)}</Table.Td>
                <Table.Td ta="right">{i18n.number(f.belowMin)}</Table.Td>
                <Table.Td ta="right">{i18n.number(f.nearExpiry)}</Table.Td>
              </Table.Tr>
            ))}
          </ScrollTable>
          <Title order={2} size="h4">
            {t('stock.district.alerts')}
          </Title>
          {roll.data.facilities.every((f) => f.alerts.length === 0) && (
            <Text c="gray.7">{t('stock.district.noAlerts')}</Text>
          )}
          {roll.data.facilities
            .filter((f) => f.alerts.length > 0)
            .map((f) => (
              <Card key={f.facility.id} withBorder padding="sm" data-testid="district-alerts">
                <Text fw={600} size="sm">
                  {f.facility.name}
                </Text>
                <Stack gap={4} mt={4}>
                  {f.alerts.map((a) => (
                    <Text key={a.medicineId} size="sm">
                      <StatusBadge status={a.status} /> {a.medicineName}
                    </Text>
                  ))}
                </Stack>
              </Card>
            ))}
        </>
      )}
    </Stack>
  );
}
