import { Button, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { can, useSignedIn } from '../../api/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLowestAreas, useProfile } from './api.ts';
import { ResidentSearch } from './ResidentSearch.tsx';

/** The residents search page; the text lives in the address (?q=) so Back returns to the same results. */
export function SearchPage() {
  const { t } = useI18n();
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  // The box keeps its own text (a keystroke never waits for the address); the address follows it.
  const [q, setQ] = useState(() => params.get('q') ?? '');
  const area = params.get('area') ?? '';
  // Both live in the address, replaced in place: Back leaves the page rather than undoing keystrokes.
  const setParam = useCallback(
    (name: 'q' | 'area', value: string) =>
      setParams(
        (p) => {
          if (value) p.set(name, value);
          else p.delete(name);
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setParam('q', q);
  }, [q, params, setParam]);
  const profile = useProfile();
  const within = session.roles.find((r) => r.area)?.area?.id;
  const villages = useLowestAreas(within, profile.data?.areaLevels.at(-1)?.id, '');
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
      <NativeSelect
        label={t('residents.search.village')}
        value={area}
        onChange={(e) => setParam('area', e.currentTarget.value)}
        data={[
          { value: '', label: t('residents.search.allVillages') },
          ...(villages.data?.items ?? []).map((v) => ({ value: v.id, label: v.name })),
        ]}
        data-testid="village-filter"
      />
      <ResidentSearch value={q} onChange={setQ} area={area || undefined} autoFocus />
    </Stack>
  );
}
