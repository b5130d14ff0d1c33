import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAlerts, useOnHand } from './api.ts';
import { FiguresTable } from './FiguresTable.tsx';
import { AdjustForm, CountForm, ReceiveForm } from './ShelfForms.tsx';
import { TransfersPanel } from './TransfersPanel.tsx';

/**
 * A station's shelf: the facility in the address (`?facility=`), else the one the signed-in user
 * works at. Its figures and alerts per medicine (on hand, monthly use, months of stock, near expiry,
 * days out, the max-min order), and for those who may write stock the receive, adjust and count forms;
 * its transfers to and from other facilities (in transit, receiving, sending).
 */
export function ShelfPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const facilityId = params.get('facility') || session.roles.find((r) => r.facility)?.facility?.id;
  const alerts = useAlerts(facilityId);
  const onHand = useOnHand(facilityId);
  const canWrite = can(session, 'stock.write');
  const tab = params.get('tab') ?? 'figures';

  if (!facilityId) return <Text c="gray.7">{t('stock.shelf.noFacility')}</Text>;
  if (alerts.isPending || onHand.isPending) return <Loading />;
  const error = alerts.error ?? onHand.error;
  if (error || !alerts.data || !onHand.data)
    return (
      <Alert color="red" role="alert">
        {errorText(error, i18n)}
      </Alert>
    );
  const s = alerts.data.settings;
  const batches = onHand.data.lines.flatMap((l) => l.batches);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('stock.shelf.title')} · {alerts.data.facility.name}
      </Title>
      <Text size="sm" c="gray.7">
        {t('stock.shelf.settings', {
          months: s.amcMonths,
          min: i18n.number(s.minMonths, 1),
          max: i18n.number(s.maxMonths, 1),
          days: s.nearExpiryDays,
        })}
      </Text>
      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          next.set('tab', v ?? 'figures');
          setParams(next, { replace: true });
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="figures">{t('stock.tab.figures')}</Tabs.Tab>
          {canWrite && <Tabs.Tab value="receive">{t('stock.tab.receive')}</Tabs.Tab>}
          {canWrite && batches.length > 0 && <Tabs.Tab value="adjust">{t('stock.tab.adjust')}</Tabs.Tab>}
          {canWrite && batches.length > 0 && <Tabs.Tab value="count">{t('stock.tab.count')}</Tabs.Tab>}
          <Tabs.Tab value="transfers">{t('stock.tab.transfers')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="figures" pt="md">
          {alerts.data.lines.length === 0 ? (
            <Text c="gray.7">{t('stock.shelf.empty')}</Text>
          ) : (
            <FiguresTable lines={alerts.data.lines} />
          )}
        </Tabs.Panel>
        {canWrite && (
          <Tabs.Panel value="receive" pt="md">
            <ReceiveForm facilityId={facilityId} />
          </Tabs.Panel>
        )}
        {canWrite && (
          <Tabs.Panel value="adjust" pt="md">
            <AdjustForm facilityId={facilityId} batches={batches} />
          </Tabs.Panel>
        )}
        {canWrite && (
          <Tabs.Panel value="count" pt="md">
            <CountForm facilityId={facilityId} batches={batches} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="transfers" pt="md">
          <TransfersPanel facilityId={facilityId} onHand={onHand.data} canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
