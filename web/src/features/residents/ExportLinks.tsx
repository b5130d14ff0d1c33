import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { downloadCsv } from './transfer.ts';

const KINDS = ['households', 'residents'] as const;

/** Export the registry in one's scope as CSV: the bytes received show while it streams, then a save link. */
export function ExportLinks() {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState<string | null>(null);
  const [bytes, setBytes] = useState(0);
  const [ready, setReady] = useState<{ kind: string; url: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => () => (ready ? URL.revokeObjectURL(ready.url) : undefined), [ready]);

  const run = async (kind: string) => {
    setBusy(kind);
    setBytes(0);
    setError(null);
    setReady(null);
    try {
      const blob = await downloadCsv(kind, setBytes);
      setReady({ kind, url: URL.createObjectURL(blob) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('residents.export.title')}
      </Title>
      <Stack gap="xs">
        <Group>
          {KINDS.map((kind) => (
            <Button
              key={kind}
              variant="light"
              onClick={() => run(kind)}
              loading={busy === kind}
              disabled={busy !== null}
            >
              {t(`residents.export.${kind}`)}
            </Button>
          ))}
        </Group>
        {busy && (
          <Text size="sm" role="status" aria-live="polite">
            {t('residents.export.received', { size: i18n.number(bytes / 1024, 0) })}
          </Text>
        )}
        {ready && (
          <Anchor href={ready.url} download={`${ready.kind}.csv`} data-testid="export-download">
            {t('residents.export.save', { file: `${ready.kind}.csv` })}
          </Anchor>
        )}
        {error !== null && <Alert color="red">{errorText(error, i18n)}</Alert>}
      </Stack>
    </Card>
  );
}
