import { Alert, Button, Stack } from '@mantine/core';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEligibility } from './api.ts';
import { EligibilityAnswerPanel } from './EligibilityAnswer.tsx';

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
      {answer && <EligibilityAnswerPanel answer={answer} />}
    </Stack>
  );
}
