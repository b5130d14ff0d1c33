import './residents.css';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type KeyboardEvent, useId, useRef } from 'react';
import { Link } from 'react-router';
import { useProfile } from '../../api/profile.ts';
import { errorText } from '../../components/api-errors.ts';
import { useTotalText } from '../../components/ListTotal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { MIN_SEARCH_LENGTH, type Resident, useResidentSearch } from './api.ts';
import { maskCitizenId } from './display.ts';
import { insuranceWord, useInsuranceRecord } from './insurance-words.ts';
import { birthLabel, relationshipLabel, sexLabel, statusLabel } from './labels.ts';

/** Milliseconds of quiet typing before the search goes out: a word, not every letter, on a slow link. */
const DEBOUNCE_MS = 250;

interface Props {
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
  /** Only residents of this area (a village's id), as the search page's village picker sets it. */
  area?: string;
  /** Show at most this many results, then a link to the search page with all of them. */
  limit?: number;
}

/**
 * Search as you type: name without accents, citizen id, phone, birth year, within a village when one is
 * chosen (then, with no text, the village's residents by name). Each result is a
 * link (Tab reaches it); the arrow keys also walk from the box through the results.
 */
export function ResidentSearch({ value, onChange, autoFocus, area, limit }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const record = useInsuranceRecord();
  // Names typed in pinyin (CN) are shown so in the example; otherwise a Vietnamese name without accents.
  const pinyin = useProfile().data?.names?.phonetic === 'pinyin';
  const [debounced] = useDebouncedValue(value, DEBOUNCE_MS);
  const search = useResidentSearch(debounced, area);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsId = useId();
  const term = debounced.trim();
  const typing = value.trim() !== term;
  const found = search.data?.pages.flatMap((p) => p.items) ?? [];
  const total = search.data?.pages.at(-1)?.total;
  const totalText = useTotalText();

  const links = () =>
    Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-result]') ?? []);
  const onInputKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      links()[0]?.focus();
    }
  };
  const onListKey = (event: KeyboardEvent) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (at === 0) inputRef.current?.focus();
      else all[at - 1]?.focus();
    } else if (event.key === 'Escape') {
      inputRef.current?.focus();
    }
  };

  let body: React.ReactNode;
  if (term.length < MIN_SEARCH_LENGTH && !area) {
    body = (
      <Text c="dimmed" size="sm" data-testid="search-empty">
        {t('residents.search.empty')}
      </Text>
    );
  } else if (search.isError) {
    body = (
      <Alert color="red" role="alert">
        {errorText(search.error, i18n)}
      </Alert>
    );
  } else if (search.isPending) {
    body = null;
  } else if (found.length === 0 && !search.isPlaceholderData) {
    body = (
      <Text size="sm" data-testid="search-none">
        {t('residents.search.none', { q: term })}
      </Text>
    );
  } else {
    body = (
      <>
        {limit === undefined && total && (
          <Text size="sm" c="gray.7" data-testid="search-total">
            {t('residents.search.total', { count: totalText(total) })}
          </Text>
        )}
        <ul
          ref={listRef}
          className="resident-results"
          aria-label={t('residents.search.results')}
          onKeyDown={onListKey}
          data-testid="search-results"
          style={{ listStyle: 'none', margin: 0, padding: 0, opacity: search.isPlaceholderData ? 0.6 : 1 }}
        >
          {found.slice(0, limit).map((r) => (
            <li key={r.id}>
              <ResidentRow resident={r} />
            </li>
          ))}
        </ul>
        {limit === undefined && search.hasNextPage && (
          <Button
            variant="light"
            onClick={() => search.fetchNextPage()}
            loading={search.isFetchingNextPage}
            style={{ alignSelf: 'center' }}
            data-testid="search-more"
          >
            {t('common.more')}
          </Button>
        )}
      </>
    );
    if (limit !== undefined && (found.length > limit || search.hasNextPage))
      body = (
        <>
          {body}
          <Anchor
            component={Link}
            to={`/residents?q=${encodeURIComponent(term)}`}
            size="sm"
            mt="xs"
            display="block"
          >
            {t('residents.search.all', { q: term })}
          </Anchor>
        </>
      );
  }

  return (
    <Stack gap="xs">
      <TextInput
        ref={inputRef}
        type="search"
        label={t('residents.search.label')}
        description={t(insuranceWord(record, 'residents.search.hint'))}
        placeholder={t(pinyin ? 'residents.search.placeholderPinyin' : 'residents.search.placeholder')}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        onKeyDown={onInputKey}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        aria-controls={resultsId}
        rightSection={
          (typing || search.isFetching) && term.length >= MIN_SEARCH_LENGTH ? (
            <Loader size="xs" aria-label={t('common.loading')} />
          ) : null
        }
        data-testid="resident-search"
      />
      <div id={resultsId} aria-live="polite">
        {body}
      </div>
    </Stack>
  );
}

function ResidentRow({ resident: r }: { resident: Resident }) {
  const i18n = useI18n();
  const { t } = i18n;
  const facts = [sexLabel(r.sex, i18n), birthLabel(r, i18n)].filter(Boolean).join(' · ');
  // An address usually names its village already; the area is added only when it does not.
  const place = [
    r.householdAddress ?? '',
    r.householdAddress?.includes(r.area.name) ? '' : r.area.name,
    r.relationshipToHead ? relationshipLabel(r.relationshipToHead, i18n) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const masked = maskCitizenId(r.citizenId);
  return (
    <UnstyledButton
      component={Link}
      to={`/residents/${r.id}`}
      data-result
      className="resident-result"
      display="block"
      w="100%"
      p="xs"
    >
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} data-testid="result-name">
            {r.fullName}
          </Text>
          <Text size="sm">{facts}</Text>
          <Text size="sm" c="dimmed" data-testid="result-place" style={{ overflowWrap: 'anywhere' }}>
            {place}
          </Text>
        </div>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          {masked && (
            <Text
              size="xs"
              ff="monospace"
              aria-label={t('residents.citizenIdEnding', { end: r.citizenId?.slice(-4) ?? '' })}
            >
              {masked}
            </Text>
          )}
          {r.status !== 'active' && (
            <Badge color="gray" variant="light" size="sm">
              {statusLabel(r.status, i18n)}
            </Badge>
          )}
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
