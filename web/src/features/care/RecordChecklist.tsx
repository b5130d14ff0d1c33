import { Alert, Button, Card, Checkbox, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { newId } from '../../../../src/platform/ids.ts';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type AmendEncounterBody, type Encounter, useAmendEncounter } from './api.ts';
import { medicineName, nameIn, observationLabel, unitLabel } from './labels.ts';

type I18n = ReturnType<typeof useI18n>;
type RecordList = 'observations' | 'diagnoses' | 'prescriptions' | 'services';

/** A record of the visit in force, as a line to tick: its list, its id and how it reads. */
export interface RecordItem {
  list: RecordList;
  id: string;
  label: string;
}

/** The visit's records in force that can be taken back (a derived BMI goes with its weight and height). */
export function recordsOf(encounter: Encounter, i18n: I18n): RecordItem[] {
  return [
    ...encounter.observations
      .filter((o) => !o.derived)
      .map((o) => ({
        list: 'observations' as const,
        id: o.id,
        label: `${observationLabel(o.key, i18n)} ${i18n.number(o.enteredValue, 2)} ${unitLabel(o.enteredUnit, i18n)}`,
      })),
    ...encounter.diagnoses.map((d) => ({
      list: 'diagnoses' as const,
      id: d.id,
      label: `${d.code} ${nameIn(d.names, i18n)}`,
    })),
    ...encounter.prescriptions.map((p) => ({
      list: 'prescriptions' as const,
      id: p.id,
      label: medicineName(p.medicine),
    })),
    ...encounter.services.map((s) => ({ list: 'services' as const, id: s.id, label: `${s.code} ${s.name}` })),
  ];
}

/** The ticked records as an amendment's `retract`, by list. */
export function retractOf(records: readonly RecordItem[], picked: ReadonlySet<string>) {
  const ids = (list: RecordList) =>
    records.filter((r) => r.list === list && picked.has(r.id)).map((r) => r.id);
  return {
    observations: ids('observations'),
    diagnoses: ids('diagnoses'),
    prescriptions: ids('prescriptions'),
    services: ids('services'),
  } satisfies AmendEncounterBody['retract'];
}

/** One checkbox per record: "Take back: Systolic BP 150 mmHg". */
export function RecordChecklist({
  records,
  picked,
  onChange,
}: {
  records: readonly RecordItem[];
  picked: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const { t } = useI18n();
  return records.map((r) => (
    <Checkbox
      key={r.id}
      label={`${t('care.amend.retract')}: ${r.label}`}
      checked={picked.has(r.id)}
      onChange={(e) => {
        const next = new Set(picked);
        if (e.currentTarget.checked) next.add(r.id);
        else next.delete(r.id);
        onChange(next);
      }}
    />
  ));
}

/**
 * An open visit's saved records withdrawn before closing (a reading typed on the wrong person, a
 * diagnosis picked by mistake): ticked, with the reason required. The record stays in the visit's
 * history as retracted (an amendment of the open visit), and the rest is closed as usual.
 */
export function WithdrawRecords({ encounter }: { encounter: Encounter }) {
  const i18n = useI18n();
  const { t } = i18n;
  const amend = useAmendEncounter(encounter.id);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ reason?: string; banner?: string }>({});
  // One id per withdrawal being written: a resend after a lost answer is the same one.
  const [amendmentId, setAmendmentId] = useState(newId);
  const records = recordsOf(encounter, i18n);
  if (records.length === 0) return null;
  const submit = async () => {
    setProblem({});
    if (picked.size === 0) return setProblem({ banner: t('care.withdraw.nothing') });
    if (!reason.trim()) return setProblem({ reason: t('validation.required') });
    try {
      await amend.mutateAsync({
        id: amendmentId,
        reason: reason.trim(),
        retract: retractOf(records, picked),
      });
      setPicked(new Set());
      setReason('');
      setAmendmentId(newId());
    } catch (error) {
      const reasonText = error instanceof ApiError ? error.fieldMessage('reason') : undefined;
      setProblem(reasonText ? { reason: reasonText } : { banner: errorText(error, i18n) });
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="withdraw-title" data-testid="withdraw">
      <Title order={2} size="h4" id="withdraw-title" mb="xs">
        {t('care.withdraw.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('care.withdraw.intro')}
      </Text>
      <Stack gap="xs">
        <RecordChecklist records={records} picked={picked} onChange={setPicked} />
        <ReasonAndSubmit
          label={t('care.withdraw.reason')}
          reason={reason}
          onReason={setReason}
          problem={problem}
          onSubmit={submit}
          busy={amend.isPending}
          prefix="withdraw"
          button={{ variant: 'light', color: 'red' }}
        >
          {t('care.withdraw.submit', { count: picked.size })}
        </ReasonAndSubmit>
      </Stack>
    </Card>
  );
}

/** A correction's reason (required) with the refusal and the button that sends it: `prefix` names the test ids. */
export function ReasonAndSubmit({
  label,
  reason,
  onReason,
  problem,
  onSubmit,
  busy,
  prefix,
  children,
  button,
}: {
  label: string;
  reason: string;
  onReason: (r: string) => void;
  problem: { reason?: string; banner?: string };
  onSubmit: () => Promise<unknown>;
  busy: boolean;
  prefix: string;
  children: string;
  button?: { variant?: string; color?: string };
}) {
  return (
    <>
      <Textarea
        label={label}
        required
        value={reason}
        onChange={(e) => onReason(e.currentTarget.value)}
        maxLength={1000}
        autosize
        minRows={2}
        error={problem.reason}
        data-testid={`${prefix}-reason`}
      />
      {problem.banner && (
        <Alert color="red" role="alert">
          {problem.banner}
        </Alert>
      )}
      <Button
        onClick={() => onSubmit().catch(() => {})}
        loading={busy}
        size="md"
        variant={button?.variant}
        color={button?.color}
        data-testid={`${prefix}-submit`}
      >
        {children}
      </Button>
    </>
  );
}
