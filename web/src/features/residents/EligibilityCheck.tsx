import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { errorText } from '../../components/api-errors.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEligibility } from './api.ts';
import { Fact } from './Fact.tsx';

const REASONS: Record<string, MessageKey> = {
  valid: 'residents.eligibility.reason.valid',
  withdrawn: 'residents.eligibility.reason.withdrawn',
  expired: 'residents.eligibility.reason.expired',
  'not-yet-valid': 'residents.eligibility.reason.notYetValid',
  'no-card-data': 'residents.eligibility.reason.noCardData',
  'old-card-expired-new-issued': 'residents.eligibility.reason.oldExpiredNewIssued',
  'old-card-valid-new-issued': 'residents.eligibility.reason.oldValidNewIssued',
  'wrong-name': 'residents.eligibility.reason.wrongName',
  'wrong-birth-date': 'residents.eligibility.reason.wrongBirthDate',
};

interface Props {
  facilityId: string;
  card?: string;
  citizenId?: string;
  today: string;
}

/** "Can this card be used here today?": valid or not, the benefit, on-route or not, and why. */
export function EligibilityCheck({ facilityId, card, citizenId, today }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const check = useEligibility();
  if (!card && !citizenId) return null;
  const answer = check.data;
  const reasonKey = answer ? REASONS[answer.reason.code] : undefined;
  return (
    <Stack gap="xs">
      <Button
        variant="light"
        onClick={() =>
          check.mutate({ facility: facilityId, date: today, ...(card ? { card } : { citizenId }) })
        }
        loading={check.isPending}
        data-testid="check-eligibility"
      >
        {t('residents.eligibility.check')}
      </Button>
      {check.isError && <Alert color="red">{errorText(check.error, i18n)}</Alert>}
      {answer && (
        <Paper withBorder p="sm" role="status" data-testid="eligibility">
          <Group gap="xs" mb="xs">
            <Badge color={answer.valid ? 'green' : 'red'} size="lg">
              {answer.valid ? t('residents.eligibility.valid') : t('residents.eligibility.invalid')}
            </Badge>
            <Text size="sm">{reasonKey ? t(reasonKey) : answer.reason.code}</Text>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" component="dl" m={0}>
            <Fact label={t('residents.eligibility.benefit')}>
              {i18n.percent(answer.benefitPercent / 100, 0)}
            </Fact>
            <Fact label={t('residents.eligibility.route')}>
              {answer.onRoute === null
                ? '—'
                : answer.onRoute
                  ? t('residents.eligibility.onRoute')
                  : t('residents.eligibility.offRoute')}
            </Fact>
            <Fact label={t('residents.eligibility.date')}>{i18n.date(answer.date)}</Fact>
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t('residents.eligibility.detail', { message: answer.reason.message, rule: answer.rule })}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
