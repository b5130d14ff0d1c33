import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useProfile } from '../../api/profile.ts';
import { can, useSignedIn } from '../../api/session.ts';
import { navLabel } from '../../app/feature.ts';
import { FEATURES } from '../../app/features.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { roleLabelKey } from './roles.ts';
import { TodayVisitsCard } from './TodayVisitsCard.tsx';

/**
 * The first screen after sign-in, shaped by the role: the cards the features offer to this role (a
 * station's resident search, a manager's capacity figures ...), then shortcuts to every screen allowed.
 * A user working at a facility sees its visits of today first.
 */
export function HomePage() {
  const { t } = useI18n();
  const session = useSignedIn();
  const { data: profile } = useProfile();
  const roles = session.roles.map((r) => r.role);
  const cards = FEATURES.flatMap((f) => f.homeCards ?? [])
    .filter((c) => can(session, c.permission) && (!c.roles || c.roles.some((r) => roles.includes(r))))
    .sort((a, b) => a.order - b.order);
  const shortcuts = FEATURES.flatMap((f) => f.nav)
    .filter((n) => can(session, n.permission))
    .sort((a, b) => a.order - b.order);
  // A station's staff: the visits of the day at their facility, first.
  const station = session.roles.find((r) => r.facility)?.facility;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('home.greeting', { name: session.user.displayName })}
        </Title>
        <Group gap="xs" mt="xs" aria-label={t('home.yourRoles')}>
          {session.roles.map((r) => {
            const key = roleLabelKey(r.role, r.area?.level);
            const place = r.facility?.name ?? r.area?.name ?? t('home.allPlaces');
            return (
              <Text
                key={`${r.role}-${r.scopePath}`}
                size="sm"
                fw={600}
                c="teal.9"
                bg="teal.0"
                px="sm"
                py={4}
                style={{ borderRadius: 16 }}
                data-testid="role-badge"
              >
                {key ? t(key) : r.role} · {place}
              </Text>
            );
          })}
        </Group>
      </div>
      {station && can(session, 'care.read') && <TodayVisitsCard facilityId={station.id} />}
      {cards.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {cards.map((card) => (
            <div key={card.id}>{card.render()}</div>
          ))}
        </SimpleGrid>
      )}
      {shortcuts.length > 0 && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('home.shortcuts')}
          </Text>
          <Group gap="md">
            {shortcuts.map((n) => (
              <Anchor component={Link} to={n.to} key={n.to}>
                {t(navLabel(n, profile))}
              </Anchor>
            ))}
          </Group>
        </Card>
      )}
    </Stack>
  );
}
