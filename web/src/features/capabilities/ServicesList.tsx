import { Alert, Badge, Button, Card, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useProfile, useToday } from '../../api/profile.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type FacilityServices, useRecordService } from './api.ts';
import { itemName } from './item-name.ts';

type Service = FacilityServices['services'][number];

/** The standard's services by group, each with a switch: on records "offered since today", off asks why. */
export function ServicesList({
  facilityId,
  data,
  canWrite,
}: {
  facilityId: string;
  data: FacilityServices;
  canWrite: boolean;
}) {
  const { t } = useI18n();
  const groups = [...new Set(data.services.map((s) => s.group))];
  return (
    <Stack gap="md">
      {groups.map((group) => (
        <Card key={group} withBorder padding="sm">
          <Title order={3} size="h5" mb="xs">
            {t(`capabilities.group.${group}`)}
          </Title>
          <Stack gap="xs">
            {data.services
              .filter((s) => s.group === group)
              .map((s) => (
                <ServiceRow key={s.code} facilityId={facilityId} service={s} canWrite={canWrite} />
              ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function ServiceRow({
  facilityId,
  service,
  canWrite,
}: {
  facilityId: string;
  service: Service;
  canWrite: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const { data: profile } = useProfile();
  const record = useRecordService(facilityId);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const offered = service.current?.offered === true;
  const name = itemName(service, i18n.locale, profile);
  const state = service.current
    ? service.current.offered
      ? t('capabilities.service.since', { date: i18n.date(service.current.since) })
      : t('capabilities.service.notOffered', {
          date: i18n.date(service.current.since),
          reason: service.current.reason ?? '',
        })
    : t('capabilities.service.undeclared');

  return (
    <Stack gap={4} data-testid={`service-${service.code}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500}>
            {name}{' '}
            {service.core && (
              <Badge size="xs" variant="light">
                {t('capabilities.service.core')}
              </Badge>
            )}
          </Text>
          <Text size="xs" c={offered ? 'green.9' : 'gray.7'}>
            {state}
          </Text>
        </Stack>
        <Switch
          checked={offered}
          disabled={!canWrite || record.isPending}
          aria-label={t('capabilities.service.toggle', { name })}
          onChange={(e) => {
            if (e.currentTarget.checked) {
              setAsking(false);
              record.mutate({ serviceCode: service.code, offered: true, since: today });
            } else setAsking(true);
          }}
        />
      </Group>
      {asking && (
        <Group gap="xs" align="flex-end">
          <TextInput
            label={t('capabilities.service.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 180 }}
            size="sm"
          />
          <Button
            size="sm"
            disabled={!reason.trim()}
            loading={record.isPending}
            onClick={() =>
              record.mutate(
                { serviceCode: service.code, offered: false, since: today, reason: reason.trim() },
                { onSuccess: () => setAsking(false) },
              )
            }
          >
            {t('capabilities.service.saveNotOffered')}
          </Button>
          <Button size="sm" variant="subtle" onClick={() => setAsking(false)}>
            {t('capabilities.service.cancel')}
          </Button>
        </Group>
      )}
      {record.isError && (
        <Alert color="red" role="alert" p="xs">
          {errorText(record.error, i18n)}
        </Alert>
      )}
    </Stack>
  );
}
