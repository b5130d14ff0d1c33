import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useProfile } from '../../api/profile.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Eligibility } from './api.ts';
import { eligibilityDetail } from './eligibility-detail.ts';
import { Fact } from './Fact.tsx';
import { reasonKey, useInsuranceRecord } from './insurance-words.ts';

/** An eligibility answer: eligible or not and why (with the agency's code), benefit, route, the card used. */
export function EligibilityAnswerPanel({ answer }: { answer: Eligibility }) {
  const i18n = useI18n();
  const { t } = i18n;
  const reason = reasonKey(useInsuranceRecord(), answer.reason.code);
  const { data: profile } = useProfile();
  const details = eligibilityDetail(answer, profile, i18n);
  return (
    <Paper withBorder p="sm" role="status" data-testid="eligibility">
      <Group gap="xs" mb="xs">
        <Badge color={answer.valid ? 'green' : 'red'} size="lg">
          {answer.valid ? t('residents.eligibility.valid') : t('residents.eligibility.invalid')}
        </Badge>
        <Text size="sm" data-testid="eligibility-reason">
          {reason ? t(reason) : answer.reason.code}
          {answer.reason.agencyCode ? ` (${answer.reason.agencyCode})` : ''}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" component="dl" m={0}>
        <Fact label={t('residents.eligibility.benefit')}>{i18n.percent(answer.benefitPercent / 100, 0)}</Fact>
        {answer.areaRule ? (
          // An enrolment: inside its insured area or not, where a card has a route.
          <Fact label={t('residents.eligibility.area')}>
            {answer.areaRule === 'inside-insured-area'
              ? t('residents.eligibility.inArea')
              : t('residents.eligibility.outOfArea')}
          </Fact>
        ) : (
          <Fact label={t('residents.eligibility.route')}>
            {answer.onRoute === null
              ? '—'
              : answer.onRoute
                ? t('residents.eligibility.onRoute')
                : t('residents.eligibility.offRoute')}
          </Fact>
        )}
        <Fact label={t('residents.eligibility.date')}>{i18n.date(answer.date)}</Fact>
        {answer.card?.cardNumber && (
          <Fact label={t('residents.eligibility.cardUsed')}>
            <span style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
              {answer.card.cardNumber}
            </span>
          </Fact>
        )}
      </SimpleGrid>
      {details.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs" data-testid="eligibility-detail">
          {t('residents.eligibility.details', { details: details.join(' · '), rule: answer.rule })}
        </Text>
      )}
    </Paper>
  );
}
