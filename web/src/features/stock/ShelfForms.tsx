import {
  Alert,
  Button,
  NativeSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useToday } from '../../api/profile.ts';
import { applyApiErrors, errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  ADJUSTMENT_REASONS,
  type AdjustmentReason,
  type OnHand,
  useAdjust,
  useCount,
  useMedicineSearch,
  useReceive,
} from './api.ts';

type Batch = OnHand['lines'][number]['batches'][number];

const RECEIVE_FIELDS = [
  'lines[0].medicineId',
  'lines[0].batchNumber',
  'lines[0].expiryDate',
  'lines[0].quantity',
  'supplier',
  'receivedOn',
] as const;
const ADJUST_FIELDS = ['lines[0].batchId', 'lines[0].quantity', 'reason'] as const;

/** The API's field problems next to the form's one-line inputs (`body.lines[0].quantity` → `quantity`). */
function placeErrors(
  error: unknown,
  setFieldError: (field: string, message: string) => void,
  fields: readonly string[],
  i18n: ReturnType<typeof useI18n>,
): string | null {
  let placed = false;
  const banner = applyApiErrors(
    error,
    (field, message) => {
      placed = true;
      setFieldError(field.replace('lines[0].', ''), message);
    },
    fields,
    i18n,
  );
  return placed && banner === i18n.t('error.fixFields') ? null : banner;
}

/** A delivery: medicine (searched in the catalog), batch number, expiry, quantity, supplier. */
export function ReceiveForm({ facilityId }: { facilityId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const [search, setSearch] = useState('');
  const medicines = useMedicineSearch(search);
  const receive = useReceive();
  const [saved, setSaved] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      medicineId: '',
      batchNumber: '',
      expiryDate: '',
      quantity: 0,
      supplier: '',
      receivedOn: today,
    },
  });
  const submit = form.onSubmit(async (v) => {
    setSaved(false);
    setBanner(null);
    try {
      await receive.mutateAsync({
        facilityId,
        receivedOn: v.receivedOn,
        ...(v.supplier ? { supplier: v.supplier } : {}),
        lines: [
          {
            medicineId: v.medicineId,
            batchNumber: v.batchNumber,
            expiryDate: v.expiryDate,
            quantity: v.quantity,
          },
        ],
      });
      setSaved(true);
      form.reset();
    } catch (e) {
      setBanner(placeErrors(e, form.setFieldError, RECEIVE_FIELDS, i18n));
    }
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" maw={480}>
        <Select
          label={t('stock.receive.medicine')}
          placeholder={t('stock.receive.search')}
          searchable
          onSearchChange={setSearch}
          data={(medicines.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.code})` }))}
          {...form.getInputProps('medicineId')}
          data-testid="receive-medicine"
        />
        <TextInput label={t('stock.receive.batch')} {...form.getInputProps('batchNumber')} />
        <TextInput type="date" label={t('stock.receive.expiry')} {...form.getInputProps('expiryDate')} />
        <NumberInput min={1} label={t('stock.receive.quantity')} {...form.getInputProps('quantity')} />
        <TextInput label={t('stock.receive.supplier')} {...form.getInputProps('supplier')} />
        <TextInput type="date" label={t('stock.receive.date')} {...form.getInputProps('receivedOn')} />
        {banner && (
          <Alert color="red" role="alert">
            {banner}
          </Alert>
        )}
        {saved && <Text c="green.8">{t('stock.saved')}</Text>}
        <Button type="submit" loading={receive.isPending}>
          {t('stock.receive.save')}
        </Button>
      </Stack>
    </form>
  );
}

function batchLabel(b: Batch, i18n: ReturnType<typeof useI18n>): string {
  return `${b.medicineName} · ${b.batchNumber} · ${i18n.date(b.expiryDate)} · ${i18n.number(b.onHand)}`;
}

/** An adjustment of one batch with its reason (units off the shelf; a count correction either way). */
export function AdjustForm({ facilityId, batches }: { facilityId: string; batches: readonly Batch[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const adjust = useAdjust();
  const [saved, setSaved] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm({
    initialValues: { batchId: batches[0]?.id ?? '', reason: 'damaged' as AdjustmentReason, quantity: 1 },
  });
  const submit = form.onSubmit(async (v) => {
    setSaved(false);
    setBanner(null);
    try {
      const quantity = v.reason === 'count_correction' ? v.quantity : -Math.abs(v.quantity);
      await adjust.mutateAsync({
        facilityId,
        on: today,
        reason: v.reason,
        lines: [{ batchId: v.batchId, quantity }],
      });
      setSaved(true);
    } catch (e) {
      setBanner(placeErrors(e, form.setFieldError, ADJUST_FIELDS, i18n));
    }
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" maw={480}>
        <NativeSelect
          label={t('stock.adjust.batch')}
          data={batches.map((b) => ({ value: b.id, label: batchLabel(b, i18n) }))}
          {...form.getInputProps('batchId')}
        />
        <NativeSelect
          label={t('stock.adjust.reason')}
          data={ADJUSTMENT_REASONS.map((r) => ({ value: r, label: t(`stock.reason.${r}`) }))}
          {...form.getInputProps('reason')}
        />
        <NumberInput label={t('stock.adjust.quantity')} {...form.getInputProps('quantity')} />
        {banner && (
          <Alert color="red" role="alert">
            {banner}
          </Alert>
        )}
        {saved && <Text c="green.8">{t('stock.saved')}</Text>}
        <Button type="submit" loading={adjust.isPending}>
          {t('stock.adjust.save')}
        </Button>
      </Stack>
    </form>
  );
}

/** A physical count: what is on the shelf for each batch. */
export function CountForm({ facilityId, batches }: { facilityId: string; batches: readonly Batch[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const count = useCount();
  const [counted, setCounted] = useState<Record<string, number>>({});
  const [saved, setSaved] = useState(false);
  const lines = Object.entries(counted).map(([batchId, n]) => ({ batchId, counted: n }));
  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.7">
        {t('stock.count.hint')}
      </Text>
      <Table miw={320}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stock.col.batch')}</Table.Th>
            <Table.Th ta="right">{t('stock.col.onHand')}</Table.Th>
            <Table.Th>{t('stock.col.counted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batches.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>
                <Text size="sm">{b.medicineName}</Text>
                <Text size="xs" c="gray.7">
                  {b.batchNumber} · {i18n.date(b.expiryDate)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{i18n.number(b.onHand)}</Table.Td>
              <Table.Td>
                <NumberInput
                  min={0}
                  w={110}
                  aria-label={`${t('stock.col.counted')}: ${b.medicineName} ${b.batchNumber}`}
                  value={counted[b.id] ?? ''}
                  onChange={(v) => setCounted((c) => ({ ...c, [b.id]: Number(v) }))}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {count.isError && (
        <Alert color="red" role="alert">
          {errorText(count.error, i18n)}
        </Alert>
      )}
      {saved && <Text c="green.8">{t('stock.saved')}</Text>}
      <Button
        disabled={lines.length === 0}
        loading={count.isPending}
        onClick={async () => {
          setSaved(false);
          await count.mutateAsync({ facilityId, countedOn: today, lines });
          setCounted({});
          setSaved(true);
        }}
        w={{ base: '100%', xs: 'auto' }}
      >
        {t('stock.count.save')}
      </Button>
    </Stack>
  );
}
