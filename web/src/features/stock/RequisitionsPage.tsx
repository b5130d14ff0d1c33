import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useHomeArea } from '../facilities/api.ts';
import { useCreateRequisition, useRequisitions, useSuggestion } from './api.ts';
import { FiguresTable } from './FiguresTable.tsx';
import { RequisitionsList } from './RequisitionsList.tsx';

/**
 * Requisitions. A station (a user tied to a facility, or `?facility=`) sees what max-min suggests,
 * makes a requisition from it, sends it and receives the shipment; a district (no facility) sees
 * the requisitions of every station in its area, to approve and ship.
 */
export function RequisitionsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSignedIn();
  const [params] = useSearchParams();
  const home = useHomeArea();
  const facilityId = params.get('facility') || session.roles.find((r) => r.facility)?.facility?.id;
  const area = facilityId ? undefined : params.get('area') || home.area?.code;
  const suggestion = useSuggestion(facilityId);
  const list = useRequisitions({ facility: facilityId, area });
  const create = useCreateRequisition();

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('stock.req.title')}
      </Title>
      {facilityId && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('stock.req.suggested')}
          </Title>
          {suggestion.isPending ? (
            <Loading />
          ) : suggestion.isError || !suggestion.data ? (
            <Alert color="red" role="alert">
              {errorText(suggestion.error, i18n)}
            </Alert>
          ) : suggestion.data.lines.length === 0 ? (
            <Text c="gray.7">{t('stock.req.nothing')}</Text>
          ) : (
            <>
              {suggestion.data.supplier && (
                <Text size="sm">{t('stock.req.supplier', { name: suggestion.data.supplier.name })}</Text>
              )}
              <FiguresTable lines={suggestion.data.lines} />
              {can(session, 'requisitions.write') && (
                <Button
                  loading={create.isPending}
                  onClick={() => create.mutate({ facilityId })}
                  w={{ base: '100%', xs: 'auto' }}
                >
                  {t('stock.req.create')}
                </Button>
              )}
              {create.isError && (
                <Alert color="red" role="alert">
                  {errorText(create.error, i18n)}
                </Alert>
              )}
            </>
          )}
        </Stack>
      )}
      <Title order={2} size="h4">
        {t('stock.req.list')}
      </Title>
      {list.isPending ? (
        <Loading />
      ) : list.isError || !list.data ? (
        <Alert color="red" role="alert">
          {errorText(list.error, i18n)}
        </Alert>
      ) : (
        <RequisitionsList requisitions={list.data} />
      )}
    </Stack>
  );
}
