import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  NativeSelect,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ImportReport } from './api.ts';
import { ExportLinks } from './ExportLinks.tsx';
import { type TransferPhase, uploadCsv } from './transfer.ts';

const KINDS = ['households', 'residents'] as const;
type Kind = (typeof KINDS)[number];

/** Import households or residents from CSV: upload with progress, then the report, bad rows by line. */
export function ImportPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSignedIn();
  const [kind, setKind] = useState<Kind>('households');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<TransferPhase | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    if (!file) return;
    setReport(null);
    setError(null);
    abort.current = new AbortController();
    try {
      setReport(await uploadCsv<ImportReport>(kind, file, setPhase, abort.current.signal));
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError')) setError(err);
    } finally {
      setPhase(null);
    }
  };

  return (
    <Stack maw={860}>
      <Title order={1} size="h3">
        {t('residents.import.title')}
      </Title>
      <Text size="sm">{t('residents.import.intro')}</Text>
      <Card withBorder>
        <Stack>
          <NativeSelect
            label={t('residents.import.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as Kind)}
            data={KINDS.map((k) => ({ value: k, label: t(`residents.import.kind.${k}`) }))}
            disabled={phase !== null}
          />
          <Text size="xs" c="dimmed">
            {t(`residents.import.columns.${kind}`)}
          </Text>
          <FileInput
            label={t('residents.import.file')}
            placeholder={t('residents.import.choose')}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            clearable
            disabled={phase !== null}
            data-testid="import-file"
          />
          <Group>
            <Button onClick={start} disabled={!file || phase !== null} data-testid="import-start">
              {t('residents.import.start')}
            </Button>
            {phase && (
              <Button variant="subtle" color="red" onClick={() => abort.current?.abort()}>
                {t('common.cancel')}
              </Button>
            )}
          </Group>
          {phase && <ImportProgress phase={phase} />}
          {error !== null && (
            <Alert color="red" role="alert">
              {errorText(error, i18n)}
            </Alert>
          )}
        </Stack>
      </Card>
      {report && <ImportReportView report={report} />}
      {can(session, 'registry.export') && <ExportLinks />}
    </Stack>
  );
}

function ImportProgress({ phase }: { phase: TransferPhase }) {
  const { t } = useI18n();
  const percent = phase.phase === 'uploading' ? Math.round(phase.share * 100) : 100;
  return (
    <Stack gap={4} role="status" aria-live="polite" data-testid="import-progress">
      <Text size="sm">
        {phase.phase === 'uploading'
          ? t('residents.import.uploading', { percent })
          : t('residents.import.processing')}
      </Text>
      <Progress
        value={percent}
        animated={phase.phase === 'processing'}
        striped={phase.phase === 'processing'}
        aria-label={t('residents.import.progress')}
      />
    </Stack>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const i18n = useI18n();
  const { t } = i18n;
  const stored = report.created + report.updated;
  return (
    <Card withBorder data-testid="import-report" role="status">
      <Title order={2} size="h4" mb="xs">
        {t('residents.import.report')}
      </Title>
      <Text data-testid="import-summary">
        {t('residents.import.summary', {
          read: i18n.number(report.read, 0),
          stored: i18n.number(stored, 0),
          created: i18n.number(report.created, 0),
          updated: i18n.number(report.updated, 0),
          rejected: i18n.number(report.rejected.length, 0),
        })}
      </Text>
      {report.rejected.length === 0 ? (
        <Text c="green.9" mt="xs">
          {t('residents.import.allGood')}
        </Text>
      ) : (
        <Table striped withTableBorder mt="sm" layout="fixed" data-testid="import-rejected">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('residents.import.line')}</Table.Th>
              <Table.Th>{t('residents.import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rejected.map((r) => (
              <Table.Tr key={`${r.line}-${r.reason}`}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
