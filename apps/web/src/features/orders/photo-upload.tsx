import { PlusOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { isApiError } from '../../lib/api';
import { uploadAttachment } from './order-api';

export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';
export const MAX_PHOTOS = 9;

type Props = {
  /** attachment ids, as the order, move and comment inputs take them (Form.Item binds value/onChange) */
  value?: string[];
  onChange?: (ids: string[]) => void;
  max?: number;
  disabled?: boolean;
};

/** Photos uploaded one by one to POST /api/attachments as they are picked; the form keeps their ids. */
export function PhotoUpload({ value, onChange, max = MAX_PHOTOS, disabled }: Props) {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const ids = (list: UploadFile[]) =>
    list.filter((f) => f.status === 'done' && typeof f.response === 'string').map((f) => f.response as string);
  const update = (list: UploadFile[]) => {
    setFiles(list);
    const next = ids(list);
    if (next.join() !== (value ?? []).join()) onChange?.(next);
  };
  return (
    <Upload
      listType="picture-card"
      accept={PHOTO_ACCEPT}
      multiple
      disabled={disabled}
      fileList={files}
      maxCount={max}
      data-testid="photo-upload"
      customRequest={({ file, onSuccess, onError }) => {
        uploadAttachment(file as File).then(
          (dto) => onSuccess?.(dto.id),
          (err: unknown) => onError?.(err instanceof Error ? err : new Error(String(err))),
        );
      }}
      onChange={({ fileList }) =>
        update(
          fileList.map((f) =>
            f.status === 'error' && f.error ? { ...f, response: isApiError(f.error) ? f.error.message : t('orders.photo.failed') } : f,
          ),
        )
      }
    >
      {files.length >= max ? null : (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t('orders.photo.add')}</div>
        </button>
      )}
    </Upload>
  );
}
