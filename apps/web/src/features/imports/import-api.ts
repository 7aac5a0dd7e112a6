import { ERROR_MESSAGES, ImportDto, type CommitImportInput, type DryRunImportInput, type Locale } from '@linli/contracts';
import { ApiError, api, toApiError } from '../../lib/api';

export const TEMPLATE_URL = '/api/imports/template.xlsx';

export const importKeys = { one: (id: string) => ['imports', id] as const };

export const getImport = (id: string) => api.get(`/api/imports/${id}`, ImportDto);
export const dryRunImport = (id: string, input: DryRunImportInput) => api.post(`/api/imports/${id}/dry-run`, input, ImportDto);
export const commitImport = (id: string, input: CommitImportInput) => api.post(`/api/imports/${id}/commit`, input, ImportDto);

/** Still working in the background: poll until it settles. */
export const isRunning = (dto: Pick<ImportDto, 'status'> | undefined) => dto?.status === 'checking' || dto?.status === 'importing';

type UploadOptions = { file: File; communityId?: string; csrfToken: string; locale: Locale; onProgress: (percent: number) => void };

/**
 * POST /api/imports as multipart through XMLHttpRequest, the one browser API that reports upload progress.
 * Failures become the same ApiError the fetch wrapper throws.
 */
export function uploadImport({ file, communityId, csrfToken, locale, onProgress }: UploadOptions): Promise<ImportDto> {
  const body = new FormData();
  if (communityId) body.append('communityId', communityId);
  body.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('x-linli-locale', locale);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onerror = () => reject(new ApiError(0, 'UNAVAILABLE', ERROR_MESSAGES.UNAVAILABLE[locale]));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': 'application/json' } });
      if (xhr.status < 200 || xhr.status >= 300) {
        void toApiError(res, locale).then(reject);
        return;
      }
      void res
        .json()
        .then((json: unknown) => {
          const parsed = ImportDto.safeParse(json);
          if (parsed.success) resolve(parsed.data);
          else reject(new ApiError(xhr.status, 'INTERNAL', ERROR_MESSAGES.INTERNAL[locale]));
        })
        .catch(() => reject(new ApiError(xhr.status, 'INTERNAL', ERROR_MESSAGES.INTERNAL[locale])));
    };
    xhr.send(body);
  });
}

/** Client-side first look: a name ending in .xlsx (the server checks the content). */
export const looksLikeXlsx = (name: string) => /\.xlsx$/i.test(name.trim());
