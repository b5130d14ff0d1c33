import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useToday } from '../../api/profile.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAllFacilities } from '../facilities/api.ts';
import {
  type OnHand,
  type Transfer,
  useReceiveTransfer,
  useRequisitions,
  useSendTransfer,
  useTransfers,
} from './api.ts';

/**
 * Transfers between facilities outside a requisition: what is in transit to or from this facility
 * (sent, not yet received), the receiving of a transfer addressed here (all of it, or what arrived
 * per line; a requisition's shipment is received with its requisition, which it closes), a form to send stock to another facility (first expiry first out), and the ones done.
 */
export function TransfersPanel({
  facilityId,
  onHand,
  canWrite,
}: {
  facilityId: string;
  onHand: OnHand;
  canWrite: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const transfers = useTransfers(facilityId);
  if (transfers.isPending) return <Loading />;
  if (transfers.isError || !transfers.data)
    return (
      <Alert color="red" role="alert">
        {errorText(transfers.error, i18n)}
      </Alert>
    );
  const inTransit = transfers.data.filter((x) => x.status === 'in_transit');
  const done = transfers.data.filter((x) => x.status !== 'in_transit');
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('stock.transfer.inTransit')}
      </Title>
      {inTransit.length === 0 ? (
        <Text c="gray.7">{t('stock.transfer.noneInTransit')}</Text>
      ) : (
        inTransit.map((x) => (
          <TransferCard
            key={x.id}
            transfer={x}
            receivable={canWrite && x.toFacility.id === facilityId && !x.requisitionId}
          />
        ))
      )}
      {canWrite && <SendTransferForm facilityId={facilityId} onHand={onHand} />}
      {done.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('stock.transfer.done')}
          </Title>
          {done.map((x) => (
            <TransferCard key={x.id} transfer={x} receivable={false} />
          ))}
        </>
      )}
    </Stack>
  );
}

/** One transfer with its lines; addressed here and in transit, the receiving with a quantity per line. */
function TransferCard({ transfer: x, receivable }: { transfer: Transfer; receivable: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const receive = useReceiveTransfer();
  const [arrived, setArrived] = useState<Record<number, number>>(() =>
    Object.fromEntries(x.lines.map((l) => [l.line, l.quantitySent])),
  );
  const [receivedOn, setReceivedOn] = useState(today);
  const short = x.lines.filter((l) => (arrived[l.line] ?? l.quantitySent) !== l.quantitySent);
  return (
    <Card withBorder padding="sm" data-testid={`transfer-${x.status}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={600}>
          {t('stock.transfer.route', {
            from: x.fromFacility.name,
            to: x.toFacility.name,
            date: i18n.date(x.sentOn),
          })}
        </Text>
        <Badge variant="light" color={x.status === 'in_transit' ? 'orange' : 'green'}>
          {t(`stock.transfer.status.${x.status}`)}
        </Badge>
      </Group>
      {x.requisitionId && (
        <Text size="xs" c="gray.7">
          {t('stock.transfer.forRequisition')}
        </Text>
      )}
      <Stack gap={4} mt={4}>
        {x.lines.map((l) =>
          receivable ? (
            <Group key={l.line} gap="xs" wrap="wrap" align="end">
              <Text size="sm" style={{ flex: '1 1 12rem' }}>
                {t('stock.transfer.line', {
                  name: l.medicineName,
                  batch: l.batchNumber,
                  expiry: i18n.date(l.expiryDate),
                  sent: i18n.number(l.quantitySent),
                  unit: l.unit,
                })}
              </Text>
              <NumberInput
                w={{ base: '100%', xs: 140 }}
                min={0}
                max={l.quantitySent}
                label={t('stock.transfer.arrived')}
                value={arrived[l.line] ?? l.quantitySent}
                onChange={(v) => setArrived((a) => ({ ...a, [l.line]: Number(v) || 0 }))}
                data-testid={`arrived-${l.line}`}
              />
            </Group>
          ) : (
            <Text key={l.line} size="sm">
              {t(
                l.quantityReceived === null || l.quantityReceived === l.quantitySent
                  ? 'stock.transfer.line'
                  : 'stock.transfer.lineShort',
                {
                  name: l.medicineName,
                  batch: l.batchNumber,
                  expiry: i18n.date(l.expiryDate),
                  sent: i18n.number(l.quantitySent),
                  received: i18n.number(l.quantityReceived ?? 0),
                  unit: l.unit,
                },
              )}
            </Text>
          ),
        )}
      </Stack>
      {x.receivedOn && (
        <Text size="xs" c="gray.7" mt={4}>
          {t('stock.transfer.receivedOn', { date: i18n.date(x.receivedOn) })}
        </Text>
      )}
      {receivable && (
        <Stack gap="xs" mt="xs">
          <TextInput
            type="date"
            label={t('stock.transfer.receivedDate')}
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            maw={220}
          />
          {receive.isError && (
            <Alert color="red" role="alert">
              {errorText(receive.error, i18n)}
            </Alert>
          )}
          <Button
            w={{ base: '100%', xs: 'auto' }}
            loading={receive.isPending}
            onClick={() =>
              receive.mutate({
                transferId: x.id,
                receivedOn,
                ...(short.length > 0
                  ? {
                      lines: x.lines.map((l) => ({
                        line: l.line,
                        quantityReceived: arrived[l.line] ?? l.quantitySent,
                      })),
                    }
                  : {}),
              })
            }
          >
            {short.length > 0 ? t('stock.transfer.receivePart') : t('stock.transfer.receiveAll')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}

/** Sends stock on the shelf to another facility: the destination picked by name, one line per medicine. */
function SendTransferForm({ facilityId, onHand }: { facilityId: string; onHand: OnHand }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  // The facilities the user may see (its own places and those above: a station sees its district
  // centre), filtered as the name is typed.
  const facilities = useAllFacilities();
  // And those it already deals with: its suppliers (requisitions), its transfers' other ends.
  const requisitions = useRequisitions({ facility: facilityId });
  const transfers = useTransfers(facilityId);
  const send = useSendTransfer();
  const [to, setTo] = useState<string | null>(null);
  const [lines, setLines] = useState<{ key: number; medicineId: string | null; quantity: number }[]>([
    { key: 0, medicineId: null, quantity: 0 },
  ]);
  const [sentOn, setSentOn] = useState(today);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const stocked = onHand.lines.filter((l) => l.onHand > 0);
  const known = new Map<string, { id: string; code: string; name: string }>();
  for (const f of [
    ...(requisitions.data ?? []).map((r) => r.supplier),
    ...(transfers.data ?? []).flatMap((x) => [x.fromFacility, x.toFacility]),
    ...(facilities.data ?? []),
  ])
    if (f.id !== facilityId && !known.has(f.id)) known.set(f.id, f);
  const options = [...known.values()].map((f) => ({ value: f.id, label: `${f.name} (${f.code})` }));
  const submit = async () => {
    setSaved(false);
    if (!to) return;
    await send.mutateAsync({
      fromFacilityId: facilityId,
      toFacilityId: to,
      sentOn,
      ...(note.trim() ? { note: note.trim() } : {}),
      lines: lines.flatMap((l) => (l.medicineId ? [{ medicineId: l.medicineId, quantity: l.quantity }] : [])),
    });
    setSaved(true);
    setLines([{ key: Date.now(), medicineId: null, quantity: 0 }]);
    setNote('');
  };
  return (
    <Card withBorder padding="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit().catch(() => undefined);
        }}
      >
        <Stack gap="sm" maw={520}>
          <Title order={2} size="h4">
            {t('stock.transfer.send')}
          </Title>
          <Select
            label={t('stock.transfer.to')}
            placeholder={t('stock.transfer.searchFacility')}
            searchable
            data={options}
            value={to}
            onChange={setTo}
            data-testid="transfer-to"
          />
          {lines.map((l, i) => (
            <Group key={l.key} gap="xs" wrap="wrap" align="end">
              <Select
                style={{ flex: '1 1 14rem' }}
                label={t('stock.transfer.medicine')}
                data={stocked.map((m) => ({
                  value: m.medicineId,
                  label: t('stock.transfer.onShelf', {
                    name: m.medicineName,
                    units: i18n.number(m.onHand),
                    unit: m.unit,
                  }),
                }))}
                value={l.medicineId}
                onChange={(v) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, medicineId: v } : x)))}
                data-testid={`transfer-medicine-${i}`}
              />
              <NumberInput
                w={{ base: '100%', xs: 140 }}
                min={1}
                label={t('stock.transfer.quantity')}
                value={l.quantity}
                onChange={(v) =>
                  setLines((ls) => ls.map((x, j) => (j === i ? { ...x, quantity: Number(v) || 0 } : x)))
                }
                data-testid={`transfer-quantity-${i}`}
              />
            </Group>
          ))}
          <Button
            variant="subtle"
            w={{ base: '100%', xs: 'auto' }}
            onClick={() => setLines((ls) => [...ls, { key: Date.now(), medicineId: null, quantity: 0 }])}
          >
            {t('stock.transfer.addLine')}
          </Button>
          <TextInput
            type="date"
            label={t('stock.transfer.sentOn')}
            value={sentOn}
            onChange={(e) => setSentOn(e.currentTarget.value)}
            maw={220}
          />
          <TextInput
            label={t('stock.transfer.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {send.isError && (
            <Alert color="red" role="alert">
              {errorText(send.error, i18n)}
            </Alert>
          )}
          {saved && (
            <Alert color="green" role="status">
              {t('stock.transfer.sent')}
            </Alert>
          )}
          <Button
            type="submit"
            loading={send.isPending}
            disabled={!to || !lines.some((l) => l.medicineId)}
            w={{ base: '100%', xs: 'auto' }}
          >
            {t('stock.transfer.sendButton')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
