import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, Suspense, useEffect } from 'react';
import { Link, Route, Routes } from 'react-router';
import { whenUnauthorized } from '../api/client.ts';
import { can, forgetSession, SignedInSession, useSession, useSignedIn } from '../api/session.ts';
import { errorText } from '../components/api-errors.ts';
import { Loading } from '../components/Loading.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { FEATURES } from './features.ts';
import { Shell } from './Shell.tsx';

function Guarded({ permission, Page }: { permission?: string; Page: ComponentType }) {
  const { t } = useI18n();
  const session = useSignedIn();
  if (!can(session, permission)) return <Alert color="yellow">{t('common.forbidden')}</Alert>;
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Stack align="flex-start">
      <Text>{t('common.notFound')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('common.goHome')}
      </Button>
    </Stack>
  );
}

/** Signed out: the sign-in page at whatever address was opened (after sign-in that page shows). */
export function App() {
  const i18n = useI18n();
  const queryClient = useQueryClient();
  const session = useSession();
  useEffect(() => whenUnauthorized(() => forgetSession(queryClient)), [queryClient]);

  if (session.isPending) return <Loading />;
  if (session.isError)
    return (
      <Center p="xl">
        <Stack align="center">
          <Alert color="red">{errorText(session.error, i18n)}</Alert>
          <Button onClick={() => session.refetch()}>{i18n.t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  if (!session.data) return <SignInPage />;

  return (
    <SignedInSession value={session.data}>
      <Shell>
        <Routes>
          <Route index element={<HomePage />} />
          {FEATURES.flatMap((f) => f.routes).map((r) => (
            <Route key={r.path} path={r.path} element={<Guarded permission={r.permission} Page={r.Page} />} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Shell>
    </SignedInSession>
  );
}
