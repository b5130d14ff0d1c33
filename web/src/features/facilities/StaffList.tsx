import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useToday } from '../../api/profile.ts';
import { errorText } from '../../components/api-errors.ts';
import { useTotalText } from '../../components/ListTotal.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useStaffAt } from './api.ts';
import { useLabels } from './labels.ts';

/** Who works at the facility today (assigned on today's date), with cadre, qualification and post. */
export function StaffList({ facilityId }: { facilityId: string }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const totalText = useTotalText();
  const labels = useLabels();
  const today = useToday();
  const staff = useStaffAt(facilityId, today, true);
  const workers = staff.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card withBorder data-testid="facility-staff">
      <Title order={2} size="h4" mb={2}>
        {t('facilities.staff.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="xs">
        {staff.isSuccess
          ? t('facilities.staff.countOn', {
              count: totalText(staff.data.pages[0]!.total),
              date: date(today),
            })
          : t('facilities.staff.on', { date: date(today) })}
      </Text>
      {staff.isPending ? (
        <Loading />
      ) : staff.isError ? (
        <Alert color="red" role="alert">
          {errorText(staff.error, i18n)}
        </Alert>
      ) : workers.length === 0 ? (
        <Text c="gray.7">{t('facilities.staff.none')}</Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0}>
          {workers.map((w) => (
            <li
              key={w.id}
              style={{
                listStyle: 'none',
                borderBottom: '1px solid var(--mantine-color-gray-2)',
                paddingBottom: 4,
              }}
            >
              <Text size="sm" fw={500}>
                {w.fullName}
              </Text>
              <Text size="xs" c="gray.7">
                {[labels.cadre(w.cadre), labels.qualification(w.qualification), w.currentAssignment?.position]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {staff.hasNextPage && (
        <Button
          variant="light"
          size="xs"
          mt="sm"
          onClick={() => staff.fetchNextPage()}
          loading={staff.isFetchingNextPage}
        >
          {t('common.more')}
        </Button>
      )}
    </Card>
  );
}
