import { Alert, Anchor, Card, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { errorText } from '../../components/api-errors.ts';
import { FigureCard } from '../../components/FigureCard.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AreaParamPicker, useAreaParam } from '../facilities/AreaParamPicker.tsx';
import { type CapabilitiesReport, useCapabilities } from './api.ts';

/**
 * The gaps of the user's area (or one of its parts) against the standard: the share of the standard's
 * services the stations offer (seed 000's 52.2%), core services, working equipment, and one row per
 * station, the least capable first.
 */
export function GapsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const area = useAreaParam();
  const { home, areaCode } = area;
  const report = useCapabilities(areaCode);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('capabilities.gaps.title')}
      </Title>
      <AreaParamPicker label={t('capabilities.gaps.area')} area={area} />
      {home.isPending || report.isPending ? (
        <Loading />
      ) : report.isError || !report.data ? (
        <Alert color="red" role="alert">
          {errorText(report.error, i18n)}
        </Alert>
      ) : (
        <GapsView report={report.data} openArea={area.openArea} />
      )}
    </Stack>
  );
}

function GapsView({ report, openArea }: { report: CapabilitiesReport; openArea: (code: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const r = report.rollUp;
  const pct = (share: number | null) => (share === null ? '–' : i18n.percent(share));
  const stations = [...report.stations].sort(
    (a, b) => (a.gap.services.share ?? 0) - (b.gap.services.share ?? 0),
  );

  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7">
        {report.area.name} · {t('capabilities.gaps.date', { date: i18n.date(report.date) })} ·{' '}
        {t('capabilities.gaps.stations', { count: r.stations })}
      </Text>
      {r.stations === 0 ? (
        <Text c="gray.7">{t('capabilities.gaps.none')}</Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
            <FigureCard
              testId="services-share"
              label={t('capabilities.gaps.servicesShare')}
              value={pct(r.services.share)}
              detail={t('capabilities.gaps.servicesShareOf', {
                offered: r.services.offered,
                expected: r.services.expected,
              })}
            />
            <FigureCard label={t('capabilities.gaps.coreShare')} value={pct(r.services.coreShare)} />
            <FigureCard
              label={t('capabilities.gaps.meetingCore')}
              value={`${r.services.stationsMeetingCore}/${r.stations}`}
            />
            <FigureCard label={t('capabilities.gaps.equipmentShare')} value={pct(r.equipment.share)} />
            <FigureCard
              label={t('capabilities.gaps.unitsBroken')}
              value={i18n.number(r.equipment.unitsBroken + r.equipment.unitsNeedingRepair, 0)}
            />
            <FigureCard
              label={t('capabilities.gaps.unofferedVisits')}
              value={report.unofferedVisits.counted ? i18n.number(report.unofferedVisits.visits, 0) : '–'}
              detail={report.unofferedVisits.counted ? undefined : t('capabilities.gaps.unofferedNotCounted')}
            />
          </SimpleGrid>
          {r.services.stationsWithUndeclared > 0 && (
            <Text size="sm" c="gray.7">
              {t('capabilities.gaps.undeclared', { count: r.services.stationsWithUndeclared })}
            </Text>
          )}
          {report.parts.length > 0 && (
            <ScrollArea type="auto">
              <Table striped withTableBorder miw={560} data-testid="parts-table">
                <Table.Caption>{t('capabilities.gaps.parts')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('capabilities.gaps.col.area')}</Table.Th>
                    <Table.Th>{t('capabilities.gaps.col.stations')}</Table.Th>
                    <Table.Th>{t('capabilities.gaps.col.servicesShare')}</Table.Th>
                    <Table.Th>{t('capabilities.gaps.col.coreShare')}</Table.Th>
                    <Table.Th>{t('capabilities.gaps.col.equipment')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.parts.map((part) => (
                    <Table.Tr key={part.area.id}>
                      <Table.Td>
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          onClick={() => openArea(part.area.code)}
                          aria-label={t('capabilities.gaps.open', { name: part.area.name })}
                        >
                          {part.area.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{part.stations}</Table.Td>
                      <Table.Td>{pct(part.services.share)}</Table.Td>
                      <Table.Td>{pct(part.services.coreShare)}</Table.Td>
                      <Table.Td>{pct(part.equipment.share)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          )}
          <ScrollArea type="auto">
            <Table striped withTableBorder miw={640} data-testid="gaps-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('capabilities.gaps.col.station')}</Table.Th>
                  <Table.Th>{t('capabilities.gaps.col.services')}</Table.Th>
                  <Table.Th>{t('capabilities.gaps.col.coreMissing')}</Table.Th>
                  <Table.Th>{t('capabilities.gaps.col.equipment')}</Table.Th>
                  <Table.Th>{t('capabilities.gaps.col.notWorking')}</Table.Th>
                  <Table.Th>{t('capabilities.gaps.col.missing')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stations.map(({ facility, gap }) => (
                  <Table.Tr key={facility.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/station-capabilities?facility=${facility.id}`} size="sm">
                        {facility.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {gap.services.offered}/{gap.services.expected} ({pct(gap.services.share)})
                    </Table.Td>
                    <Table.Td>{gap.services.coreMissing.length}</Table.Td>
                    <Table.Td>
                      {gap.equipment.working}/{gap.equipment.expected}
                    </Table.Td>
                    <Table.Td>{gap.equipment.notWorking.length + gap.equipment.short.length}</Table.Td>
                    <Table.Td>{gap.equipment.missing.length}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Card withBorder padding="sm">
            <Title order={2} size="h4" mb="xs">
              {t('capabilities.gaps.byGroup')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
              {r.byGroup.map((g) => (
                <Text key={g.group} size="sm">
                  {t(`capabilities.group.${g.group}`)}: {pct(g.share)} ({g.offered}/{g.expected})
                </Text>
              ))}
            </SimpleGrid>
          </Card>
        </>
      )}
    </Stack>
  );
}
