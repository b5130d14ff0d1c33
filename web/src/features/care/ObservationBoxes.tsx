import { Badge, Button, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { newId } from '../../../../src/platform/ids.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ObservationKind } from './api.ts';
import { flagLabel, observationLabel, unitLabel } from './labels.ts';
import { draftFlag, formKinds, type ObservationDraft, rangeOf } from './visit-form.ts';

/**
 * The measurement boxes: blood pressure, pulse and weight at once, the others behind "more"; each with
 * its unit, the range the server allows, the server's error when it refused the value, and a red mark
 * as soon as a typed value is alarming (the server's own threshold rule).
 */
export function ObservationBoxes({
  kinds,
  drafts,
  onChange,
  errors,
}: {
  kinds: readonly ObservationKind[];
  drafts: Readonly<Record<string, ObservationDraft>>;
  onChange: (next: Record<string, ObservationDraft>) => void;
  errors: Readonly<Record<string, string>>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { first, more } = formKinds(kinds);
  const [showMore, setShowMore] = useState(() => more.some((k) => drafts[k.code]?.text));
  const shown = showMore ? [...first, ...more] : first;

  const set = (code: string, text: string) =>
    onChange({ ...drafts, [code]: { code, text, id: drafts[code]?.id ?? newId() } });

  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {shown.map((kind) => {
          const text = drafts[kind.code]?.text ?? '';
          const flag = draftFlag(kind, text);
          const range = rangeOf(kind);
          const unit = unitLabel(kind.displayUnit, i18n);
          return (
            <Stack key={kind.code} gap={2} data-testid={`obs-box-${kind.key}`}>
              <TextInput
                label={observationLabel(kind.key, i18n)}
                description={t('care.obs.range', {
                  min: i18n.number(range.min, kind.decimals),
                  max: i18n.number(range.max, kind.decimals),
                  unit,
                })}
                value={text}
                onChange={(e) => set(kind.code, e.currentTarget.value)}
                inputMode="decimal"
                autoComplete="off"
                size="md"
                rightSection={unit}
                rightSectionWidth={unit.length > 4 ? 72 : 52}
                error={errors[kind.code]}
                data-testid={`obs-${kind.key}`}
              />
              {flag && !errors[kind.code] && (
                <Badge color="red" variant="filled" data-testid={`obs-${kind.key}-flag`}>
                  {flagLabel(flag, i18n)}
                </Badge>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
      {more.length > 0 && (
        <Button
          variant="subtle"
          size="sm"
          onClick={() => setShowMore(!showMore)}
          style={{ alignSelf: 'flex-start' }}
        >
          {showMore ? t('care.obs.fewer') : t('care.obs.more')}
        </Button>
      )}
    </Stack>
  );
}
