import { Button, Group, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { can, useSignedIn } from '../../api/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ResidentSearch } from './ResidentSearch.tsx';

/** The residents search page; the text lives in the address (?q=) so Back returns to the same results. */
export function SearchPage() {
  const { t } = useI18n();
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  // The box keeps its own text (a keystroke never waits for the address); the address follows it.
  const [q, setQ] = useState(() => params.get('q') ?? '');
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setParams(q ? { q } : {}, { replace: true });
  }, [q, params, setParams]);
  return (
    <Stack maw={720}>
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t('residents.search.title')}
        </Title>
        {can(session, 'residents.write') && (
          <Button component={Link} to="/residents/new" variant="light">
            {t('residents.register.title')}
          </Button>
        )}
      </Group>
      <ResidentSearch value={q} onChange={setQ} autoFocus />
    </Stack>
  );
}
