import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useChangePassword, useSignedIn } from '../../api/session.ts';
import { applyApiErrors } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Mirrors the server's policy (access.rules.ts passwordProblems); the server still has the last word. */
const PASSWORD_MIN_LENGTH = 10;

export function ChangePasswordPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSignedIn();
  const change = useChangePassword();
  const [banner, setBanner] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (v) => (v === '' ? t('validation.required') : null),
      newPassword: (v, values) => {
        if (v.length < PASSWORD_MIN_LENGTH) return t('validation.tooShort', { min: PASSWORD_MIN_LENGTH });
        if (v.length > 200) return t('validation.tooLong', { max: 200 });
        if (v.toLowerCase() === session.user.username.toLowerCase())
          return t('auth.changePassword.isUsername');
        if (v === values.currentPassword) return t('auth.changePassword.same');
        return null;
      },
      confirmPassword: (v, values) => (v !== values.newPassword ? t('auth.changePassword.mismatch') : null),
    },
  });

  const submit = form.onSubmit((values) => {
    setBanner(null);
    setDone(false);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setDone(true);
          form.reset();
        },
        onError: (error) =>
          setBanner(applyApiErrors(error, form.setFieldError, ['currentPassword', 'newPassword'], i18n)),
      },
    );
  });

  return (
    <Stack maw={420}>
      <Title order={1} size="h3">
        {t('auth.changePassword.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          {done && (
            <Alert color="green" role="status">
              {t('auth.changePassword.done')}
            </Alert>
          )}
          {banner && (
            <Alert color="red" role="alert" data-testid="form-error">
              {banner}
            </Alert>
          )}
          <PasswordInput
            label={t('auth.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('auth.newPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <Text size="xs" c="dimmed">
            {t('auth.changePassword.hint', { min: PASSWORD_MIN_LENGTH })}
          </Text>
          <PasswordInput
            label={t('auth.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmPassword')}
          />
          <Button type="submit" loading={change.isPending}>
            {t('auth.changePassword.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
