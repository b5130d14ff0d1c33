import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useProgrammes, useResidentDue } from './api.ts';
import { programmeCards } from './due-view.ts';
import { kindLabel, programmeNames, STATE_COLOUR, stateLabel } from './labels.ts';

/**
 * A resident's programmes on their page: for each programme they are in, how many items are overdue,
 * due, upcoming and done, and what comes next; vaccinations open the child's vaccination screen.
 */
export function ProgrammeCards({ residentId }: { residentId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const due = useResidentDue(residentId);
  const programmes = useProgrammes();
  const names = programmeNames(programmes.data?.programmes, i18n.locale);
  // A server without the programme routes yet: the section is left out.
  if (due.isError && due.error instanceof ApiError && due.error.status === 404) return null;
  const cards = due.data ? programmeCards(due.data) : [];
  return (
    <Card withBorder component="section" aria-labelledby="programmes-title" data-testid="programme-cards">
      <Title order={2} size="h4" id="programmes-title" mb="xs">
        {t('programmes.cards.title')}
      </Title>
      <QueryState query={due}>
        {() =>
          cards.length === 0 ? (
            <Text size="sm">{t('programmes.cards.none')}</Text>
          ) : (
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
              {cards.map((c) => {
                const state = c.counts.overdue > 0 ? 'overdue' : c.counts.due > 0 ? 'due' : null;
                return (
                  <li key={c.programmeId} data-testid="programme-card" data-programme={c.programmeId}>
                    <Group gap="xs" wrap="wrap">
                      {c.kind === 'immunization' ? (
                        <Anchor
                          component={Link}
                          to={`/residents/${residentId}/vaccinations`}
                          fw={600}
                          size="sm"
                          underline="always"
                        >
                          {names.programme(c.programmeId)}
                        </Anchor>
                      ) : (
                        <Text fw={600} size="sm">
                          {names.programme(c.programmeId)}
                        </Text>
                      )}
                      <Text size="sm" c="gray.7">
                        {kindLabel(c.kind, i18n)}
                      </Text>
                      {state && (
                        <Badge color={STATE_COLOUR[state]} variant="light">
                          {stateLabel(state, i18n)}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" data-testid="programme-counts">
                      {t('programmes.cards.line', {
                        overdue: c.counts.overdue,
                        due: c.counts.due,
                        upcoming: c.counts.upcoming,
                        done: c.counts.done,
                      })}
                    </Text>
                    {c.next && (
                      <Text size="sm" c="gray.7">
                        {t('programmes.cards.nextOn', {
                          item: names.item(c.programmeId, c.next.itemId),
                          date: i18n.date(c.next.dueFrom),
                        })}
                      </Text>
                    )}
                  </li>
                );
              })}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}
