import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useProfile } from '../api/profile.ts';
import { can, useSignedIn, useSignOut } from '../api/session.ts';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { currentEntry } from './current-entry.ts';
import { navLabel } from './feature.ts';
import { FEATURES } from './features.ts';
import { initialsOf } from './initials.ts';

/** The frame of every signed-in page: header with language and account, a menu that folds on phones. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const session = useSignedIn();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const initials = initialsOf(session.user.displayName);
  const { data: profile } = useProfile();
  const nav = [
    { to: '/', label: 'nav.home' as const },
    ...FEATURES.flatMap((f) => f.nav)
      .filter((n) => can(session, n.permission))
      .sort((a, b) => a.order - b.order),
  ];
  const current = currentEntry(
    nav.map((n) => n.to),
    location.pathname,
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Text component={Link} to="/" fw={700} size="lg" c="teal.9" td="none">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                {/* Named by what it shows (initials, and the name on a wide screen), then "account" for
                    screen readers: the visible words are in its name, so voice control finds it. */}
                <UnstyledButton data-testid="user-menu" px={4}>
                  <Group gap={6} wrap="nowrap">
                    <Avatar size={30} radius="xl" color="teal">
                      {initials}
                    </Avatar>
                    <Text size="sm" fw={500} truncate maw={220} visibleFrom="sm">
                      {session.user.displayName}
                    </Text>
                    <VisuallyHidden>{t('user.menu')}</VisuallyHidden>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component={Link} to="/account/password">
                  {t('user.changePassword')}
                </Menu.Item>
                <Menu.Item
                  color="red"
                  onClick={() => {
                    navigate('/');
                    signOut.mutate();
                  }}
                >
                  {t('user.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <ScrollArea>
          {nav.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(navLabel(item, profile))}
              active={item.to === current}
              // A screen reader says which entry is the page shown; it changes in the render that swaps the page.
              aria-current={item.to === current ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
