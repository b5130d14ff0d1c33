import { Card, Timeline as History, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { newId } from '../../../../src/platform/ids.ts';
import { ApiError } from '../../api/client.ts';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText, fieldProblemText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Encounter, useAmendEncounter, useObservationKinds } from './api.ts';
import { BillView } from './BillView.tsx';
import { CarePickers } from './CarePickers.tsx';
import { frequencyLabel, medicineName, nameIn, observationLabel, unitLabel } from './labels.ts';
import { ObservationBoxes } from './ObservationBoxes.tsx';
import { ReasonAndSubmit, RecordChecklist, recordsOf, retractOf } from './RecordChecklist.tsx';
import { DiagnosisList, DraftRow, ObservationList, PrescriptionList, ServiceList } from './RecordsView.tsx';
import {
  type DiagnosisDraft,
  diagnosisInputs,
  type ObservationDraft,
  observationInputs,
  problemTarget,
  recordsBody,
  unreadableDrafts,
} from './visit-form.ts';

/**
 * A closed visit: what was recorded, the bill, the dispensing, its history (closed, then each
 * correction with its reason), and the correction form: records taken back with a reason required.
 */
export function ClosedVisit({ encounter }: { encounter: Encounter }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSignedIn();
  return (
    <Stack gap="md">
      <Card withBorder component="section" aria-labelledby="records-title">
        <Title order={2} size="h4" id="records-title" mb="xs">
          {t('care.obs.title')}
        </Title>
        <Stack gap="sm">
          {encounter.observations.length === 0 ? (
            <Text c="dimmed">{t('care.obs.none')}</Text>
          ) : (
            <ObservationList items={encounter.observations} testId="obs-saved" />
          )}
          <Title order={3} size="h5">
            {t('care.dx.title')}
          </Title>
          {encounter.diagnoses.length === 0 ? (
            <Text c="dimmed">{t('care.dx.none')}</Text>
          ) : (
            <DiagnosisList items={encounter.diagnoses} />
          )}
          <Title order={3} size="h5">
            {t('care.rx.title')}
          </Title>
          {encounter.prescriptions.length === 0 ? (
            <Text c="dimmed">{t('care.rx.none')}</Text>
          ) : (
            <PrescriptionList items={encounter.prescriptions} />
          )}
          {encounter.services.length > 0 && (
            <>
              <Title order={3} size="h5">
                {t('care.svc.title')}
              </Title>
              <ServiceList items={encounter.services} />
            </>
          )}
        </Stack>
      </Card>
      {encounter.bill && <BillView bill={encounter.bill} />}
      <VisitHistory encounter={encounter} />
      {can(session, 'care.write') && <AmendForm encounter={encounter} />}
    </Stack>
  );
}

function VisitHistory({ encounter }: { encounter: Encounter }) {
  const i18n = useI18n();
  const { t } = i18n;
  const retracted = [
    ...encounter.retracted.observations.map(
      (o) =>
        `${observationLabel(o.key, i18n)} ${i18n.number(o.enteredValue, 2)} ${unitLabel(o.enteredUnit, i18n)}`,
    ),
    ...encounter.retracted.diagnoses.map((d) => `${d.code} ${nameIn(d.names, i18n)}`),
    ...encounter.retracted.prescriptions.map(
      (p) => `${medicineName(p.medicine)} · ${frequencyLabel(p.frequency, i18n)}`,
    ),
    ...encounter.retracted.services.map((s) => `${s.code} ${s.name}`),
  ];
  const count = (parts: Record<string, string[]>) =>
    Object.values(parts).reduce((n, ids) => n + ids.length, 0);
  return (
    <Card withBorder component="section" aria-labelledby="history-title" data-testid="visit-history">
      <Title order={2} size="h4" id="history-title" mb="sm">
        {t('care.history.title')}
      </Title>
      <History bulletSize={14} lineWidth={2} active={encounter.amendments.length}>
        <History.Item title={t('care.history.closed')}>
          <Text size="sm" c="dimmed">
            {encounter.endedAt ? i18n.dateTime(encounter.endedAt) : '—'}
          </Text>
        </History.Item>
        {encounter.amendments.map((a) => (
          <History.Item
            key={a.id}
            title={t('care.history.amended', { reason: a.reason })}
            data-testid="amendment"
          >
            <Text size="sm" c="dimmed">
              {i18n.dateTime(a.amendedAt)} ·{' '}
              {t('care.history.changes', { added: count(a.added), retracted: count(a.retracted) })}
            </Text>
          </History.Item>
        ))}
      </History>
      {retracted.length > 0 && (
        <Stack gap={2} mt="sm" data-testid="retracted">
          <Text size="sm" fw={600}>
            {t('care.history.retracted')}
          </Text>
          {retracted.map((r) => (
            <Text key={r} size="sm" td="line-through" c="dimmed">
              {r}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** A correction: the records to take back, and the reason (required, as the server requires it). */
function AmendForm({ encounter }: { encounter: Encounter }) {
  const i18n = useI18n();
  const { t } = i18n;
  const amend = useAmendEncounter(encounter.id);
  const [reason, setReason] = useState('');
  const [retract, setRetract] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<{ reason?: string; banner?: string }>({});
  // One id per correction being written: a resend after a lost answer is the same correction.
  const [amendmentId, setAmendmentId] = useState(newId);
  // Records the correction adds: measurements and diagnoses, as on an open visit.
  const kinds = useObservationKinds();
  const kindsByCode = useMemo(() => new Map((kinds.data ?? []).map((k) => [k.code, k])), [kinds.data]);
  const [obs, setObs] = useState<Record<string, ObservationDraft>>({});
  const [obsErrors, setObsErrors] = useState<Record<string, string>>({});
  const [dx, setDx] = useState<DiagnosisDraft[]>([]);

  const records = recordsOf(encounter, i18n);

  const submit = async () => {
    setProblem({});
    setObsErrors({});
    if (!reason.trim()) return setProblem({ reason: t('validation.required') });
    const unreadable = unreadableDrafts(Object.values(obs));
    if (unreadable.length > 0) {
      setObsErrors(Object.fromEntries(unreadable.map((code) => [code, t('care.obs.notNumber')])));
      return;
    }
    const sent = {
      observations: observationInputs(Object.values(obs), kindsByCode),
      diagnoses: diagnosisInputs(
        dx,
        encounter.diagnoses.some((d) => d.role === 'main' && !retract.has(d.id)),
      ),
      prescriptions: [],
    };
    const add = recordsBody(sent);
    if (retract.size === 0 && !add) return setProblem({ banner: t('care.amend.nothing') });
    try {
      await amend.mutateAsync({
        id: amendmentId,
        reason: reason.trim(),
        ...(add ? { add } : {}),
        retract: retractOf(records, retract),
      });
      setReason('');
      setRetract(new Set());
      setObs({});
      setDx([]);
      setAmendmentId(newId());
    } catch (error) {
      const placed: Record<string, string> = {};
      let reasonText: string | undefined;
      if (error instanceof ApiError) {
        reasonText = error.fieldMessage('reason');
        for (const p of error.errors) {
          const target = problemTarget(p.field);
          const code = target?.list === 'observations' ? sent.observations[target.index]?.code : undefined;
          if (code) placed[code] = fieldProblemText(p, i18n);
        }
      }
      setObsErrors(placed);
      setProblem(
        reasonText
          ? { reason: reasonText }
          : { banner: Object.keys(placed).length > 0 ? t('error.fixFields') : errorText(error, i18n) },
      );
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="amend-title" data-testid="amend">
      <Title order={2} size="h4" id="amend-title" mb="xs">
        {t('care.amend.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('care.amend.intro')}
      </Text>
      <Stack gap="xs">
        <RecordChecklist records={records} picked={retract} onChange={setRetract} />
        {kinds.data && (
          <ObservationBoxes kinds={kinds.data} drafts={obs} onChange={setObs} errors={obsErrors} />
        )}
        {dx.map((d) => (
          <DraftRow
            key={d.id}
            code={d.code}
            name={d.name}
            onRemove={() => setDx(dx.filter((x) => x.id !== d.id))}
            testId="amend-dx"
          />
        ))}
        <CarePickers.Diagnosis
          onPick={(d) =>
            !dx.some((x) => x.code === d.code) &&
            setDx([...dx, { id: newId(), code: d.code, name: nameIn(d.names, i18n), chronic: d.chronic }])
          }
        />
        <ReasonAndSubmit
          label={t('care.amend.reason')}
          reason={reason}
          onReason={setReason}
          problem={problem}
          onSubmit={submit}
          busy={amend.isPending}
          prefix="amend"
        >
          {t('care.amend.submit')}
        </ReasonAndSubmit>
      </Stack>
    </Card>
  );
}
