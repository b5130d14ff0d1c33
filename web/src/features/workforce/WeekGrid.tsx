import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { sessionLabel } from './labels.ts';
import { dayMonth, weekdayName } from './week.ts';
import { byDay, placeName, type WeekEntry } from './week-entries.ts';

const SESSION_COLOURS = { morning: 'yellow', afternoon: 'indigo', day: 'teal' } as const;

function EntryLine({ entry }: { entry: WeekEntry }) {
  const { t } = useI18n();
  const facility = placeName(entry);
  const where =
    facility === null
      ? null
      : entry.role === 'host'
        ? t('workforce.rotations.comesFrom', { facility })
        : entry.role === 'home'
          ? t('workforce.rotations.awayAt', { facility })
          : t('workforce.rotations.atStation', { facility });
  return (
    <Card component="li" withBorder padding="xs" radius="sm" data-testid="rotation-entry">
      <Badge size="xs" variant="light" color={SESSION_COLOURS[entry.session]} tt="none">
        {sessionLabel(t, entry.session)}
      </Badge>
      <Text size="sm" fw={500} mt={4} style={{ overflowWrap: 'anywhere' }}>
        {entry.workerName}
      </Text>
      {where && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {where}
        </Text>
      )}
    </Card>
  );
}

/**
 * A week, Monday to Sunday: seven columns on a wide screen, a list of days on a phone. Each day lists
 * its sessions (morning, whole day, afternoon); today is marked.
 */
export function WeekGrid({
  dates,
  entries,
  today,
}: {
  dates: string[];
  entries: WeekEntry[];
  today: string;
}) {
  const { t, locale } = useI18n();
  const days = byDay(dates, entries);
  return (
    <SimpleGrid
      cols={{ base: 1, md: 7 }}
      spacing="xs"
      component="ol"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {dates.map((date) => {
        const list = days.get(date) ?? [];
        const isToday = date === today;
        return (
          <Card
            component="li"
            key={date}
            withBorder
            padding="xs"
            bg={isToday ? 'teal.0' : undefined}
            style={isToday ? { borderColor: 'var(--mantine-color-teal-7)' } : undefined}
            aria-current={isToday ? 'date' : undefined}
            data-testid="week-day"
            data-date={date}
          >
            <Group gap={6} mb={6} align="baseline">
              <Text fw={600} size="sm" data-testid="weekday-name">
                {weekdayName(locale, date)}
              </Text>
              <Text size="xs" c="dimmed">
                {dayMonth(locale, date)}
                {isToday ? ` · ${t('workforce.rotations.today')}` : ''}
              </Text>
            </Group>
            {list.length === 0 ? (
              <Text size="xs" c="dimmed">
                {t('workforce.rotations.noSession')}
              </Text>
            ) : (
              <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {list.map((e) => (
                  <EntryLine key={`${e.rotationId}-${e.date}-${e.role}`} entry={e} />
                ))}
              </Stack>
            )}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
