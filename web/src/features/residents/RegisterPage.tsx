import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useToday } from '../../api/profile.ts';
import { useSignedIn } from '../../api/session.ts';
import { applyApiErrors } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  type Household,
  RELATIONSHIPS,
  SEXES,
  useCreateResident,
  useLowestAreas,
  useProfile,
} from './api.ts';
import { languageChoices, languageName } from './display.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';
import { relationshipLabel, sexLabel } from './labels.ts';
import { PossibleDuplicates } from './PossibleDuplicates.tsx';
import {
  EMPTY_RESIDENT_FORM,
  type FormField,
  formFieldOf,
  RESIDENT_API_FIELDS,
  type ResidentFormValues,
  residentBody,
  residentFormProblems,
} from './resident-form.ts';

/** Register a resident: identity, contact, and a household (existing, new) or only a village. */
export function RegisterPage() {
  const today = useToday();
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const session = useSignedIn();
  const profile = useProfile();
  const createResident = useCreateResident();
  const [banner, setBanner] = useState<{ text: string; duplicateOf?: string } | null>(null);
  const [chosenHousehold, setChosenHousehold] = useState<Household | null>(null);
  const role = session.roles.find((r) => r.facility) ?? session.roles.find((r) => r.area);
  const facility = session.roles.find((r) => r.facility)?.facility ?? undefined;
  const lowestLevel = profile.data?.areaLevels.at(-1)?.id;
  const areas = useLowestAreas(role?.area?.id, lowestLevel, '');

  const form = useForm<ResidentFormValues>({
    initialValues: EMPTY_RESIDENT_FORM,
    validate: (values) => {
      const problems = residentFormProblems(values, profile.data?.citizenId, today);
      return Object.fromEntries(
        Object.entries(problems).map(([field, p]) => [field, p ? t(p.key, p.params) : null]),
      );
    },
  });
  const values = form.values;

  const placeErrors = (error: unknown, sent: ResidentFormValues) =>
    applyApiErrors(
      error,
      (apiField, message) => {
        const field: FormField | undefined = formFieldOf(apiField, sent);
        if (field) form.setFieldError(field, message);
      },
      RESIDENT_API_FIELDS,
      i18n,
    );

  // One request: a new household is stored with the person or not at all.
  const submit = form.onSubmit(async (sent) => {
    setBanner(null);
    const householdId = sent.householdMode === 'existing' ? sent.householdId : undefined;
    try {
      const resident = await createResident.mutateAsync(residentBody(sent, householdId, facility?.id));
      navigate(`/residents/${resident.id}`);
    } catch (error) {
      const text = placeErrors(error, sent) ?? '';
      const duplicate =
        error instanceof ApiError && error.status === 409 && error.fieldMessage('citizenId') !== undefined;
      setBanner(
        duplicate ? { text: t('residents.register.duplicate'), duplicateOf: sent.citizenId } : { text },
      );
    }
  });

  const pending = createResident.isPending;
  const areaOptions = [
    { value: '', label: t('residents.form.chooseVillage') },
    ...(areas.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
  ];
  const relationshipOptions = [
    { value: '', label: t('residents.form.choose') },
    ...RELATIONSHIPS.map((r) => ({ value: r, label: relationshipLabel(r, i18n) })),
  ];

  return (
    <Stack maw={760}>
      <Title order={1} size="h3">
        {t('residents.register.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          {banner && (
            <Alert color={banner.duplicateOf ? 'orange' : 'red'} role="alert" data-testid="form-error">
              <Text size="sm">{banner.text}</Text>
              {banner.duplicateOf && (
                <Anchor
                  component={Link}
                  to={`/residents?q=${encodeURIComponent(banner.duplicateOf)}`}
                  size="sm"
                >
                  {t('residents.register.openDuplicate')}
                </Anchor>
              )}
            </Alert>
          )}
          <Fieldset legend={t('residents.identity.title')}>
            <Stack>
              <TextInput
                label={t('residents.field.fullName')}
                required
                autoComplete="off"
                maxLength={200}
                {...form.getInputProps('fullName')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect
                  label={t('residents.field.sex')}
                  data={[
                    { value: '', label: t('residents.form.choose') },
                    ...SEXES.map((s) => ({ value: s, label: sexLabel(s, i18n) })),
                  ]}
                  {...form.getInputProps('sex')}
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="birth-known-label">
                    {t('residents.form.birthKnown')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="birth-known-label"
                    data={[
                      { value: 'date', label: t('residents.form.birthDay') },
                      { value: 'year', label: t('residents.form.birthYearOnly') },
                    ]}
                    {...form.getInputProps('birthKnown')}
                  />
                </Stack>
              </SimpleGrid>
              {values.birthKnown === 'date' ? (
                <TextInput
                  type="date"
                  label={t('residents.field.birthDate')}
                  max={today}
                  {...form.getInputProps('birthDate')}
                />
              ) : (
                <TextInput
                  label={t('residents.field.birthYear')}
                  inputMode="numeric"
                  maxLength={4}
                  {...form.getInputProps('birthYear')}
                />
              )}
              <TextInput
                label={t('residents.field.citizenId')}
                description={
                  profile.data?.citizenId.format === 'cn-resident-id'
                    ? t('residents.form.citizenIdHintCn')
                    : t('residents.form.citizenIdHintVn')
                }
                inputMode={profile.data?.citizenId.format === 'cn-resident-id' ? 'text' : 'numeric'}
                autoComplete="off"
                {...form.getInputProps('citizenId')}
              />
              <PossibleDuplicates values={values} />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('residents.form.contact')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('residents.field.phone')} type="tel" {...form.getInputProps('phone')} />
              <TextInput label={t('residents.field.ethnicity')} {...form.getInputProps('ethnicity')} />
              <TextInput label={t('residents.field.occupation')} {...form.getInputProps('occupation')} />
              <NativeSelect
                label={t('residents.field.language')}
                description={t('residents.form.languageHint')}
                data-testid="resident-language"
                data={[
                  { value: '', label: t('residents.language.profile') },
                  ...languageChoices(profile.data).map((tag) => ({
                    value: tag,
                    label: languageName(tag, i18n.locale),
                  })),
                ]}
                {...form.getInputProps('language')}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('residents.household.title')}>
            <Stack>
              <Radio.Group label={t('residents.form.householdMode')} {...form.getInputProps('householdMode')}>
                <Group gap="md" mt={4}>
                  <Radio value="existing" label={t('residents.household.existing')} />
                  <Radio value="new" label={t('residents.household.new')} />
                  <Radio value="none" label={t('residents.household.noHousehold')} />
                </Group>
              </Radio.Group>
              {values.householdMode === 'existing' && (
                <HouseholdPicker
                  area={role?.area?.id}
                  value={values.householdId}
                  chosen={chosenHousehold}
                  onChange={(h) => {
                    setChosenHousehold(h);
                    form.setFieldValue('householdId', h.id);
                  }}
                  error={form.errors.householdId as string | undefined}
                />
              )}
              {values.householdMode === 'new' && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('residents.field.householdAddress')}
                    required
                    {...form.getInputProps('householdAddress')}
                  />
                  <TextInput
                    label={t('residents.field.householdCode')}
                    {...form.getInputProps('householdCode')}
                  />
                </SimpleGrid>
              )}
              {values.householdMode !== 'existing' && (
                <NativeSelect
                  label={t('residents.field.village')}
                  required
                  data={areaOptions}
                  {...form.getInputProps('areaId')}
                />
              )}
              {values.householdMode !== 'none' && (
                <NativeSelect
                  label={t('residents.field.relationship')}
                  required
                  data={relationshipOptions}
                  {...form.getInputProps('relationshipToHead')}
                />
              )}
            </Stack>
          </Fieldset>
          {facility && (
            <Checkbox
              label={t('residents.form.registerHere', { facility: facility.name })}
              {...form.getInputProps('registerHere', { type: 'checkbox' })}
            />
          )}
          <Group>
            <Button type="submit" loading={pending} data-testid="register-submit">
              {t('residents.register.submit')}
            </Button>
            <Button component={Link} to="/residents" variant="subtle">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
