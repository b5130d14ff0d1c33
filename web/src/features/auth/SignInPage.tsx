import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useSignIn } from '../../api/session.ts';
import { applyApiErrors } from '../../components/api-errors.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function SignInPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const signIn = useSignIn();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) =>
        v.trim() === ''
          ? t('validation.required')
          : v.length > 100
            ? t('validation.tooLong', { max: 100 })
            : null,
      password: (v) => (v === '' ? t('validation.required') : null),
    },
  });

  const submit = form.onSubmit((values) => {
    setBanner(null);
    signIn.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.status === 401) setBanner(t('auth.signIn.wrong'));
          else if (error instanceof ApiError && error.status === 429) setBanner(t('auth.signIn.locked'));
          else setBanner(applyApiErrors(error, form.setFieldError, ['username', 'password'], i18n));
        },
      },
    );
  });

  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={400} component="main">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Title order={1} size="h2">
                  {t('app.name')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('app.tagline')}
                </Text>
              </div>
              <LanguageSwitcher />
            </Group>
            <Title order={2} size="h4">
              {t('auth.signIn.title')}
            </Title>
            <Text size="sm">{t('auth.signIn.intro')}</Text>
            {banner && (
              <Alert color="red" role="alert" data-testid="form-error">
                {banner}
              </Alert>
            )}
            <TextInput
              label={t('auth.username')}
              autoComplete="username"
              autoCapitalize="none"
              required
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {t('auth.signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
