import { Button, Group, Stack, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { can, useSignedIn } from '../../api/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ResidentSearch } from './ResidentSearch.tsx';

/** The residents search page; the text lives in the address (?q=) so Back returns to the same results. */
export function SearchPage() {
  const { t } = useI18n();
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
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
      <ResidentSearch
        value={q}
        onChange={(next) => setParams(next ? { q: next } : {}, { replace: true })}
        autoFocus
      />
    </Stack>
  );
}
