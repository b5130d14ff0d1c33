import { Alert, Button, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useToday } from '../../api/profile.ts';
import { useSignedIn } from '../../api/session.ts';
import { applyApiErrors } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEligibility, VISIT_KINDS } from './api.ts';
import {
  CARD_CHECK_API_FIELDS,
  type CardCheckValues,
  cardCheckFieldOf,
  cardCheckProblems,
  cardCheckQuery,
} from './card-check.ts';
import { EligibilityAnswerPanel } from './EligibilityAnswer.tsx';
import { insuranceWord, useInsuranceRecord } from './insurance-words.ts';

/** The counter's card check: any card or citizen id, at the user's facility, for today's visit. */
export function CardCheckPage() {
  const today = useToday();
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSignedIn();
  const ownFacility = session.roles.find((r) => r.facility)?.facility ?? null;
  const check = useEligibility();
  const record = useInsuranceRecord();
  const form = useForm<CardCheckValues>({
    initialValues: {
      number: '',
      fullName: '',
      birth: '',
      visitKind: 'registered',
      cost: '',
      facility: ownFacility?.code ?? '',
    },
    validate: (values) =>
      Object.fromEntries(Object.entries(cardCheckProblems(values)).map(([field, key]) => [field, t(key)])),
  });
  const [banner, setBanner] = useState<string | null>(null);
  const submit = form.onSubmit((values) => {
    setBanner(null);
    check.mutate(cardCheckQuery(values, today), {
      onError: (error) =>
        setBanner(
          applyApiErrors(
            error,
            (apiField, message) => {
              const field = cardCheckFieldOf(apiField);
              if (field) form.setFieldError(field, message);
            },
            CARD_CHECK_API_FIELDS,
            i18n,
          ),
        ),
    });
  });

  return (
    <Stack maw={760}>
      <div>
        <Title order={1} size="h3">
          {t(insuranceWord(record, 'residents.check.title'))}
        </Title>
        <Text c="dimmed" size="sm">
          {t(insuranceWord(record, 'residents.check.intro'))}
        </Text>
      </div>
      <form onSubmit={submit} noValidate data-testid="card-check-form">
        <Stack>
          <TextInput
            label={t(insuranceWord(record, 'residents.check.number'))}
            description={t(insuranceWord(record, 'residents.check.numberHint'))}
            autoComplete="off"
            spellCheck={false}
            withAsterisk
            {...form.getInputProps('number')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('residents.check.fullName')} {...form.getInputProps('fullName')} />
            <TextInput
              label={t('residents.check.birth')}
              description={t('residents.check.birthHint')}
              inputMode="numeric"
              {...form.getInputProps('birth')}
            />
            <NativeSelect
              label={t('residents.check.visitKind')}
              data={VISIT_KINDS.map((k) => ({ value: k, label: t(`residents.check.visit.${k}`) }))}
              {...form.getInputProps('visitKind')}
            />
            <TextInput
              label={t('residents.check.cost')}
              inputMode="decimal"
              {...form.getInputProps('cost')}
            />
            {!ownFacility && (
              <TextInput
                label={t('residents.check.facility')}
                withAsterisk
                {...form.getInputProps('facility')}
              />
            )}
          </SimpleGrid>
          <Button type="submit" loading={check.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('residents.check.submit')}
          </Button>
        </Stack>
      </form>
      {banner && (
        <Alert color="red" role="alert" data-testid="form-error">
          {banner}
        </Alert>
      )}
      {check.data && !check.isPending && <EligibilityAnswerPanel answer={check.data} />}
    </Stack>
  );
}
