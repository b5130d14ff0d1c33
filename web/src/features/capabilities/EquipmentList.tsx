import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useProfile, useToday } from '../../api/profile.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type EquipmentStatus, type FacilityEquipment, useRecordEquipment } from './api.ts';
import { itemName } from './item-name.ts';

type Item = FacilityEquipment['equipment'][number];

const STATUS_COLOR: Record<EquipmentStatus, string> = {
  working: 'green',
  short: 'yellow',
  not_working: 'red',
  missing: 'gray',
};

/** Each standard item with its state and the three counts (working, needs repair, broken) to update. */
export function EquipmentList({
  facilityId,
  data,
  canWrite,
}: {
  facilityId: string;
  data: FacilityEquipment;
  canWrite: boolean;
}) {
  return (
    <Stack gap="sm">
      {data.equipment.map((item) => (
        <EquipmentRow key={item.code} facilityId={facilityId} item={item} canWrite={canWrite} />
      ))}
    </Stack>
  );
}

function EquipmentRow({ facilityId, item, canWrite }: { facilityId: string; item: Item; canWrite: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const { data: profile } = useProfile();
  const record = useRecordEquipment(facilityId);
  const [counts, setCounts] = useState({
    working: item.current?.working ?? 0,
    needsRepair: item.current?.needsRepair ?? 0,
    broken: item.current?.broken ?? 0,
  });
  const changed =
    counts.working !== (item.current?.working ?? 0) ||
    counts.needsRepair !== (item.current?.needsRepair ?? 0) ||
    counts.broken !== (item.current?.broken ?? 0) ||
    !item.current;
  const box = (key: keyof typeof counts, label: string) => (
    <NumberInput
      label={label}
      value={counts[key]}
      min={0}
      max={10_000}
      allowDecimal={false}
      allowNegative={false}
      disabled={!canWrite}
      onChange={(v) => setCounts((c) => ({ ...c, [key]: typeof v === 'number' ? v : Number(v) || 0 }))}
      w={{ base: 'calc(33% - 8px)', xs: 110 }}
      size="sm"
    />
  );
  return (
    <Card withBorder padding="sm" data-testid={`equipment-${item.code}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={500} style={{ minWidth: 0 }}>
            {itemName(item, i18n.locale, profile)}
          </Text>
          <Badge color={STATUS_COLOR[item.status]} variant="light" style={{ flexShrink: 0 }}>
            {t(`capabilities.status.${item.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="gray.7">
          {[
            t(`capabilities.group.${item.group}`),
            t('capabilities.equipment.expected', { count: item.minCount }),
            item.current
              ? t('capabilities.equipment.countedOn', { date: i18n.date(item.current.asOf) })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group gap="xs" align="flex-end">
          {box('working', t('capabilities.equipment.working'))}
          {box('needsRepair', t('capabilities.equipment.needsRepair'))}
          {box('broken', t('capabilities.equipment.broken'))}
          {canWrite && (
            <Button
              size="sm"
              disabled={!changed}
              loading={record.isPending}
              onClick={() => record.mutate({ itemCode: item.code, asOf: today, ...counts })}
            >
              {t('capabilities.equipment.save')}
            </Button>
          )}
        </Group>
        {record.isError && (
          <Alert color="red" role="alert" p="xs">
            {errorText(record.error, i18n)}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
