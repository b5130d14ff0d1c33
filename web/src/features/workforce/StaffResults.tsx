import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Profile, Worker } from './api.ts';
import { profileLabel } from './labels.ts';

interface Props {
  workers: Worker[];
  profile: Profile | undefined;
}

/** Health workers as a table on wide screens and as stacked cards on a phone. */
export function StaffResults({ workers, profile }: Props) {
  const { t } = useI18n();
  const cadre = (w: Worker) => profileLabel(t, 'cadre', w.cadre, profile);
  const qualification = (w: Worker) => profileLabel(t, 'qualification', w.qualification, profile);
  const facility = (w: Worker) =>
    w.currentAssignment ? w.currentAssignment.facilityName : t('workforce.staff.noAssignment');
  const name = (w: Worker) => (
    <Anchor component={Link} to={`/workforce/workers/${w.id}`} fw={500}>
      {w.fullName}
    </Anchor>
  );
  const inactive = (w: Worker) =>
    !w.active && (
      <Badge color="gray" variant="light" size="sm" tt="none">
        {t('workforce.staff.inactive')}
      </Badge>
    );

  return (
    <>
      <Table visibleFrom="sm" striped highlightOnHover aria-label={t('workforce.staff.list')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('workforce.staff.code')}</Table.Th>
            <Table.Th>{t('workforce.staff.name')}</Table.Th>
            <Table.Th>{t('workforce.staff.cadre')}</Table.Th>
            <Table.Th>{t('workforce.staff.qualification')}</Table.Th>
            <Table.Th>{t('workforce.staff.facility')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {workers.map((w) => (
            <Table.Tr key={w.id} data-testid="worker-row">
              <Table.Td>{w.code}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {name(w)}
                  {inactive(w)}
                </Group>
              </Table.Td>
              <Table.Td>{cadre(w)}</Table.Td>
              <Table.Td>{qualification(w)}</Table.Td>
              <Table.Td>{facility(w)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack hiddenFrom="sm" gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {workers.map((w) => (
          <Card component="li" key={w.id} withBorder padding="sm" data-testid="worker-card">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              {name(w)}
              <Text size="xs" c="dimmed">
                {w.code}
              </Text>
            </Group>
            <Text size="sm">
              {cadre(w)} · {qualification(w)}
            </Text>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {facility(w)}
              </Text>
              {inactive(w)}
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  );
}
