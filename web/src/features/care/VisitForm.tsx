import { Alert, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { newId } from '../../../../src/platform/ids.ts';
import { ApiError } from '../../api/client.ts';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText, fieldProblemText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  type Encounter,
  type ObservationKind,
  type Timeline,
  useAddRecords,
  useCloseEncounter,
  useOnHand,
} from './api.ts';
import { CarePickers } from './CarePickers.tsx';
import { nameIn, unitLabel, WRAPPING } from './labels.ts';
import { ObservationBoxes } from './ObservationBoxes.tsx';
import { PrescriptionLines } from './PrescriptionLines.tsx';
import { WithdrawRecords } from './RecordChecklist.tsx';
import { DiagnosisList, DraftRow, ObservationList, PrescriptionList, ServiceList } from './RecordsView.tsx';
import {
  type DiagnosisDraft,
  diagnosisInputs,
  fromLastTime,
  newPrescription,
  type ObservationDraft,
  observationInputs,
  type PrescriptionDraft,
  prescriptionInputs,
  problemTarget,
  rangeOf,
  recordsBody,
  type ServiceDraft,
  serviceInputs,
  unreadableDrafts,
} from './visit-form.ts';

interface Problems {
  obs: Record<string, string>;
  dx: Record<string, string>;
  rx: Record<string, Record<string, string>>;
  svc: Record<string, string>;
  /** Errors on lines already saved (an over-dispense at the close), by prescription id. */
  saved: Record<string, string>;
  banner: string | null;
}
const NO_PROBLEMS: Problems = { obs: {}, dx: {}, rx: {}, svc: {}, saved: {}, banner: null };

/**
 * An open visit: measurements, diagnoses (the resident's chronic problems one tap away), the
 * prescription ("same as last time" one tap), then Close: what was typed is saved in one request and
 * the visit closed with its bill and dispensing. Every refusal of the server is put by its field: an
 * impossible value by its box, an over-dispense by its line.
 */
export function VisitForm({
  encounter,
  timeline,
  kinds,
}: {
  encounter: Encounter;
  timeline: Timeline | undefined;
  kinds: readonly ObservationKind[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSignedIn();
  const add = useAddRecords(encounter.id);
  const close = useCloseEncounter(encounter.id);
  const [obs, setObs] = useState<Record<string, ObservationDraft>>({});
  const [dx, setDx] = useState<DiagnosisDraft[]>([]);
  const [rx, setRx] = useState<PrescriptionDraft[]>([]);
  const [svc, setSvc] = useState<ServiceDraft[]>([]);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [dispense, setDispense] = useState(can(session, 'stock.dispense'));
  const kindsByCode = useMemo(() => new Map(kinds.map((k) => [k.code, k])), [kinds]);
  const canPrescribe = can(session, 'care.prescribe');
  // A visit without bill lines (a village health worker's home visit) closes with care.write alone.
  const canClose =
    canPrescribe ||
    (encounter.prescriptions.length === 0 &&
      encounter.services.length === 0 &&
      rx.length === 0 &&
      svc.length === 0);
  const shelf = useOnHand(encounter.facility.id, can(session, 'stock.read'));
  const onHand = useMemo(
    () => (shelf.data ? new Map(shelf.data.lines.map((l) => [l.medicineId, l.onHand])) : undefined),
    [shelf.data],
  );

  const recordedCodes = new Set(encounter.diagnoses.map((d) => d.code));
  const pickedCodes = new Set(dx.map((d) => d.code));
  const again = (timeline?.problems ?? []).filter(
    (p) => p.status === 'active' && !recordedCodes.has(p.code) && !pickedCodes.has(p.code),
  );
  const last = timeline?.lastPrescriptions;
  const lastItems = last && last.encounterId !== encounter.id ? last.items : [];
  const mainExists = encounter.diagnoses.some((d) => d.role === 'main');

  /** Saves what was typed: the visit as saved, or null when the server refused it (its problems on the form). */
  const save = async (): Promise<Encounter | null> => {
    setProblems(NO_PROBLEMS);
    const drafts = Object.values(obs);
    const unreadable = unreadableDrafts(drafts);
    if (unreadable.length > 0) {
      setProblems({
        ...NO_PROBLEMS,
        obs: Object.fromEntries(unreadable.map((code) => [code, t('care.obs.notNumber')])),
        banner: t('error.fixFields'),
      });
      return null;
    }
    const sent = {
      observations: observationInputs(drafts, kindsByCode),
      diagnoses: diagnosisInputs(dx, mainExists),
      prescriptions: prescriptionInputs(rx),
      services: serviceInputs(svc),
    };
    const body = recordsBody(sent);
    if (!body) return encounter;
    try {
      const saved = await add.mutateAsync(body);
      setObs({});
      setDx([]);
      setRx([]);
      setSvc([]);
      return saved;
    } catch (error) {
      setProblems(placeProblems(error, sent));
      return null;
    }
  };

  const placeProblems = (
    error: unknown,
    sent: {
      observations: { code: string }[];
      diagnoses: { id: string }[];
      prescriptions: { id: string }[];
      services: { id: string }[];
    },
  ): Problems => {
    const next: Problems = { obs: {}, dx: {}, rx: {}, svc: {}, saved: {}, banner: null };
    if (!(error instanceof ApiError) || error.errors.length === 0) {
      return { ...next, banner: errorText(error, i18n) };
    }
    let unplaced = false;
    for (const problem of error.errors) {
      const target = problemTarget(problem.field);
      const text = fieldProblemText(problem, i18n);
      if (target?.list === 'observations' && sent.observations[target.index]) {
        const code = sent.observations[target.index]!.code;
        const kind = kindsByCode.get(code);
        // An impossible value: said in the reader's language with the range the server allows.
        next.obs[code] =
          kind && target.part === 'value'
            ? t('care.obs.impossible', {
                min: i18n.number(rangeOf(kind).min, kind.decimals),
                max: i18n.number(rangeOf(kind).max, kind.decimals),
                unit: unitLabel(kind.displayUnit, i18n),
              })
            : text;
      } else if (target?.list === 'diagnoses' && sent.diagnoses[target.index]) {
        next.dx[sent.diagnoses[target.index]!.id] = text;
      } else if (target?.list === 'prescriptions' && sent.prescriptions[target.index]) {
        const id = sent.prescriptions[target.index]!.id;
        next.rx[id] = { ...next.rx[id], [target.part || 'quantity']: text };
      } else if (target?.list === 'services' && sent.services[target.index]) {
        next.svc[sent.services[target.index]!.id] = text;
      } else unplaced = true;
    }
    next.banner = unplaced ? t('error.generic', { message: error.message }) : t('error.fixFields');
    return next;
  };

  const saveAndClose = async () => {
    const current = await save();
    if (!current) return;
    try {
      await close.mutateAsync({ dispense });
    } catch (error) {
      // An over-dispense names each refused line by its index among the lines still to dispense.
      const saved: Record<string, string> = {};
      const due = current.prescriptions.filter((p) => p.quantity > p.dispensed);
      if (error instanceof ApiError) {
        for (const problem of error.errors) {
          const target = problemTarget(problem.field);
          const line = target?.list === 'prescriptions' ? due[target.index] : undefined;
          if (line) saved[line.id] = t('care.rx.shelf', { message: problem.message });
        }
      }
      setProblems({
        ...NO_PROBLEMS,
        saved,
        banner: [
          t('care.close.refused'),
          errorText(error, i18n),
          error instanceof ApiError && error.code === 'insufficient_stock' && dispense
            ? t('care.close.noDispenseHint')
            : '',
        ].join(' '),
      });
    }
  };

  const busy = add.isPending || close.isPending;
  return (
    <Stack gap="md">
      <Card withBorder component="section" aria-labelledby="obs-title">
        <Title order={2} size="h4" id="obs-title" mb="xs">
          {t('care.obs.title')}
        </Title>
        <ObservationList items={encounter.observations} testId="obs-saved" />
        <ObservationBoxes kinds={kinds} drafts={obs} onChange={setObs} errors={problems.obs} />
      </Card>

      <Card withBorder component="section" aria-labelledby="dx-title">
        <Title order={2} size="h4" id="dx-title" mb="xs">
          {t('care.dx.title')}
        </Title>
        <Stack gap="xs">
          <DiagnosisList items={encounter.diagnoses} />
          {again.length > 0 && (
            <Group gap="xs">
              {again.map((p) => (
                <Button
                  key={p.id}
                  variant="light"
                  size="md"
                  h="auto"
                  py={8}
                  styles={WRAPPING}
                  onClick={() =>
                    setDx([...dx, { id: newId(), code: p.code, name: nameIn(p.names, i18n), chronic: true }])
                  }
                  data-testid="dx-again"
                >
                  {t('care.dx.again', { code: p.code, name: nameIn(p.names, i18n) })}
                </Button>
              ))}
            </Group>
          )}
          {dx.map((d, i) => (
            <DraftRow
              key={d.id}
              code={d.code}
              name={d.name}
              onRemove={() => setDx(dx.filter((x) => x.id !== d.id))}
              testId="dx-draft"
              error={problems.dx[d.id]}
            >
              <Text size="sm" c="dimmed">
                {i === 0 && !mainExists ? t('care.dx.main') : t('care.dx.other')}
              </Text>
            </DraftRow>
          ))}
          <CarePickers.Diagnosis
            onPick={(d) =>
              !pickedCodes.has(d.code) &&
              setDx([...dx, { id: newId(), code: d.code, name: nameIn(d.names, i18n), chronic: d.chronic }])
            }
          />
        </Stack>
      </Card>

      <Card withBorder component="section" aria-labelledby="rx-title">
        <Title order={2} size="h4" id="rx-title" mb="xs">
          {t('care.rx.title')}
        </Title>
        <Stack gap="sm">
          <PrescriptionList items={encounter.prescriptions} errors={problems.saved} />
          {lastItems.length > 0 && rx.length === 0 && (
            <Button
              variant="light"
              size="md"
              onClick={() => setRx(fromLastTime(lastItems))}
              data-testid="same-as-last"
            >
              {t('care.rx.sameAsLast', { count: lastItems.length })}
            </Button>
          )}
          <PrescriptionLines lines={rx} onChange={setRx} errors={problems.rx} onHand={onHand} />
          <CarePickers.Medicine date={encounter.date} onPick={(m) => setRx([...rx, newPrescription(m)])} />
        </Stack>
      </Card>

      <Card withBorder component="section" aria-labelledby="svc-title">
        <Title order={2} size="h4" id="svc-title" mb="xs">
          {t('care.svc.title')}
        </Title>
        <Stack gap="xs">
          <ServiceList items={encounter.services} />
          {svc.map((d) => (
            <DraftRow
              key={d.id}
              code={d.code}
              name={d.name}
              onRemove={() => setSvc(svc.filter((x) => x.id !== d.id))}
              testId="svc-draft"
              error={problems.svc[d.id]}
            />
          ))}
          <CarePickers.Service
            date={encounter.date}
            onPick={(s) => setSvc([...svc, { id: newId(), serviceItemId: s.id, code: s.code, name: s.name }])}
          />
        </Stack>
      </Card>

      <WithdrawRecords encounter={encounter} />

      {problems.banner && (
        <Alert color="red" role="alert" data-testid="visit-error">
          <Text size="sm">{problems.banner}</Text>
        </Alert>
      )}
      <Stack gap="xs" pos="sticky" bottom={0} bg="var(--mantine-color-body)" py="xs" style={{ zIndex: 2 }}>
        {canPrescribe && can(session, 'stock.dispense') && (
          <Checkbox
            label={t('care.close.dispense')}
            checked={dispense}
            onChange={(e) => setDispense(e.currentTarget.checked)}
          />
        )}
        <Group grow>
          <Button
            variant="default"
            size="lg"
            onClick={() => save().catch(() => {})}
            loading={add.isPending && !close.isPending}
            disabled={busy}
            data-testid="save-visit"
          >
            {t('care.save')}
          </Button>
          {canClose && (
            <Button
              size="lg"
              onClick={() => saveAndClose().catch(() => {})}
              loading={busy}
              data-testid="close-visit"
            >
              {t('care.close')}
            </Button>
          )}
        </Group>
      </Stack>
    </Stack>
  );
}
