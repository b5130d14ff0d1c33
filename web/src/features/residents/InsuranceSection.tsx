import { Alert, Badge, Card, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useProfile, useToday } from '../../api/profile.ts';
import { daysBetween } from '../../calendar.ts';
import { errorText } from '../../components/api-errors.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type InsuranceCard, type ResidentDetail, useInsuranceCards } from './api.ts';
import { type CardState, cardState, currentCard } from './display.ts';
import { EligibilityCheck } from './EligibilityCheck.tsx';
import { Fact } from './Fact.tsx';
import { insuranceWord, useInsuranceRecord } from './insurance-words.ts';

const STATE: Record<CardState, { key: MessageKey; color: string }> = {
  valid: { key: 'residents.card.valid', color: 'green' },
  expiring: { key: 'residents.card.expiring', color: 'orange' },
  expired: { key: 'residents.card.expired', color: 'red' },
  notYetValid: { key: 'residents.card.notYetValid', color: 'blue' },
  withdrawn: { key: 'residents.card.withdrawn', color: 'gray' },
};

/** The resident's insurance cards, newest first, the one that matters today on top with its state. */
export function InsuranceSection({
  resident,
  facilityId,
}: {
  resident: ResidentDetail;
  facilityId?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const cards = useInsuranceCards(resident.id, true);
  const today = useToday();
  const record = useInsuranceRecord();
  const current = cards.data ? currentCard(cards.data.items, today) : undefined;
  const others = (cards.data?.items ?? []).filter((c) => c !== current).reverse();

  return (
    <Card withBorder component="section" aria-labelledby="cards-title" data-testid="insurance">
      <Title order={2} size="h4" id="cards-title" mb="xs">
        {t('residents.card.title')}
      </Title>
      {cards.isPending && <Loader size="xs" aria-label={t('common.loading')} />}
      {cards.isError && <Alert color="red">{errorText(cards.error, i18n)}</Alert>}
      {cards.data && cards.data.items.length === 0 && (
        <Text c="dimmed">{t(insuranceWord(record, 'residents.card.none'))}</Text>
      )}
      <Stack gap="sm">
        {current && <CardView card={current} today={today} current />}
        {others.map((c) => (
          <CardView key={c.id} card={c} today={today} />
        ))}
        {facilityId && (
          <EligibilityCheck
            facilityId={facilityId}
            card={current?.cardNumber ?? undefined}
            citizenId={resident.citizenId ?? undefined}
            today={today}
          />
        )}
      </Stack>
    </Card>
  );
}

function CardView({ card, today, current }: { card: InsuranceCard; today: string; current?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data: profile } = useProfile();
  // An enrolment (CN) names its scheme and insured area instead of a card's group and benefit digit.
  const schemeLabel = profile?.insurance.reimbursement?.schemes.find((x) => x.id === card.scheme)?.label;
  const state = cardState(card, today);
  const daysLeft = daysBetween(today, card.validTo);
  return (
    <Paper
      withBorder
      p="sm"
      data-testid={current ? 'current-card' : 'card'}
      bg={current ? 'teal.0' : undefined}
    >
      <Group justify="space-between" gap="xs" mb="xs">
        <Text ff="monospace" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {card.cardNumber}
        </Text>
        <Group gap={6}>
          {current && (
            <Badge variant="outline" color="teal">
              {t('residents.card.current')}
            </Badge>
          )}
          <Badge color={STATE[state].color} data-testid="card-state">
            {t(STATE[state].key)}
          </Badge>
        </Group>
      </Group>
      <SimpleGrid cols={2} spacing="xs" component="dl" m={0}>
        <Fact label={t('residents.card.validity')}>
          {t('residents.card.period', { from: i18n.date(card.validFrom), to: i18n.date(card.validTo) })}
        </Fact>
        {card.scheme === null ? (
          <>
            <Fact label={t('residents.card.group')}>{card.beneficiaryGroup}</Fact>
            <Fact label={t('residents.card.benefit')}>{card.benefitLevel}</Fact>
          </>
        ) : (
          <>
            <Fact label={t('residents.card.scheme')}>{schemeLabel ?? card.scheme}</Fact>
            <Fact label={t('residents.card.insuredArea')}>{card.insuredAreaCode ?? '—'}</Fact>
          </>
        )}
        <Fact label={t('residents.card.facility')}>{card.registeredFacilityCode ?? '—'}</Fact>
      </SimpleGrid>
      {state === 'expiring' && (
        <Text size="sm" c="orange.9" mt="xs">
          {t('residents.card.daysLeft', { days: daysLeft })}
        </Text>
      )}
    </Paper>
  );
}
