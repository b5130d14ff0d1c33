import { Anchor, Card, Group, Loader, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { can, useSignedIn } from '../../api/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useExpiringCount } from './api.ts';
import { insuranceWord, useInsuranceRecord } from './insurance-words.ts';
import { ResidentSearch } from './ResidentSearch.tsx';

/** The first thing a station worker needs: the resident search, and the cards about to expire. */
export function ResidentsHomeCard() {
  const { t } = useI18n();
  const session = useSignedIn();
  const [q, setQ] = useState('');
  const area = session.roles.find((r) => r.area)?.area?.id;
  return (
    <Card withBorder data-testid="residents-home-card">
      <Title order={2} size="h4" mb="xs">
        {t('residents.home.title')}
      </Title>
      <ResidentSearch value={q} onChange={setQ} limit={6} />
      {can(session, 'insurance.read') && area && <ExpiringSoon area={area} />}
    </Card>
  );
}

function ExpiringSoon({ area }: { area: string }) {
  const { t } = useI18n();
  // The count endpoint: the card shows one figure, so the list itself is not downloaded.
  const expiring = useExpiringCount(area);
  const record = useInsuranceRecord();
  return (
    <Group mt="md" gap="xs" data-testid="expiring-count">
      {expiring.isPending && <Loader size="xs" aria-label={t('common.loading')} />}
      {expiring.isError && (
        <Text size="sm" c="dimmed">
          {t(insuranceWord(record, 'residents.expiring.unavailable'))}
        </Text>
      )}
      {expiring.data && (
        <Anchor component={Link} to="/residents/expiring">
          {t(insuranceWord(record, 'residents.expiring.count'), {
            count: expiring.data.total.count,
            days: 30,
          })}
        </Anchor>
      )}
    </Group>
  );
}
