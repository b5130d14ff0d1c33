import { Alert, Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Household, useHousehold } from './api.ts';
import { birthLabel, relationshipLabel, statusLabel } from './labels.ts';

/** The resident's household: book number, address, village, and every member with a link to each. */
export function HouseholdSection({
  household,
  residentId,
}: {
  household: Household | null;
  residentId: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const detail = useHousehold(household?.id);
  return (
    <Card withBorder component="section" aria-labelledby="household-title" data-testid="household">
      <Title order={2} size="h4" id="household-title" mb="xs">
        {t('residents.household.title')}
      </Title>
      {!household ? (
        <Text c="dimmed">{t('residents.household.none')}</Text>
      ) : (
        <Stack gap="xs">
          <Text>
            {household.address} · {household.area.name}
          </Text>
          {household.code && (
            <Text size="sm" c="dimmed">
              {t('residents.household.code', { code: household.code })}
            </Text>
          )}
          {detail.isPending && <Loader size="xs" aria-label={t('common.loading')} />}
          {detail.isError && <Alert color="red">{errorText(detail.error, i18n)}</Alert>}
          {detail.data && (
            <>
              <Text fw={600} size="sm">
                {t('residents.household.members', { count: detail.data.members.length })}
              </Text>
              <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {detail.data.members.map((m) => (
                  <Group component="li" key={m.id} gap="xs" wrap="wrap" data-testid="household-member">
                    {m.id === residentId ? (
                      <Text fw={600}>{m.fullName}</Text>
                    ) : (
                      <Anchor component={Link} to={`/residents/${m.id}`}>
                        {m.fullName}
                      </Anchor>
                    )}
                    <Text size="sm" c="dimmed">
                      {[
                        relationshipLabel(m.relationshipToHead, i18n),
                        birthLabel(m, i18n),
                        m.status === 'active' ? '' : statusLabel(m.status, i18n),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </>
          )}
        </Stack>
      )}
    </Card>
  );
}
