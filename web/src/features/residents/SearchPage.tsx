import { Button, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
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
  useEffect(() => {
    if ((params.get('q') ?? '') !== q)
      setParams(
        (p) => {
          if (q) p.set('q', q);
          else p.delete('q');
          return p;
        },
        { replace: true },
      );
  }, [q, params, setParams]);
  const setArea = (id: string) =>
    setParams(
      (p) => {
        if (id) p.set('area', id);
        else p.delete('area');
        return p;
      },
      { replace: true },
    );
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
        onChange={(e) => setArea(e.currentTarget.value)}
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
