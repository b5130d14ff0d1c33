import { Button, Group, NativeSelect, SimpleGrid, Stack, Title } from '@mantine/core';
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
  const commune = params.get('commune') ?? '';
  const village = params.get('area') ?? '';
  // All live in the address, replaced in place: Back leaves the page rather than undoing keystrokes.
  const setAddress = useCallback(
    (values: Partial<Record<'q' | 'area' | 'commune', string>>) =>
      setParams(
        (p) => {
          for (const [name, value] of Object.entries(values)) {
            if (value) p.set(name, value);
            else p.delete(name);
          }
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setAddress({ q });
  }, [q, params, setAddress]);
  const profile = useProfile();
  const place = session.roles.find((r) => r.area)?.area;
  const communeLevel = profile.data?.communeLevel;
  const villageLevel = profile.data?.areaLevels.at(-1)?.id;
  // Above a commune (a district, a province, the whole country) villages of the same name repeat:
  // the commune is chosen first, then its villages.
  const aboveCommune =
    Boolean(profile.data) && place?.level !== communeLevel && place?.level !== villageLevel;
  const communes = useLowestAreas(place?.id, aboveCommune ? communeLevel : undefined, '', 500);
  const villagesWithin = aboveCommune ? commune || undefined : place?.id;
  const villages = useLowestAreas(
    villagesWithin,
    aboveCommune && !commune ? undefined : villageLevel,
    '',
    500,
  );
  const area = village || commune;
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
      <SimpleGrid cols={{ base: 1, xs: aboveCommune ? 2 : 1 }} spacing="sm">
        {aboveCommune && (
          <NativeSelect
            label={t('residents.search.commune')}
            value={commune}
            onChange={(e) => setAddress({ commune: e.currentTarget.value, area: '' })}
            data={[
              { value: '', label: t('residents.search.allCommunes') },
              ...(communes.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
            data-testid="commune-filter"
          />
        )}
        <NativeSelect
          label={t('residents.search.village')}
          value={village}
          disabled={aboveCommune && !commune}
          onChange={(e) => setAddress({ area: e.currentTarget.value })}
          data={[
            {
              value: '',
              label:
                aboveCommune && !commune
                  ? t('residents.search.chooseCommuneFirst')
                  : t('residents.search.allVillages'),
            },
            ...(villages.data?.items ?? []).map((v) => ({ value: v.id, label: v.name })),
          ]}
          data-testid="village-filter"
        />
      </SimpleGrid>
      <ResidentSearch value={q} onChange={setQ} area={area || undefined} autoFocus />
    </Stack>
  );
}
