import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  type CatalogDiagnosis,
  type CatalogMedicine,
  type CatalogService,
  DiagnosisPicker,
  MedicinePicker,
  ServicePicker,
} from '../catalog/index.ts';

/**
 * The catalogue pickers of features/catalog (search as typed, accents optional, vi/zh/en) used to
 * add to a list: each pick is handed on and the picker starts empty again (a new key), so the next
 * diagnosis, medicine or service can be looked for at once.
 */
export type { CatalogDiagnosis, CatalogMedicine, CatalogService };

function useFresh(): [number, () => void] {
  const [key, setKey] = useState(0);
  return [key, () => setKey((k) => k + 1)];
}

function Diagnosis({ onPick }: { onPick: (d: CatalogDiagnosis) => void }) {
  const { t } = useI18n();
  const [key, renew] = useFresh();
  return (
    <DiagnosisPicker
      key={key}
      value={null}
      label={t('care.pick.diagnosis')}
      onChange={(d) => {
        if (!d) return;
        onPick(d);
        renew();
      }}
    />
  );
}

function Medicine({ onPick, date }: { onPick: (m: CatalogMedicine) => void; date?: string }) {
  const { t } = useI18n();
  const [key, renew] = useFresh();
  return (
    <MedicinePicker
      key={key}
      date={date}
      label={t('care.pick.medicine')}
      onChange={(m) => {
        if (!m) return;
        onPick(m);
        renew();
      }}
    />
  );
}

function Service({ onPick, date }: { onPick: (s: CatalogService) => void; date?: string }) {
  const { t } = useI18n();
  const [key, renew] = useFresh();
  return (
    <ServicePicker
      key={key}
      date={date}
      label={t('care.pick.service')}
      onChange={(s) => {
        if (!s) return;
        onPick(s);
        renew();
      }}
    />
  );
}

export const CarePickers = { Diagnosis, Medicine, Service };
