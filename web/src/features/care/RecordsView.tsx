import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Diagnosis, Observation, Prescription, ServiceLine } from './api.ts';
import { flagLabel, frequencyLabel, medicineName, nameIn, observationLabel, unitLabel } from './labels.ts';

/** A list of one kind of record, unstyled (each list names its test id). */
function RecordUl({ gap, testId, children }: { gap: number; testId: string; children: ReactNode }) {
  return (
    <Stack gap={gap} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid={testId}>
      {children}
    </Stack>
  );
}

/**
 * A record being written, not yet saved (a diagnosis, a service): its code, its name, what else the
 * form says of it, the button that takes it off, and the server's refusal of it when there is one.
 */
export function DraftRow({
  code,
  name,
  onRemove,
  testId,
  error,
  children,
}: {
  code: string;
  name: string;
  onRemove: () => void;
  testId: string;
  error?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Group gap="xs" data-testid={testId}>
      <Text fw={700} ff="monospace">
        {code}
      </Text>
      <Text>{name}</Text>
      {children}
      <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
        {t('care.dx.remove', { code })}
      </Button>
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Group>
  );
}

/** Recorded measurements as "Systolic BP 150 mmHg", the alarming ones marked. */
export function ObservationList({ items, testId }: { items: readonly Observation[]; testId: string }) {
  const i18n = useI18n();
  if (items.length === 0) return null;
  return (
    <Group gap="xs" data-testid={testId}>
      {items.map((o) => (
        <Badge
          key={o.id}
          size="lg"
          variant={o.flag ? 'filled' : 'light'}
          color={o.flag ? 'red' : 'gray'}
          style={{ textTransform: 'none' }}
          data-testid="obs-recorded"
          title={o.flag ? flagLabel(o.flag, i18n) : undefined}
        >
          {observationLabel(o.key, i18n)} {i18n.number(o.enteredValue, 2)} {unitLabel(o.enteredUnit, i18n)}
          {o.flag ? ` · ${flagLabel(o.flag, i18n)}` : ''}
        </Badge>
      ))}
    </Group>
  );
}

export function DiagnosisList({ items }: { items: readonly Diagnosis[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (items.length === 0) return null;
  return (
    <RecordUl gap={4} testId="dx-recorded">
      {items.map((d) => (
        <Group component="li" key={d.id} gap="xs" wrap="wrap">
          <Text fw={700} ff="monospace">
            {d.code}
          </Text>
          <Text>{nameIn(d.names, i18n)}</Text>
          <Badge variant="light" color={d.role === 'main' ? 'teal' : 'gray'}>
            {d.role === 'main' ? t('care.dx.main') : t('care.dx.other')}
          </Badge>
          {d.chronic && <Badge variant="outline">{t('care.dx.chronic')}</Badge>}
          {d.notifiable && <Badge color="red">{t('care.dx.notifiable')}</Badge>}
        </Group>
      ))}
    </RecordUl>
  );
}

/** A prescription line: what, how, how many; what the shelf gave. */
export function PrescriptionList({
  items,
  errors = {},
}: {
  items: readonly Prescription[];
  errors?: Readonly<Record<string, string>>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  if (items.length === 0) return null;
  return (
    <RecordUl gap={6} testId="rx-recorded">
      {items.map((p) => (
        <li key={p.id} data-testid="rx-line">
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{medicineName(p.medicine)}</Text>
            {p.longTerm && <Badge variant="outline">{t('care.rx.longTerm')}</Badge>}
            {p.dispensed > 0 && (
              <Badge color="teal" data-testid="rx-dispensed">
                {t('care.rx.dispensed', { count: p.dispensed })}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('care.rx.line', {
              dose: i18n.number(p.dose, 2),
              unit: p.medicine.unit,
              frequency: frequencyLabel(p.frequency, i18n),
              days: p.durationDays,
              quantity: p.quantity,
            })}
          </Text>
          {errors[p.id] && (
            <Text size="sm" c="red.8" role="alert" data-testid="rx-error">
              {errors[p.id]}
            </Text>
          )}
        </li>
      ))}
    </RecordUl>
  );
}

export function ServiceList({ items }: { items: readonly ServiceLine[] }) {
  if (items.length === 0) return null;
  return (
    <RecordUl gap={4} testId="svc-recorded">
      {items.map((s) => (
        <Group component="li" key={s.id} gap="xs">
          <Text ff="monospace">{s.code}</Text>
          <Text>{s.name}</Text>
          {s.quantity > 1 && <Text c="dimmed">× {s.quantity}</Text>}
        </Group>
      ))}
    </RecordUl>
  );
}
