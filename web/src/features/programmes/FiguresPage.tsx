import { Alert, Card, Group, NativeSelect, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useToday } from '../../api/profile.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AreaParamPicker, useAreaParam } from '../facilities/AreaParamPicker.tsx';
import { type ProgrammeFigure, useProgrammeFigures } from './api.ts';
import { figureMeasure, periodChoices } from './figures-period.ts';
import { kindLabel } from './labels.ts';

const MEASURE: Record<string, MessageKey> = {
  registered: 'programmes.figure.registered',
  new: 'programmes.figure.new',
  'under-care': 'programmes.figure.under-care',
  controlled: 'programmes.figure.controlled',
  uncontrolled: 'programmes.figure.uncontrolled',
  'visit-no-reading': 'programmes.figure.visit-no-reading',
  'missed-visit': 'programmes.figure.missed-visit',
  'lost-to-follow-up': 'programmes.figure.lost-to-follow-up',
  bcg: 'programmes.figure.bcg',
  dtp1: 'programmes.figure.dtp1',
  dtp3: 'programmes.figure.dtp3',
  mcv1: 'programmes.figure.mcv1',
  'fully-immunized': 'programmes.figure.fully-immunized',
  'dtp-dropout': 'programmes.figure.dtp-dropout',
  'first-trimester': 'programmes.figure.first-trimester',
  'four-contacts': 'programmes.figure.four-contacts',
  'within-week': 'programmes.figure.within-week',
  check: 'programmes.figure.check',
  'returned-after-call': 'programmes.figure.returned-after-call',
};

/**
 * The programme figures of an area for a quarter or a year (GET /api/programmes/figures), for
 * managers: by programme kind, each figure's count, its rate over what it is counted against, and
 * how it is counted (the API's definition, in the reader's language). Area and period are kept in
 * the address.
 */
export function FiguresPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const area = useAreaParam();
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const choices = periodChoices(today);
  const period = params.get('period') || choices[0]!.id;
  const figures = useProgrammeFigures(area.areaCode, period);
  const byKind = new Map<string, ProgrammeFigure[]>();
  for (const f of figures.data?.figures ?? []) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);

  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        {t('programmes.figures.title')}
      </Title>
      <Group align="flex-end" gap="sm">
        <AreaParamPicker label={t('programmes.figures.area')} area={area} />
        <NativeSelect
          label={t('programmes.figures.period')}
          value={period}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            next.set('period', e.currentTarget.value);
            setParams(next, { replace: true });
          }}
          data={choices.map((c) => ({
            value: c.id,
            label:
              c.kind === 'quarter'
                ? t('programmes.figures.quarter', { quarter: c.quarter, year: c.year })
                : t('programmes.figures.year', { year: c.year }),
          }))}
          w={{ base: '100%', xs: 200 }}
          data-testid="figures-period"
        />
      </Group>
      {figures.isPending ? (
        <Loading />
      ) : figures.isError ? (
        <Alert color="red" role="alert">
          {errorText(figures.error, i18n)}
        </Alert>
      ) : (
        <>
          <Text size="sm" c="gray.7" data-testid="figures-as-of">
            {figures.data.area.name} ·{' '}
            {t('programmes.figures.asOf', {
              date: i18n.date(figures.data.asOf),
              from: i18n.date(figures.data.windows.last3Months.from),
              to: i18n.date(figures.data.windows.last3Months.to),
            })}
          </Text>
          {byKind.size === 0 && <Text>{t('programmes.figures.none')}</Text>}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {[...byKind].map(([kind, list]) => (
              <Card withBorder component="section" key={kind} aria-labelledby={`figures-${kind}`}>
                <Title order={2} size="h4" id={`figures-${kind}`} mb="xs">
                  {kindLabel(kind, i18n)}
                </Title>
                <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
                  {list.map((f) => (
                    <FigureLine key={f.id} figure={f} />
                  ))}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function FigureLine({ figure: f }: { figure: ProgrammeFigure }) {
  const i18n = useI18n();
  const { t } = i18n;
  const key = MEASURE[figureMeasure(f.id, f.kind)];
  const definition = f.definition[i18n.locale] || f.definition.en;
  return (
    <li data-testid="figure" data-figure={f.id}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {key ? t(key) : definition}
        </Text>
        <Text size="sm" fw={700} data-testid="figure-count">
          {i18n.number(f.count, 0)}
        </Text>
      </Group>
      {f.rate !== null && f.denominator !== null && (
        <>
          <Progress value={f.rate} size="sm" mt={4} aria-hidden />
          <Text size="xs" c="gray.7">
            {t('programmes.figures.ofDenominator', {
              rate: i18n.percent(f.rate / 100),
              denominator: i18n.number(f.denominator, 0),
            })}
          </Text>
        </>
      )}
      {key && (
        <details>
          <summary>
            <Text component="span" size="xs" c="gray.7">
              {t('programmes.figures.howCounted')}
            </Text>
          </summary>
          <Text size="xs" c="gray.7">
            {definition}
          </Text>
        </details>
      )}
    </li>
  );
}
