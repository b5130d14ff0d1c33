import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { can, useSignedIn } from '../../api/session.ts';
import { FEATURES } from '../../app/features.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type FacilityDetail, useFacility, useProfile } from './api.ts';
import { useLabels } from './labels.ts';
import { StaffList } from './StaffList.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** The workforce feature's week calendar of rotations, if the app has that page. */
const ROTATIONS_PATH = 'workforce/rotations';
const hasRotationCalendar = () => FEATURES.some((f) => f.routes.some((r) => r.path === ROTATIONS_PATH));

/** One facility: what it is, where, who manages it, its beds and services, status, staff and the facilities it manages. */
export function FacilityPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id } = useParams();
  const facility = useFacility(id);

  if (facility.isPending) return <Loading />;
  if (facility.isError)
    return (
      <Stack align="flex-start">
        <Alert color="red" role="alert">
          {errorText(facility.error, i18n)}
        </Alert>
        <Button component={Link} to="/facilities" variant="light">
          {t('facilities.page.backToList')}
        </Button>
      </Stack>
    );
  return <FacilityView facility={facility.data} />;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

function FacilityView({ facility: f }: { facility: FacilityDetail }) {
  const { t, number, date } = useI18n();
  const labels = useLabels();
  const session = useSignedIn();
  const { data: profile } = useProfile();
  const isStation = profile?.communeStationKinds.includes(f.kind) ?? false;
  const gradesCare = f.careLevel !== null || Boolean(profile?.careLevels);
  const history = [...f.statusHistory].reverse();

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/facilities" size="sm">
          {t('facilities.page.backToList')}
        </Anchor>
        <Group gap="sm" align="center" mt={4}>
          <Title order={1} size="h2" data-testid="facility-name">
            {f.name}
          </Title>
          <StatusBadge status={f.status} />
        </Group>
        <Text c="gray.7">
          {labels.kind(f.kind)} · {f.code}
        </Text>
      </div>

      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
          <Field label={t('facilities.field.code')}>{f.code}</Field>
          <Field label={t('facilities.field.kind')}>{labels.kind(f.kind)}</Field>
          <Field label={t('facilities.field.tier')}>{labels.tier(f.tier)}</Field>
          {gradesCare && (
            <Field label={t('facilities.field.careLevel')}>
              <span data-testid="facility-care-level">
                {f.careLevel ? labels.careLevel(f.careLevel) : t('facilities.page.noCareLevel')}
              </span>
              {f.careLevelSource === 'kind' && (
                <Text size="xs" c="gray.7">
                  {t('facilities.page.careLevelFromKind')}
                </Text>
              )}
            </Field>
          )}
          <Field label={t('facilities.field.ownership')}>{labels.ownership(f.ownership)}</Field>
          <Field label={t('facilities.field.area')}>{f.areaName}</Field>
          <Field label={t('facilities.field.managedBy')}>
            {f.managingFacility ? (
              <Anchor component={Link} to={`/facilities/${f.managingFacility.id}`}>
                {f.managingFacility.name}
              </Anchor>
            ) : (
              t('facilities.page.noManager')
            )}
          </Field>
          <Field label={t('facilities.field.beds')}>{number(f.beds, 0)}</Field>
          <Field label={t('facilities.field.coordinates')}>
            {f.latitude !== null && f.longitude !== null
              ? `${number(f.latitude, 5)}, ${number(f.longitude, 5)}`
              : t('facilities.page.noCoordinates')}
          </Field>
        </SimpleGrid>
        {isStation && can(session, 'rotations.read') && hasRotationCalendar() && (
          <Anchor component={Link} to={`/${ROTATIONS_PATH}?facility=${f.id}`} mt="md" display="block">
            {t('facilities.page.rotations')}
          </Anchor>
        )}
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('facilities.field.services')}
        </Title>
        {f.services.length === 0 ? (
          <Text c="gray.7">{t('facilities.page.noServices')}</Text>
        ) : (
          <Group gap="xs" data-testid="facility-services">
            {f.services.map((s) => (
              <Badge key={s} variant="outline" tt="none" color="gray.8">
                {labels.service(s)}
              </Badge>
            ))}
          </Group>
        )}
      </Card>

      {can(session, 'workers.read') && <StaffList facilityId={f.id} />}

      {f.manages.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('facilities.page.manages', { count: number(f.manages.length, 0) })}
          </Title>
          <Stack gap={6} component="ul" p={0} m={0} data-testid="facility-manages">
            {f.manages.map((m) => (
              <Group key={m.id} component="li" gap="xs" style={{ listStyle: 'none' }} wrap="nowrap">
                <Anchor component={Link} to={`/facilities/${m.id}`}>
                  {m.name}
                </Anchor>
                <Text size="sm" c="gray.7">
                  {labels.kind(m.kind)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      )}

      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('facilities.page.statusHistory')}
        </Title>
        {history.length === 0 ? (
          <Text c="gray.7">{t('facilities.page.noHistory')}</Text>
        ) : (
          <Stack gap={6} component="ol" p={0} m={0} data-testid="status-history">
            {history.map((h) => (
              <Group
                key={`${h.effectiveOn}-${h.status}-${h.reason ?? ''}`}
                component="li"
                gap="xs"
                style={{ listStyle: 'none' }}
              >
                <Text size="sm" fw={500} miw={110}>
                  {date(h.effectiveOn)}
                </Text>
                <StatusBadge status={h.status} />
                {h.reason && (
                  <Text size="sm" c="gray.7">
                    {h.reason}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
