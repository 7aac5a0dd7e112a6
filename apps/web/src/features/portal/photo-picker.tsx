import { CameraOutlined, CloseOutlined, PictureOutlined } from '@ant-design/icons';
import type { AttachmentDto } from '@linli/contracts';
import { App, Button, Flex, Spin, Typography } from 'antd';
import { useRef, useState, type ChangeEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useUploadAttachment } from '../orders/order-api';
import { MAX_PHOTOS } from './order-draft';

type Props = { value: readonly AttachmentDto[]; onChange: (next: AttachmentDto[]) => void };

/** Up to six photos: "take a photo" opens the phone camera, "from the album" the gallery; each uploads at once. */
export function PhotoPicker({ value, onChange }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const upload = useUploadAttachment();
  const [busy, setBusy] = useState(0);
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const latest = useRef(value);
  latest.current = value;

  const handleFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    const room = MAX_PHOTOS - latest.current.length - busy;
    if (files.length > room) void message.warning(t('portal.new.photoTooMany', { n: MAX_PHOTOS }));
    for (const file of files.slice(0, Math.max(room, 0))) {
      setBusy((n) => n + 1);
      try {
        const dto = await upload.mutateAsync(file);
        onChange([...latest.current, dto]);
      } catch (err) {
        showError(err);
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };
  const full = value.length + busy >= MAX_PHOTOS;
  return (
    <Flex vertical gap={12}>
      <Typography.Text>{t('portal.new.photos', { n: MAX_PHOTOS })}</Typography.Text>
      <Flex gap={8} wrap>
        <Button
          size="large"
          icon={<CameraOutlined />}
          disabled={full}
          onClick={() => camera.current?.click()}
          data-testid="portal-take-photo"
        >
          {t('portal.new.takePhoto')}
        </Button>
        <Button
          size="large"
          icon={<PictureOutlined />}
          disabled={full}
          onClick={() => album.current?.click()}
          data-testid="portal-choose-photo"
        >
          {t('portal.new.choosePhoto')}
        </Button>
      </Flex>
      <input
        ref={camera}
        style={{ display: 'none' }}
        type="file"
        accept="image/*"
        capture="environment"
        onChange={(e) => void handleFiles(e)}
      />
      <input
        ref={album}
        style={{ display: 'none' }}
        type="file"
        accept="image/*"
        multiple
        onChange={(e) => void handleFiles(e)}
        data-testid="portal-photo-input"
      />
      {(value.length > 0 || busy > 0) && (
        <Flex gap={14} wrap data-testid="portal-photos">
          {value.map((p) => (
            <div key={p.id} className="portal-photo">
              <img src={p.url} alt={p.name} />
              <Button
                shape="circle"
                danger
                icon={<CloseOutlined />}
                aria-label={t('portal.new.removePhoto')}
                onClick={() => onChange(value.filter((x) => x.id !== p.id))}
              />
            </div>
          ))}
          {busy > 0 && (
            <Flex className="portal-photo" align="center" justify="center" vertical>
              <Spin />
              <Typography.Text type="secondary">{t('portal.new.uploading')}</Typography.Text>
            </Flex>
          )}
        </Flex>
      )}
    </Flex>
  );
}
