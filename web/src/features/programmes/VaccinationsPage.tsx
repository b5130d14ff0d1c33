import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useResident } from '../residents/api.ts';
import {
  type DueItem,
  type Immunization,
  type ResidentDue,
  useImmunizations,
  useProgrammes,
  useResidentDue,
} from './api.ts';
import { DoseForm } from './DoseForm.tsx';
import { vaccinationView } from './due-view.ts';
import { type ProgrammeNames, programmeNames, reasonLabel, STATE_COLOUR, stateLabel } from './labels.ts';

/**
 * A child's vaccinations, for the station on a phone: what is due today (overdue first), the next dose,
 * recording a dose, the doses the schedule did not count and why, and every dose given.
 */
export function VaccinationsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id } = useParams();
  const session = useSignedIn();
  const resident = useResident(id);
  const due = useResidentDue(id);
  const doses = useImmunizations(id);
  const programmes = useProgrammes();
  const names = programmeNames(programmes.data?.programmes, i18n.locale);
  const [preset, setPreset] = useState<{ vaccine: string } | null>(null);
  const canRecord = can(session, 'care.write') && resident.data?.status === 'active';

  if (resident.isPending) return <Loading />;
  if (resident.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(resident.error, i18n)}
      </Alert>
    );
  const r = resident.data;
  return (
    <Stack maw={720}>
      <Anchor component={Link} to={`/residents/${r.id}`} size="sm">
        {t('programmes.vacc.back')}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {t('programmes.vacc.title')}
        </Title>
        <Text fw={600} data-testid="vacc-resident">
          {r.fullName}
          {r.birthDate ? ` · ${i18n.date(r.birthDate)}` : ''}
        </Text>
      </div>
      <DueSection
        due={due}
        names={names}
        onRecord={canRecord ? (vaccine) => setPreset({ vaccine }) : undefined}
      />
      {canRecord && <DoseForm residentId={r.id} birthDate={r.birthDate} preset={preset} />}
      {due.data && <InvalidDoses due={due.data} doses={doses.data?.items ?? []} names={names} />}
      <DoseHistory doses={doses} />
    </Stack>
  );
}

/** A missing route (an older server) hides the section instead of showing an error. */
const routeMissing = (error: unknown) => error instanceof ApiError && error.status === 404;

function DueSection({
  due,
  names,
  onRecord,
}: {
  due: ReturnType<typeof useResidentDue>;
  names: ProgrammeNames;
  /** Picks a vaccine of a due item in the dose form (absent: the user cannot record). */
  onRecord?: (vaccine: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  if (due.isError && routeMissing(due.error)) return null;
  const view = due.data ? vaccinationView(due.data) : null;
  return (
    <Card withBorder component="section" aria-labelledby="due-today" data-testid="vacc-due">
      <Title order={2} size="h4" mb="xs" id="due-today">
        {t('programmes.vacc.dueToday')}
      </Title>
      <QueryState query={due}>
        {() =>
          view && view.today.length === 0 ? (
            <Text size="sm" data-testid="vacc-nothing-due">
              {t('programmes.vacc.nothingDue')}
            </Text>
          ) : (
            <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
              {view?.today.map(({ item, state }) => (
                <DueLine
                  key={`${item.programmeId}-${item.itemId}-${item.dueFrom}`}
                  item={item}
                  state={state}
                  names={names}
                  onRecord={onRecord}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {view && (
        <Text size="sm" mt="sm" data-testid="vacc-next">
          {view.next
            ? t('programmes.vacc.next', {
                item: names.item(view.next.programmeId, view.next.itemId),
                date: i18n.date(view.next.dueFrom),
              })
            : t('programmes.vacc.noNext')}
        </Text>
      )}
    </Card>
  );
}

function DueLine({
  item,
  state,
  names,
  onRecord,
}: {
  item: DueItem;
  state: 'due' | 'overdue';
  names: ProgrammeNames;
  onRecord?: (vaccine: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const overdue = state === 'overdue';
  const vaccine = names.vaccines(item.programmeId, item.itemId)[0];
  const itemName = names.item(item.programmeId, item.itemId);
  return (
    <Group
      component="li"
      gap="xs"
      wrap="wrap"
      data-testid="vacc-due-item"
      data-item={item.itemId}
      data-state={state}
    >
      <Badge color={STATE_COLOUR[state]} variant="light">
        {stateLabel(state, i18n)}
      </Badge>
      <Text size="sm" fw={600}>
        {itemName}
      </Text>
      <Text size="sm" c="dimmed">
        {overdue && item.overdueAfter
          ? t('programmes.vacc.overdueSince', { date: i18n.date(item.overdueAfter) })
          : t('programmes.vacc.dueFrom', { date: i18n.date(item.dueFrom) })}
      </Text>
      {item.comeOn && (
        <Text size="sm" c="dimmed">
          {t('programmes.vacc.comeOn', { date: i18n.date(item.comeOn) })}
        </Text>
      )}
      {onRecord && vaccine && (
        <Button
          size="compact-md"
          variant="light"
          onClick={() => onRecord(vaccine)}
          aria-label={t('programmes.vacc.recordItem', { item: itemName })}
          data-testid="vacc-record-item"
        >
          {t('programmes.vacc.recordShort')}
        </Button>
      )}
    </Group>
  );
}

function InvalidDoses({
  due,
  doses,
  names,
}: {
  due: ResidentDue;
  doses: Immunization[];
  names: ProgrammeNames;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const invalid = vaccinationView(due).invalidDoses;
  if (invalid.length === 0) return null;
  const byId = new Map(doses.map((d) => [d.id, d]));
  return (
    <Card withBorder component="section" aria-labelledby="invalid-doses" data-testid="vacc-invalid">
      <Title order={2} size="h4" mb="xs" id="invalid-doses">
        {t('programmes.vacc.invalid')}
      </Title>
      <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
        {invalid.map((d) => {
          const dose = byId.get(d.doseId);
          const vaccine = dose
            ? dose.vaccineNames[i18n.locale] || dose.vaccineNames.en
            : d.itemId
              ? names.item(d.programmeId, d.itemId)
              : d.doseId;
          return (
            <li key={`${d.doseId}-${d.programmeId}-${d.itemId ?? ''}`} data-testid="vacc-invalid-dose">
              <Text size="sm">
                {t('programmes.vacc.invalidLine', {
                  vaccine,
                  date: dose ? i18n.date(dose.date) : '–',
                  reason: reasonLabel(d.reason, i18n),
                })}
              </Text>
              {d.validFrom && (
                <Text size="sm" c="dimmed">
                  {t('programmes.vacc.validFrom', { date: i18n.date(d.validFrom) })}
                </Text>
              )}
            </li>
          );
        })}
      </Stack>
    </Card>
  );
}

function DoseHistory({ doses }: { doses: ReturnType<typeof useImmunizations> }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Card withBorder component="section" aria-labelledby="dose-history" data-testid="vacc-history">
      <Title order={2} size="h4" mb="xs" id="dose-history">
        {t('programmes.vacc.history')}
      </Title>
      {doses.isPending ? (
        <Loading />
      ) : doses.isError ? (
        <Text size="sm" c="red.9">
          {errorText(doses.error, i18n)}
        </Text>
      ) : doses.data.items.length === 0 ? (
        <Text size="sm">{t('programmes.vacc.noDoses')}</Text>
      ) : (
        <Stack component="ol" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
          {[...doses.data.items].reverse().map((d) => (
            <Group
              component="li"
              key={d.id}
              gap="xs"
              wrap="wrap"
              data-testid="vacc-dose"
              td={d.retractedBy ? 'line-through' : undefined}
            >
              <Text size="sm" fw={600} miw={96}>
                {i18n.date(d.date)}
              </Text>
              <Text size="sm">{d.vaccineNames[i18n.locale] || d.vaccineNames.en}</Text>
              {d.doseNumber !== null && (
                <Text size="sm" c="dimmed">
                  {t('programmes.vacc.doseNo', { number: d.doseNumber })}
                </Text>
              )}
              <Text size="sm" c="dimmed">
                {d.givenElsewhere ? (d.place ?? t('programmes.vacc.elsewhere')) : (d.facility?.name ?? '')}
              </Text>
              {d.retractedBy && (
                <Badge color="gray" variant="light">
                  {t('programmes.vacc.retracted')}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
