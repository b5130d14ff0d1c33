import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorText } from '../../components/api-errors.ts';
import { ListTotal } from '../../components/ListTotal.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useChildAreas, useHomeArea } from '../facilities/api.ts';
import {
  type OutreachOutcome,
  PROGRAMME_KINDS,
  useProgrammes,
  useWorklist,
  WORKLIST_STATES,
  type WorklistFilters,
  type WorklistRow,
  type WorklistState,
} from './api.ts';
import {
  ageLabel,
  kindLabel,
  outcomeLabel,
  PRIORITY_COLOUR,
  type ProgrammeNames,
  priorityLabel,
  programmeNames,
  STATE_COLOUR,
  stateLabel,
  telHref,
} from './labels.ts';
import { OutcomeForm, WRAP } from './OutcomeForm.tsx';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/**
 * Today's list for the station, the family doctor or the village health worker: what is due and
 * overdue (call first at the top), filtered by kind, programme, village and state (kept in the
 * address), each row with one tap to call (a child's guardian, named on the button, when the number
 * is theirs) and one to record the outcome of the call.
 */
export function WorklistPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [params, setParams] = useSearchParams();
  const filters: WorklistFilters = {
    kind: pick(params.get('kind'), PROGRAMME_KINDS),
    state: pick(params.get('state'), WORKLIST_STATES),
    programme: params.get('programme') || undefined,
    area: params.get('area') || undefined,
  };
  const setFilter = (name: keyof WorklistFilters, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const list = useWorklist(filters);
  const programmes = useProgrammes();
  const names = programmeNames(programmes.data?.programmes, i18n.locale);
  const home = useHomeArea();
  const villages = useChildAreas(home.area?.id, undefined);
  const first = list.data?.pages[0];
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack maw={860}>
      <div>
        <Title order={1} size="h2">
          {t('programmes.worklist.title')}
        </Title>
        {first && (
          <Text size="sm" c="gray.7">
            {t('programmes.worklist.asOf', { date: i18n.date(first.asOf, 'long') })}
          </Text>
        )}
      </div>
      {first && (
        <Group gap={6} aria-label={t('programmes.worklist.filter.kind')} data-testid="kind-counts">
          <Button
            size="compact-md"
            variant={filters.kind ? 'default' : 'filled'}
            aria-pressed={!filters.kind}
            onClick={() => setFilter('kind', undefined)}
          >
            {t('programmes.worklist.filter.all')} · {first.counts.total}
          </Button>
          {PROGRAMME_KINDS.filter((k) => {
            const c = first.counts.byKind[k];
            return k === filters.kind || (c && c.due + c.overdue > 0);
          }).map((k) => {
            const c = first.counts.byKind[k];
            return (
              <Button
                key={k}
                size="compact-md"
                variant={filters.kind === k ? 'filled' : 'default'}
                aria-pressed={filters.kind === k}
                onClick={() => setFilter('kind', k)}
                data-testid={`kind-${k}`}
              >
                {kindLabel(k, i18n)} · {(c?.due ?? 0) + (c?.overdue ?? 0)}
              </Button>
            );
          })}
        </Group>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        {(villages.data?.length ?? 0) > 0 && (
          <NativeSelect
            label={t('programmes.worklist.filter.village')}
            value={filters.area ?? ''}
            onChange={(e) => setFilter('area', e.currentTarget.value)}
            data={[
              { value: '', label: t('programmes.worklist.filter.all') },
              ...(villages.data ?? []).map((a) => ({ value: a.code, label: a.name })),
            ]}
          />
        )}
        {(programmes.data?.programmes.length ?? 0) > 1 && (
          <NativeSelect
            label={t('programmes.worklist.filter.programme')}
            value={filters.programme ?? ''}
            onChange={(e) => setFilter('programme', e.currentTarget.value)}
            data={[
              { value: '', label: t('programmes.worklist.filter.all') },
              ...(programmes.data?.programmes ?? [])
                .filter((p) => !filters.kind || p.kind === filters.kind)
                .map((p) => ({ value: p.id, label: names.programme(p.id) })),
            ]}
          />
        )}
        <NativeSelect
          label={t('programmes.worklist.filter.state')}
          value={filters.state ?? ''}
          onChange={(e) => setFilter('state', e.currentTarget.value)}
          data={[
            { value: '', label: t('programmes.worklist.filter.all') },
            ...WORKLIST_STATES.map((s: WorklistState) => ({ value: s, label: stateLabel(s, i18n) })),
          ]}
        />
      </SimpleGrid>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <Alert color="red" role="alert">
          {errorText(list.error, i18n)}
        </Alert>
      ) : rows.length === 0 ? (
        <Text data-testid="worklist-empty">{t('programmes.worklist.empty')}</Text>
      ) : (
        <>
          {first && <ListTotal shown={rows.length} total={first.total} />}
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} data-testid="worklist">
            {rows.map((row) => (
              <RowCard key={row.id} row={row} names={names} />
            ))}
          </Stack>
          {list.hasNextPage && (
            <Button
              variant="default"
              onClick={() => list.fetchNextPage()}
              loading={list.isFetchingNextPage}
              style={{ alignSelf: 'center' }}
            >
              {t('common.more')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

/** One person and one item: who, what, how late, how urgent, and the two taps (call, outcome). */
function RowCard({ row, names }: { row: WorklistRow; names: ProgrammeNames }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<OutreachOutcome | null>(null);
  const age = ageLabel(row, i18n);
  return (
    <Card
      withBorder
      component="li"
      padding="sm"
      data-testid="worklist-row"
      data-resident={row.residentId}
      data-item={row.itemId}
    >
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/residents/${row.residentId}`} fw={600} data-testid="row-name">
              {row.fullName}
            </Anchor>
            <Text size="sm" c="gray.7">
              {[age, row.village].filter(Boolean).join(' · ')}
            </Text>
          </div>
          {row.priority <= 2 && (
            <Badge color={PRIORITY_COLOUR[row.priority]} variant="filled" data-testid="row-priority">
              {priorityLabel(row.priority, i18n)}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="wrap">
          <Badge color={STATE_COLOUR[row.state]} variant="light">
            {stateLabel(row.state, i18n)}
          </Badge>
          <Text size="sm" fw={600}>
            {names.item(row.programmeId, row.itemId)}
          </Text>
          <Text size="sm" c="gray.7" data-testid="row-when">
            {row.state === 'overdue'
              ? t('programmes.worklist.daysOverdue', { count: row.daysOverdue })
              : t('programmes.worklist.dueSince', { date: i18n.date(row.dueFrom) })}
          </Text>
        </Group>
        {row.lastBp && (
          <Text size="sm" c="gray.7">
            {t('programmes.worklist.lastBp', {
              systolic: row.lastBp.systolic,
              diastolic: row.lastBp.diastolic,
              date: i18n.date(row.lastBp.on),
            })}
          </Text>
        )}
        {(saved || row.lastAttempt) && (
          <Text size="sm" c="gray.7" data-testid="row-attempt">
            {saved
              ? t('programmes.outcomeForm.saved', { outcome: outcomeLabel(saved, i18n) })
              : row.lastAttempt && (
                  <>
                    {outcomeLabel(row.lastAttempt.outcome, i18n)} · {i18n.date(row.lastAttempt.at)}
                  </>
                )}
          </Text>
        )}
        <Group gap="xs" grow>
          {row.phone ? (
            <Button
              component="a"
              href={telHref(row.phone)}
              size="md"
              h="auto"
              mih={42}
              styles={WRAP}
              aria-label={
                row.phoneOf
                  ? t('programmes.worklist.callGuardianFor', {
                      guardian: row.phoneOf.fullName,
                      name: row.fullName,
                    })
                  : t('programmes.worklist.callName', { name: row.fullName })
              }
              data-testid="row-call"
              data-guardian={row.phoneOf?.residentId}
            >
              {row.phoneOf
                ? t('programmes.worklist.callGuardian', { guardian: row.phoneOf.fullName })
                : t('programmes.worklist.call')}
            </Button>
          ) : (
            <Button size="md" h="auto" mih={42} styles={WRAP} disabled>
              {t('programmes.worklist.noPhone')}
            </Button>
          )}
          <Button
            size="md"
            variant={open ? 'filled' : 'light'}
            aria-expanded={open}
            aria-label={t('programmes.worklist.recordFor', { name: row.fullName })}
            onClick={() => setOpen(!open)}
            data-testid="row-outcome"
          >
            {t('programmes.worklist.record')}
          </Button>
        </Group>
        {row.kind === 'immunization' && (
          <Anchor
            component={Link}
            to={`/residents/${row.residentId}/vaccinations`}
            size="sm"
            data-testid="row-vaccinations"
          >
            {t('programmes.worklist.vaccinations')}
          </Anchor>
        )}
        {open && (
          <OutcomeForm
            row={row}
            onSaved={(outcome) => {
              setSaved(outcome);
              setOpen(false);
            }}
          />
        )}
      </Stack>
    </Card>
  );
}
