import { Alert, Button, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useToday } from '../../api/profile.ts';
import { applyApiErrors } from '../../components/api-errors.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { newId, OUTREACH_OUTCOMES, type OutreachOutcome, useRecordOutcome, type WorklistRow } from './api.ts';
import { comeOnProblem, defaultComeOn, lastComeOn, outcomeBody, outcomeNeedsConfirming } from './forms.ts';
import { outcomeLabel } from './labels.ts';

/** Long outcome names (Vietnamese ones) wrap inside their button instead of being cut. */
export const WRAP = { label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.25 } } as const;

/** What a closing outcome does, said before it is saved. */
const CONFIRM: Partial<Record<OutreachOutcome, MessageKey>> = {
  refused: 'programmes.outcomeForm.confirm.refused',
  'moved-away': 'programmes.outcomeForm.confirm.moved-away',
  died: 'programmes.outcomeForm.confirm.died',
};

/**
 * The outcome of a call or home visit about one row, one tap each: not reachable and wrong number
 * save at once (the item stays on the list); will come asks the day (a week from today unless
 * changed); refused, moved away and died, which close the item or change the registry, ask to
 * confirm. The attempt's UUID v7 is made once, so a resend after a lost answer is the same attempt.
 */
export function OutcomeForm({
  row,
  onSaved,
}: {
  row: WorklistRow;
  onSaved: (outcome: OutreachOutcome) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const record = useRecordOutcome();
  const [attemptId] = useState(newId);
  const [chosen, setChosen] = useState<OutreachOutcome | null>(null);
  const [comeOn, setComeOn] = useState(() => defaultComeOn(today));
  const [note, setNote] = useState('');
  const [comeOnError, setComeOnError] = useState<string | null>(null);
  const [banner, setBanner] = useState<string | null>(null);

  const save = (outcome: OutreachOutcome) => {
    const problem = outcome === 'will-come' ? comeOnProblem(comeOn, today) : null;
    setComeOnError(problem ? t(problem.key, problem.params) : null);
    if (problem) return;
    setBanner(null);
    record.mutate(outcomeBody(attemptId, row, outcome, { comeOn, note }), {
      onSuccess: () => onSaved(outcome),
      onError: (error) =>
        setBanner(applyApiErrors(error, (_field, message) => setComeOnError(message), ['comeOn'], i18n)),
    });
  };
  const tap = (outcome: OutreachOutcome) => {
    if (outcomeNeedsConfirming(outcome)) setChosen(outcome);
    else save(outcome);
  };

  return (
    <Stack gap="sm" data-testid="outcome-form">
      {banner && (
        <Alert color="red" role="alert">
          {banner}
        </Alert>
      )}
      <SimpleGrid cols={2} spacing="xs" role="group" aria-label={t('programmes.outcomeForm.legend')}>
        {OUTREACH_OUTCOMES.map((o) => (
          <Button
            key={o}
            size="md"
            h="auto"
            mih={44}
            py={6}
            px="xs"
            styles={WRAP}
            variant={chosen === o ? 'filled' : 'default'}
            aria-pressed={chosen === o}
            loading={record.isPending && record.variables?.outcome === o}
            disabled={record.isPending}
            onClick={() => tap(o)}
          >
            {outcomeLabel(o, i18n)}
          </Button>
        ))}
      </SimpleGrid>
      {chosen && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save(chosen);
          }}
          noValidate
        >
          <Stack gap="sm">
            {chosen === 'will-come' && (
              <TextInput
                type="date"
                label={t('programmes.outcomeForm.comeOn')}
                value={comeOn}
                min={today}
                max={lastComeOn(today)}
                onChange={(e) => setComeOn(e.currentTarget.value)}
                error={comeOnError}
                data-testid="come-on"
              />
            )}
            {CONFIRM[chosen] && (
              <Alert color="orange" role="note">
                {t(CONFIRM[chosen])}
              </Alert>
            )}
            <Textarea
              label={t('programmes.outcomeForm.note')}
              value={note}
              maxLength={1000}
              autosize
              minRows={1}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Button type="submit" size="md" loading={record.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('programmes.outcomeForm.save')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
