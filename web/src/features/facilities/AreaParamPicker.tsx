import { NativeSelect } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useChildAreas, useHomeArea } from './api.ts';

/**
 * The area a report is about, kept in the address (`?area=<code>`) so a link or a reload shows the
 * same area: the user's home area unless another is chosen. `openArea` drills down (a new history
 * entry); the picker replaces the entry.
 */
export function useAreaParam() {
  const [params, setParams] = useSearchParams();
  const home = useHomeArea();
  const children = useChildAreas(home.area?.id, undefined);
  const areaCode = params.get('area') || home.area?.code;
  const setArea = (code: string, replace: boolean) => {
    const next = new URLSearchParams(params);
    next.set('area', code);
    setParams(next, { replace });
  };
  return {
    areaCode,
    home,
    children,
    openArea: (code: string) => setArea(code, false),
    pickArea: (code: string) => setArea(code, true),
  };
}

/** The home area and its parts, when it has any; nothing otherwise (a station has one area). */
export function AreaParamPicker({ label, area }: { label: string; area: ReturnType<typeof useAreaParam> }) {
  const { home, children, areaCode, pickArea } = area;
  if ((children.data?.length ?? 0) === 0) return null;
  return (
    <NativeSelect
      label={label}
      value={areaCode ?? ''}
      onChange={(e) => pickArea(e.currentTarget.value)}
      data={[
        { value: home.area?.code ?? '', label: home.area?.name ?? '' },
        ...(children.data ?? []).map((a) => ({ value: a.code, label: a.name })),
      ]}
      w={{ base: '100%', xs: 280 }}
    />
  );
}
