import { Badge, Button, Group, Loader, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { type CountryProfile, useProfile } from '../../api/profile.ts';
import { type I18n, useI18n } from '../../i18n/i18n.tsx';
import {
  type CatalogDiagnosis,
  type CatalogKind,
  type CatalogMedicine,
  type CatalogService,
  useCatalogSearch,
} from './api.ts';
import { diagnosisName, levelLabel, routeKey } from './labels.ts';

/**
 * The catalogues at a glance: search and list the diagnoses, medicines and services with the price in
 * force today, one card per item (reads on a 360 px phone as on a desktop).
 */
export function CataloguePage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<CatalogKind>('medicines');
  return (
    <Stack gap="md">
      <Title order={2}>{t('catalog.title')}</Title>
      <Tabs value={tab} onChange={(v) => setTab((v as CatalogKind) ?? 'medicines')} keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="medicines" data-testid="catalog-tab-medicines">
            {t('catalog.tab.medicines')}
          </Tabs.Tab>
          <Tabs.Tab value="services" data-testid="catalog-tab-services">
            {t('catalog.tab.services')}
          </Tabs.Tab>
          <Tabs.Tab value="diagnoses" data-testid="catalog-tab-diagnoses">
            {t('catalog.tab.diagnoses')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={tab} pt="md">
          <CatalogueList key={tab} kind={tab} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function CatalogueList({ kind }: { kind: CatalogKind }) {
  const i18n = useI18n();
  const { t } = i18n;
  const profile = useProfile().data;
  const [q, setQ] = useState('');
  const [term] = useDebouncedValue(q, 200);
  const [limit, setLimit] = useState(30);
  const search = useCatalogSearch(kind, term, { limit });
  const items = (search.data?.items ?? []) as (CatalogDiagnosis | CatalogMedicine | CatalogService)[];
  return (
    <Stack gap="sm">
      <TextInput
        label={t('catalog.search')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setLimit(30);
        }}
        size="md"
        autoComplete="off"
        rightSection={search.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        data-testid="catalog-search"
      />
      {search.isSuccess && items.length === 0 && <Text c="dimmed">{t('catalog.none')}</Text>}
      <Stack
        gap="xs"
        component="ul"
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
        data-testid="catalog-results"
      >
        {items.map((item) => (
          <li key={'id' in item ? item.id : item.code}>
            {kind === 'diagnoses' ? (
              <DiagnosisCard d={item as CatalogDiagnosis} i18n={i18n} />
            ) : (
              <ItemCard item={item as CatalogMedicine | CatalogService} i18n={i18n} profile={profile} />
            )}
          </li>
        ))}
      </Stack>
      {search.data?.nextAfter && (
        <Button
          variant="light"
          onClick={() => setLimit((l) => Math.min(200, l + 30))}
          disabled={limit >= 200}
        >
          {t('catalog.more')}
        </Button>
      )}
    </Stack>
  );
}

function DiagnosisCard({ d, i18n }: { d: CatalogDiagnosis; i18n: I18n }) {
  const { t, locale } = i18n;
  return (
    <Paper withBorder p="sm" data-testid="catalog-item">
      <Group gap="xs" wrap="wrap">
        <Text fw={700} ff="monospace">
          {d.code}
        </Text>
        <Text style={{ flex: '1 1 12rem' }}>{diagnosisName(d, locale)}</Text>
        {d.chronic && (
          <Badge variant="light" tt="none">
            {t('catalog.chronic')}
          </Badge>
        )}
        {d.notifiable && (
          <Badge variant="light" tt="none" color="red">
            {t('catalog.notifiable')}
          </Badge>
        )}
      </Group>
    </Paper>
  );
}

function ItemCard({
  item,
  i18n,
  profile,
}: {
  item: CatalogMedicine | CatalogService;
  i18n: I18n;
  profile: CountryProfile | undefined;
}) {
  const { t } = i18n;
  const medicine = 'strength' in item ? item : null;
  const routeName = (route: string) => {
    const key = routeKey(route);
    return key ? t(key) : route;
  };
  const price = item.price
    ? t('catalog.pricePer', {
        price: i18n.money(item.price.unitPrice, profile?.currency ?? 'VND'),
        unit: item.unit,
      })
    : t('catalog.noPrice');
  return (
    <Paper withBorder p="sm" data-testid="catalog-item">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Text fw={700} style={{ flex: '1 1 12rem' }}>
            {medicine ? `${medicine.name} ${medicine.strength}` : item.name}
          </Text>
          <Text fw={600} data-testid="catalog-price">
            {price}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {[
            item.code,
            medicine
              ? `${medicine.dosageForm} · ${routeName(medicine.route)}`
              : t(`catalog.kind.${(item as CatalogService).kind}`),
            medicine?.atcCode ? t('catalog.atc', { code: medicine.atcCode }) : null,
            item.insuranceCode ? t('catalog.insuranceCode', { code: item.insuranceCode }) : null,
            item.price ? t('catalog.priceSince', { date: i18n.date(item.price.effectiveFrom) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group gap="xs">
          <Badge variant="light" tt="none" color={item.insured ? 'teal' : 'gray'}>
            {item.insured
              ? item.insuredFromLevel
                ? t('catalog.insuredFrom', { level: levelLabel(profile, item.insuredFromLevel) })
                : t('catalog.insured')
              : t('catalog.notInsured')}
          </Badge>
          {'lowestCareLevel' in item && item.lowestCareLevel && (
            <Badge variant="light" tt="none">
              {t('catalog.lowestLevel', { level: levelLabel(profile, item.lowestCareLevel) })}
            </Badge>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
