import {
  Alert,
  Button,
  Card,
  Checkbox,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import vaccineFile from '../../../../protocols/vaccines.json';
import { useToday } from '../../api/profile.ts';
import { applyApiErrors } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { newId, useRecordDose } from './api.ts';
import { DOSE_FIELDS, type DoseValues, doseBody, doseProblems, emptyDose } from './forms.ts';

/** The vaccines a dose may be recorded with (protocols/vaccines.json: the server checks the same list). */
const VACCINES = vaccineFile.vaccines;

/**
 * Records a dose given here today (the default) or earlier, here or elsewhere (from the booklet). The
 * dose's UUID v7 is made once per dose, so a resend after a lost answer is the same dose; a saved dose
 * starts the next one under a new id.
 */
export function DoseForm({
  residentId,
  birthDate,
  preset,
}: {
  residentId: string;
  birthDate: string | null;
  /** A due item's vaccine picked from the list above (a new object each tap). */
  preset?: { vaccine: string } | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const record = useRecordDose(residentId);
  const [doseId, setDoseId] = useState(newId);
  const [banner, setBanner] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<DoseValues>({
    initialValues: emptyDose(today),
    validate: (values) =>
      Object.fromEntries(
        Object.entries(doseProblems(values, today)).map(([field, p]) => [field, t(p.key, p.params)]),
      ),
  });
  const formRef = useRef<HTMLFormElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new pick sets the vaccine
  useEffect(() => {
    if (!preset) return;
    form.setFieldValue('vaccine', preset.vaccine);
    formRef.current?.scrollIntoView({ block: 'start' });
  }, [preset]);
  const nameOf = (code: string) => {
    const v = VACCINES.find((x) => x.code === code);
    return v ? v.names[i18n.locale] || v.names.en : code;
  };

  const submit = form.onSubmit((values) => {
    setBanner(null);
    setSaved(null);
    record.mutate(doseBody(doseId, values), {
      onSuccess: (dose) => {
        setSaved(t('programmes.vacc.saved', { vaccine: nameOf(dose.vaccine), date: i18n.date(dose.date) }));
        setDoseId(newId());
        form.setValues(emptyDose(today));
      },
      onError: (error) => setBanner(applyApiErrors(error, form.setFieldError, DOSE_FIELDS, i18n)),
    });
  });

  return (
    <Card withBorder component="section" aria-labelledby="record-dose">
      <Title order={2} size="h4" mb="sm" id="record-dose">
        {t('programmes.vacc.record')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="dose-form" ref={formRef}>
        <Stack>
          {saved && (
            <Alert color="green" role="status" data-testid="dose-saved">
              {saved}
            </Alert>
          )}
          {banner && (
            <Alert color="red" role="alert" data-testid="form-error">
              {banner}
            </Alert>
          )}
          <NativeSelect
            label={t('programmes.vacc.vaccine')}
            required
            data={[
              { value: '', label: t('programmes.vacc.pickVaccine') },
              ...VACCINES.map((v) => ({ value: v.code, label: nameOf(v.code) })),
            ]}
            {...form.getInputProps('vaccine')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              type="date"
              label={t('programmes.vacc.date')}
              required
              max={today}
              min={birthDate ?? undefined}
              {...form.getInputProps('date')}
            />
            <NumberInput
              label={t('programmes.vacc.doseNumber')}
              min={0}
              max={10}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('doseNumber')}
            />
            <TextInput label={t('programmes.vacc.lot')} maxLength={40} {...form.getInputProps('lot')} />
          </SimpleGrid>
          <Checkbox
            label={t('programmes.vacc.givenElsewhere')}
            {...form.getInputProps('givenElsewhere', { type: 'checkbox' })}
          />
          {form.values.givenElsewhere && (
            <TextInput label={t('programmes.vacc.place')} maxLength={200} {...form.getInputProps('place')} />
          )}
          <Button type="submit" size="md" loading={record.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('programmes.vacc.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
