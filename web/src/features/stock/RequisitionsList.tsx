import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Requisition, useRequisitionStep } from './api.ts';

const NEXT: Record<
  Requisition['status'],
  { action: 'send' | 'approve' | 'ship' | 'receive'; permission: string } | null
> = {
  draft: { action: 'send', permission: 'requisitions.write' },
  sent: { action: 'approve', permission: 'requisitions.approve' },
  approved: { action: 'ship', permission: 'requisitions.approve' },
  shipped: { action: 'receive', permission: 'requisitions.write' },
  received: null,
};

/** Requisitions with their lines and the next step, for whoever may take it (the API checks again). */
export function RequisitionsList({ requisitions }: { requisitions: readonly Requisition[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSignedIn();
  const step = useRequisitionStep();
  if (requisitions.length === 0) return <Text c="gray.7">{t('stock.req.none')}</Text>;
  return (
    <Stack gap="sm">
      {step.isError && (
        <Alert color="red" role="alert">
          {errorText(step.error, i18n)}
        </Alert>
      )}
      {requisitions.map((r) => {
        const next = NEXT[r.status];
        return (
          <Card key={r.id} withBorder padding="sm" data-testid={`requisition-${r.status}`}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm" fw={600}>
                {t('stock.req.from', {
                  station: r.facility.name,
                  supplier: r.supplier.name,
                  date: i18n.date(r.createdOn),
                })}
              </Text>
              <Badge variant="light">{t(`stock.state.${r.status}`)}</Badge>
            </Group>
            <Text size="xs" c="gray.7">
              {t('stock.req.lines', { count: r.lines.length })}
            </Text>
            <Stack gap={2} mt={4}>
              {r.lines.map((l) => (
                <Text key={l.medicineId} size="sm">
                  {l.approved === null
                    ? t('stock.req.line.pending', {
                        name: l.medicineName,
                        requested: i18n.number(l.requested),
                      })
                    : t('stock.req.line', {
                        name: l.medicineName,
                        requested: i18n.number(l.requested),
                        approved: i18n.number(l.approved),
                      })}
                </Text>
              ))}
            </Stack>
            {next?.action === 'approve' && can(session, next.permission) ? (
              <ApproveStep requisition={r} step={step} />
            ) : (
              next &&
              can(session, next.permission) && (
                <Button
                  mt="xs"
                  size="sm"
                  loading={step.isPending && step.variables?.id === r.id}
                  onClick={() => step.mutate({ id: r.id, action: next.action })}
                  w={{ base: '100%', xs: 'auto' }}
                >
                  {t(`stock.action.${next.action}`)}
                </Button>
              )
            )}
          </Card>
        );
      })}
    </Stack>
  );
}

/**
 * The supplier's approval: as asked in one tap, or for less, with the units granted per line (a line
 * left at what was asked is approved as asked).
 */
function ApproveStep({
  requisition: r,
  step,
}: {
  requisition: Requisition;
  step: ReturnType<typeof useRequisitionStep>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [granted, setGranted] = useState<Record<string, number> | null>(null);
  const busy = step.isPending && step.variables?.id === r.id;
  if (!granted)
    return (
      <Group mt="xs" gap="xs" wrap="wrap">
        <Button
          size="sm"
          loading={busy}
          onClick={() => step.mutate({ id: r.id, action: 'approve' })}
          w={{ base: '100%', xs: 'auto' }}
        >
          {t('stock.action.approve')}
        </Button>
        <Button
          size="sm"
          variant="light"
          onClick={() => setGranted(Object.fromEntries(r.lines.map((l) => [l.medicineId, l.requested])))}
          w={{ base: '100%', xs: 'auto' }}
        >
          {t('stock.approve.less')}
        </Button>
      </Group>
    );
  return (
    <Stack gap="xs" mt="xs" data-testid="approve-lines">
      <Text size="sm" fw={600}>
        {t('stock.approve.title')}
      </Text>
      {r.lines.map((l) => (
        <Group key={l.medicineId} gap="xs" wrap="wrap" align="end">
          <Text size="sm" style={{ flex: '1 1 12rem' }}>
            {t('stock.approve.asked', { name: l.medicineName, requested: i18n.number(l.requested) })}
          </Text>
          <NumberInput
            w={{ base: '100%', xs: 140 }}
            min={0}
            label={t('stock.approve.granted')}
            value={granted[l.medicineId] ?? l.requested}
            onChange={(v) => setGranted((g) => ({ ...g, [l.medicineId]: Number(v) || 0 }))}
            data-testid={`granted-${l.medicineCode}`}
          />
        </Group>
      ))}
      <Group gap="xs" wrap="wrap">
        <Button
          size="sm"
          loading={busy}
          onClick={() =>
            step.mutate(
              {
                id: r.id,
                action: 'approve',
                lines: r.lines.map((l) => ({
                  medicineId: l.medicineId,
                  approved: granted[l.medicineId] ?? l.requested,
                })),
              },
              { onSuccess: () => setGranted(null) },
            )
          }
          w={{ base: '100%', xs: 'auto' }}
        >
          {t('stock.approve.confirm')}
        </Button>
        <Button size="sm" variant="subtle" onClick={() => setGranted(null)} w={{ base: '100%', xs: 'auto' }}>
          {t('stock.approve.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
