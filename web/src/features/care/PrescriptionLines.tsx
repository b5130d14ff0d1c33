import {
  ActionIcon,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { DOSE_FREQUENCIES, type DoseFrequency } from './api.ts';
import { frequencyLabel, medicineName } from './labels.ts';
import { draftQuantity, type PrescriptionDraft } from './visit-form.ts';

/**
 * The prescription lines being written: dose, how often, how many days, the quantity counted from
 * them (or typed over), the long-term mark; each line with the server's error on its field.
 */
export function PrescriptionLines({
  lines,
  onChange,
  errors,
  onHand,
}: {
  lines: readonly PrescriptionDraft[];
  /** Usable units on the facility's shelf by medicine id, when the user may see the shelf. */
  onHand?: ReadonlyMap<string, number>;
  onChange: (next: PrescriptionDraft[]) => void;
  errors: Readonly<Record<string, Readonly<Record<string, string>>>>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const update = (id: string, change: Partial<PrescriptionDraft>) =>
    onChange(lines.map((l) => (l.id === id ? { ...l, ...change } : l)));

  return (
    <Stack gap="sm">
      {lines.map((line) => {
        const counted = draftQuantity({ ...line, quantity: '' });
        const e = errors[line.id] ?? {};
        const name = medicineName(line.medicine);
        const shelf = onHand ? (onHand.get(line.medicineId) ?? 0) : null;
        const wanted = draftQuantity(line);
        return (
          <Paper key={line.id} withBorder p="sm" data-testid="rx-draft">
            <Group justify="space-between" wrap="nowrap" align="flex-start" mb="xs">
              <Text fw={600} data-testid="rx-draft-name">
                {name}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('care.rx.remove', { name })}
                onClick={() => onChange(lines.filter((l) => l.id !== line.id))}
              >
                ×
              </ActionIcon>
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <TextInput
                label={t('care.rx.dose', { unit: line.medicine.unit })}
                value={line.dose}
                inputMode="decimal"
                onChange={(ev) => update(line.id, { dose: ev.currentTarget.value })}
                error={e.dose}
              />
              <NativeSelect
                label={t('care.rx.frequency')}
                value={line.frequency}
                data={DOSE_FREQUENCIES.map((f) => ({ value: f, label: frequencyLabel(f, i18n) }))}
                onChange={(ev) => update(line.id, { frequency: ev.currentTarget.value as DoseFrequency })}
                error={e.frequency}
              />
              <TextInput
                label={t('care.rx.duration')}
                value={line.durationDays}
                inputMode="numeric"
                onChange={(ev) => update(line.id, { durationDays: ev.currentTarget.value })}
                error={e.durationDays}
              />
              <TextInput
                label={t('care.rx.quantity')}
                value={line.quantity}
                inputMode="numeric"
                placeholder={counted === null ? t('care.rx.uncountable') : String(counted)}
                description={
                  counted === null
                    ? undefined
                    : t('care.rx.counted', { count: counted, unit: line.medicine.unit })
                }
                onChange={(ev) => update(line.id, { quantity: ev.currentTarget.value })}
                error={e.quantity}
                data-testid="rx-quantity"
              />
            </SimpleGrid>
            {shelf !== null && (
              <Text
                size="sm"
                mt={4}
                c={wanted !== null && wanted > shelf ? 'red.8' : 'dimmed'}
                data-testid="rx-shelf"
              >
                {t('care.rx.onShelf', { count: shelf, unit: line.medicine.unit })}
              </Text>
            )}
            <Checkbox
              mt="xs"
              label={t('care.rx.longTerm')}
              checked={line.longTerm}
              onChange={(ev) => update(line.id, { longTerm: ev.currentTarget.checked })}
              error={e.longTerm}
            />
          </Paper>
        );
      })}
    </Stack>
  );
}
