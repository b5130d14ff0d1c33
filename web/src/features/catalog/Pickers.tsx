import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  type CatalogDiagnosis,
  type CatalogMedicine,
  type CatalogService,
  useCatalogSearch,
  useDiagnosis,
} from './api.ts';
import { diagnosisLabel, medicineLabel, serviceLabel } from './labels.ts';

/**
 * The catalogue pickers the visit screen uses (CONTRACTS.md): type a code or words in any language,
 * with or without accents (the server folds them), pick a result. Results are the server's order; the
 * list is not filtered again here, since 'tang huyet ap' must find 'Tăng huyết áp'.
 */

const MIN = 2;
const noFilter = ({ options }: { options: ComboboxItem[] | unknown[] }) => options as never;

interface PickerProps<T> {
  label: string;
  items: T[];
  chosen: T | null;
  keyOf: (item: T) => string;
  labelOf: (item: T) => string;
  search: string;
  onSearch: (q: string) => void;
  loading: boolean;
  onPick: (item: T | null) => void;
  testId: string;
}

function CatalogSelect<T>({
  label,
  items,
  chosen,
  keyOf,
  labelOf,
  search,
  onSearch,
  loading,
  onPick,
  testId,
}: PickerProps<T>) {
  const { t } = useI18n();
  const seen = useRef(new Map<string, T>());
  const all = chosen && !items.some((i) => keyOf(i) === keyOf(chosen)) ? [chosen, ...items] : items;
  for (const item of all) seen.current.set(keyOf(item), item);
  return (
    <Select
      label={label}
      placeholder={t('catalog.pick.placeholder')}
      data={all.map((item) => ({ value: keyOf(item), label: labelOf(item) }))}
      value={chosen ? keyOf(chosen) : null}
      onChange={(key) => onPick(key ? (seen.current.get(key) ?? null) : null)}
      searchable
      searchValue={search}
      onSearchChange={onSearch}
      filter={noFilter}
      clearable
      size="md"
      maxDropdownHeight={360}
      nothingFoundMessage={
        search.trim().length < MIN
          ? t('catalog.pick.typeMore')
          : loading
            ? t('common.loading')
            : t('catalog.none')
      }
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}

/** What is typed, debounced, unless it is the chosen item's own label (shown in the box once picked). */
function useTerm(search: string, chosenLabel: string | null): string {
  const [term] = useDebouncedValue(search.trim(), 200);
  return term === chosenLabel ? '' : term;
}

export function DiagnosisPicker({
  value,
  onChange,
  label,
}: {
  value: string | null;
  onChange: (d: CatalogDiagnosis | null) => void;
  label?: string;
}) {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const stored = useDiagnosis(value);
  const chosen = value ? (stored.data ?? null) : null;
  const term = useTerm(search, chosen ? diagnosisLabel(chosen, locale) : null);
  const results = useCatalogSearch('diagnoses', term, { limit: 15, enabled: term.length >= MIN });
  return (
    <CatalogSelect<CatalogDiagnosis>
      label={label ?? t('catalog.pick.diagnosis')}
      items={term.length >= MIN ? (results.data?.items ?? []) : []}
      chosen={chosen}
      keyOf={(d) => d.code}
      labelOf={(d) => diagnosisLabel(d, locale)}
      search={search}
      onSearch={setSearch}
      loading={results.isFetching}
      onPick={onChange}
      testId="diagnosis-picker"
    />
  );
}

export function MedicinePicker({
  onChange,
  label,
  date,
}: {
  onChange: (m: CatalogMedicine | null) => void;
  label?: string;
  /** The date whose prices the results carry (the visit's); today by default. */
  date?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<CatalogMedicine | null>(null);
  const term = useTerm(search, chosen ? medicineLabel(chosen) : null);
  const results = useCatalogSearch('medicines', term, { limit: 15, date, enabled: term.length >= MIN });
  return (
    <CatalogSelect<CatalogMedicine>
      label={label ?? t('catalog.pick.medicine')}
      items={term.length >= MIN ? (results.data?.items ?? []) : []}
      chosen={chosen}
      keyOf={(m) => m.id}
      labelOf={medicineLabel}
      search={search}
      onSearch={setSearch}
      loading={results.isFetching}
      onPick={(m) => {
        setChosen(m);
        onChange(m);
      }}
      testId="medicine-picker"
    />
  );
}

export function ServicePicker({
  onChange,
  label,
  date,
}: {
  onChange: (s: CatalogService | null) => void;
  label?: string;
  date?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<CatalogService | null>(null);
  const term = useTerm(search, chosen ? serviceLabel(chosen) : null);
  const results = useCatalogSearch('services', term, { limit: 15, date, enabled: term.length >= MIN });
  return (
    <CatalogSelect<CatalogService>
      label={label ?? t('catalog.pick.service')}
      items={term.length >= MIN ? (results.data?.items ?? []) : []}
      chosen={chosen}
      keyOf={(s) => s.id}
      labelOf={serviceLabel}
      search={search}
      onSearch={setSearch}
      loading={results.isFetching}
      onPick={(s) => {
        setChosen(s);
        onChange(s);
      }}
      testId="service-picker"
    />
  );
}
