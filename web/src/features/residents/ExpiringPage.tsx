import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { ListTotal } from '../../components/ListTotal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useExpiringCards } from './api.ts';
import { insuranceWord, useInsuranceRecord } from './insurance-words.ts';

/** Residents whose card ends in the next 30 days with no later card: whom to remind to renew. */
export function ExpiringPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSignedIn();
  const record = useInsuranceRecord();
  const area = session.roles.find((r) => r.area)?.area?.id;
  // Soonest first, as the server pages them; a district's list can run to thousands (the total is shown).
  const expiring = useExpiringCards(area);
  const items = expiring.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack maw={760}>
      <Title order={1} size="h3">
        {t(insuranceWord(record, 'residents.expiring.title'))}
      </Title>
      {!area && <Alert color="yellow">{t('residents.expiring.noArea')}</Alert>}
      {expiring.isPending && area && <Text role="status">{t('common.loading')}</Text>}
      {expiring.isError && <Alert color="red">{errorText(expiring.error, i18n)}</Alert>}
      {expiring.data && items.length === 0 && (
        <Text c="dimmed">{t(insuranceWord(record, 'residents.expiring.none'))}</Text>
      )}
      {expiring.data && items.length > 0 && (
        <ListTotal shown={items.length} total={expiring.data.pages[0]!.total} />
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <Paper component="li" withBorder p="sm" key={item.card.id} data-testid="expiring-row">
            <Group justify="space-between" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/residents/${item.residentId}`} fw={600}>
                  {item.resident.fullName}
                </Anchor>
                {item.resident.phone && (
                  <Anchor href={`tel:${item.resident.phone}`} size="sm" display="block">
                    {item.resident.phone}
                  </Anchor>
                )}
                {item.resident.address && (
                  <Text size="sm" c="dimmed">
                    {item.resident.address}
                  </Text>
                )}
                <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {item.card.cardNumber}
                </Text>
              </div>
              <Stack gap={2} align="flex-end">
                <Badge color={item.daysLeft <= 7 ? 'red' : 'orange'}>
                  {t('residents.card.daysLeft', { days: item.daysLeft })}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('residents.expiring.until', { date: i18n.date(item.card.validTo) })}
                </Text>
              </Stack>
            </Group>
          </Paper>
        ))}
      </Stack>
      {expiring.hasNextPage && (
        <Button
          variant="light"
          onClick={() => expiring.fetchNextPage()}
          loading={expiring.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common.more')}
        </Button>
      )}
    </Stack>
  );
}
