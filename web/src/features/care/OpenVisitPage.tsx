import { Alert, Anchor, Button, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { newId } from '../../../../src/platform/ids.ts';
import { useProfile, useToday } from '../../api/profile.ts';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useInsuranceCards, useResident } from '../residents/api.ts';
import { currentCard } from '../residents/display.ts';
import { insuranceRecordOf } from '../residents/insurance-words.ts';
import { ENCOUNTER_KINDS, type EncounterKind, useOpenEncounter, useOpenVisits } from './api.ts';
import { kindLabel } from './labels.ts';

/**
 * Opening a visit for a resident: the kind (a station's staff see a visit at the station chosen, a
 * village health worker a home visit), an optional reason, one tap. The insurance card in force (VN)
 * or the citizen id (CN enrolment) goes with it, so the server checks eligibility at the opening and
 * stores its answer with the visit. A visit still open here is offered instead of a second one.
 */
export function OpenVisitPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id } = useParams();
  const navigate = useNavigate();
  const session = useSignedIn();
  const today = useToday();
  const { data: profile } = useProfile();
  const resident = useResident(id);
  const facility = session.roles.find((r) => r.facility)?.facility ?? null;
  const record = insuranceRecordOf(profile);
  const cards = useInsuranceCards(id, record === 'card' && can(session, 'insurance.read'));
  const open = useOpenVisits(id, facility?.id);
  const openEncounter = useOpenEncounter();
  const homeWorker = session.roles.some((r) => r.role === 'vhw');
  const [kind, setKind] = useState<EncounterKind>(homeWorker ? 'home-visit' : 'station-visit');
  const [reason, setReason] = useState('');
  // One id for this opening: a tap repeated after a lost answer opens the same visit, not a second.
  const [encounterId] = useState(newId);

  if (resident.isPending) return <Loading />;
  if (resident.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(resident.error, i18n)}
      </Alert>
    );
  const r = resident.data;
  if (!facility)
    return (
      <Alert color="yellow" role="alert">
        {t('care.open.noFacility')}
      </Alert>
    );

  const card = cards.data ? currentCard(cards.data.items, today) : undefined;
  const start = async () => {
    const insurance =
      record === 'card'
        ? card?.cardNumber
          ? { insuranceCard: card.cardNumber }
          : {}
        : r.citizenId
          ? { citizenId: r.citizenId }
          : {};
    const encounter = await openEncounter.mutateAsync({
      id: encounterId,
      residentId: r.id,
      facilityId: facility.id,
      kind,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...insurance,
    });
    navigate(`/visits/${encounter.id}`);
  };

  const resumable = open.data?.items[0];
  return (
    <Stack maw={640}>
      <Anchor component={Link} to={`/residents/${r.id}`} size="sm">
        {t('care.visit.backToResident')}
      </Anchor>
      <Title order={1} size="h3">
        {t('care.open.title', { name: r.fullName })}
      </Title>
      {resumable && (
        <Button
          component={Link}
          to={`/visits/${resumable.id}`}
          variant="light"
          size="md"
          data-testid="resume-visit"
        >
          {t('care.open.resume', { date: i18n.date(resumable.date) })}
        </Button>
      )}
      <Text size="sm" data-testid="open-insurance">
        {record === 'card'
          ? card?.cardNumber
            ? t('care.open.card', { number: card.cardNumber })
            : t('care.open.noInsurance')
          : r.citizenId
            ? t('care.open.enrolment', { number: r.citizenId })
            : t('care.open.noInsurance')}
      </Text>
      <Radio.Group label={t('care.open.kind')} value={kind} onChange={(v) => setKind(v as EncounterKind)}>
        <Stack gap="xs" mt="xs">
          {ENCOUNTER_KINDS.map((k) => (
            <Radio key={k} value={k} label={kindLabel(k, i18n)} size="md" />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput
        label={t('care.open.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={1000}
        size="md"
      />
      {openEncounter.isError && (
        <Alert color="red" role="alert" data-testid="open-error">
          <Text size="sm">{errorText(openEncounter.error, i18n)}</Text>
        </Alert>
      )}
      <Button
        size="lg"
        onClick={() => start().catch(() => {})}
        loading={
          openEncounter.isPending || (record === 'card' && cards.isPending && cards.fetchStatus !== 'idle')
        }
        data-testid="start-visit"
      >
        {t('care.open.start')}
      </Button>
    </Stack>
  );
}
