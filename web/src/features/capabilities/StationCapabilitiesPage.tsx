import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useProfile } from '../../api/profile.ts';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useFacilityEquipment, useFacilityServices } from './api.ts';
import { EquipmentList } from './EquipmentList.tsx';
import { itemName } from './item-name.ts';
import { ServicesList } from './ServicesList.tsx';

/**
 * A station's services and equipment against its standard: the facility in the address
 * (`?facility=`), else the one the signed-in user works at. Ticking a service records it offered
 * from today; unticking asks why; an item's counts are saved as a new count of today.
 */
export function StationCapabilitiesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSignedIn();
  const { data: profile } = useProfile();
  const [params, setParams] = useSearchParams();
  const facilityId = params.get('facility') || session.roles.find((r) => r.facility)?.facility?.id;
  const services = useFacilityServices(facilityId);
  const equipment = useFacilityEquipment(facilityId);
  const canWrite = can(session, 'services.write');
  const tab = params.get('tab') === 'equipment' ? 'equipment' : 'services';

  if (!facilityId) return <Text c="gray.7">{t('capabilities.station.noFacility')}</Text>;
  if (services.isPending || equipment.isPending) return <Loading />;
  const error = services.error ?? equipment.error;
  if (error || !services.data || !equipment.data)
    return (
      <Alert color="red" role="alert">
        {errorText(error, i18n)}
      </Alert>
    );
  const s = services.data;
  const e = equipment.data;
  const expected = s.services.filter((x) => x.expected);
  const items = e.equipment.filter((x) => x.expected);
  const title =
    s.standard && itemName({ name: s.standard.title, nameEn: s.standard.titleEn }, i18n.locale, profile);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('capabilities.station.title')} · {s.facility.name}
      </Title>
      <Text size="sm" c="gray.7">
        {title ? t('capabilities.station.standard', { title }) : t('capabilities.station.noStandard')}
      </Text>
      <Text size="sm" data-testid="station-summary">
        {t('capabilities.station.summary', {
          offered: expected.filter((x) => x.current?.offered).length,
          expected: expected.length,
          working: items.filter((x) => x.status === 'working').length,
          items: items.length,
        })}
      </Text>
      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          next.set('tab', v === 'equipment' ? 'equipment' : 'services');
          setParams(next, { replace: true });
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="services">{t('capabilities.tab.services')}</Tabs.Tab>
          <Tabs.Tab value="equipment">{t('capabilities.tab.equipment')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="services" pt="md">
          <ServicesList facilityId={s.facility.id} data={s} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="equipment" pt="md">
          <EquipmentList facilityId={e.facility.id} data={e} canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
