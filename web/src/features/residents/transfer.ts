import { ApiError, currentCsrfToken, type FieldProblem } from '../../api/client.ts';

/**
 * CSV files up and down over XMLHttpRequest, because fetch reports no upload progress. The phases:
 * `uploading` with the share sent, then `processing` while the server checks and stores the rows.
 */

export type TransferPhase = { phase: 'uploading'; share: number } | { phase: 'processing' };

function problemOf(xhr: XMLHttpRequest): ApiError {
  let problem: { code?: string; detail?: string; errors?: FieldProblem[] } = {};
  try {
    problem = JSON.parse(String(xhr.responseText ?? ''));
  } catch {
    // not JSON: the status line says what there is to say
  }
  return new ApiError(
    xhr.status,
    problem.code ?? String(xhr.status),
    problem.detail ?? xhr.statusText,
    problem.errors ?? [],
  );
}

/** POST a CSV file to /api/imports/:kind; resolves with the import report. */
export function uploadCsv<T>(
  kind: string,
  file: Blob,
  onPhase: (phase: TransferPhase) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports/${encodeURIComponent(kind)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onPhase({ phase: 'uploading', share: event.loaded / event.total });
    };
    xhr.upload.onload = () => onPhase({ phase: 'processing' });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, 'bad_reply', xhr.responseText.slice(0, 200)));
        }
      } else reject(problemOf(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    onPhase({ phase: 'uploading', share: 0 });
    xhr.send(file);
  });
}

/** GET /api/exports/:kind as a file, reporting the bytes received (the total is unknown while streaming). */
export function downloadCsv(
  kind: string,
  onProgress: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', `/api/exports/${encodeURIComponent(kind)}`);
    xhr.withCredentials = true;
    xhr.responseType = 'blob';
    xhr.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response as Blob);
      else {
        const text = await (xhr.response as Blob).text().catch(() => '');
        let problem: { code?: string; detail?: string } = {};
        try {
          problem = JSON.parse(text);
        } catch {
          // not JSON
        }
        reject(
          new ApiError(xhr.status, problem.code ?? String(xhr.status), problem.detail ?? xhr.statusText),
        );
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send();
  });
}
