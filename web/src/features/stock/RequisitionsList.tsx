import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
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
            {next && can(session, next.permission) && (
              <Button
                mt="xs"
                size="sm"
                loading={step.isPending && step.variables?.id === r.id}
                onClick={() => step.mutate({ id: r.id, action: next.action })}
                w={{ base: '100%', xs: 'auto' }}
              >
                {t(`stock.action.${next.action}`)}
              </Button>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
