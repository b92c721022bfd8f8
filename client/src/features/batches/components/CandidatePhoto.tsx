import { Alert, App, Button, Space, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { postForm, type Schemas } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { mayTake, useBatchCommand, type BatchState, type BatchView } from './BatchParts';

type Candidate = Schemas['Batches.CandidateView'];

/** The limit the server applies (CRT-03): JPEG or PNG, at most 2 MB. */
export const MaxPhotoBytes = 2 * 1024 * 1024;

/**
 * A candidate's 2-inch photo (CRT-03) in the roster: whether it was uploaded (缺照片 where not) — the roster is masked for
 * everyone, so the photo itself is shown only when one candidate is opened (查看) — and for the organization an upload
 * button until the results report is accepted (the certificate prints the photo).
 */
export function CandidatePhotoCell({ batch: b, candidate: c }: { batch: BatchView; candidate: Candidate }) {
  const { message } = App.useApp();
  const upload = useBatchCommand(b, (file: File, version) =>
    postForm<BatchState>(`/api/batches/${b.id}/candidates/${c.id}/photo`, { version: String(version), file }), `${c.name}的照片已上传`);
  const may = mayTake(b, 'uploadCandidatePhoto');
  return (
    <Space size={4} orientation="vertical">
      <Space size={6}>
        {c.hasPhoto
          ? <Tag color="green" data-testid="photo-present">已上传照片</Tag>
          : <Tag color="orange" data-testid="photo-missing">缺照片</Tag>}
        {may && (
          <Upload showUploadList={false} accept=".jpg,.jpeg,.png,image/jpeg,image/png"
            beforeUpload={(file) => {
              if (file.type && !['image/jpeg', 'image/png'].includes(file.type)) {
                message.error('照片须为JPEG或PNG图片。');
                return Upload.LIST_IGNORE;
              }
              if (file.size > MaxPhotoBytes) {
                message.error('照片不超过2MB。');
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file }) => upload.mutate(file as File)}>
            <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} aria-label={`上传${c.name}的照片`}>
              {c.hasPhoto ? '更换' : '上传照片'}
            </Button>
          </Upload>
        )}
      </Space>
      {upload.error && <ProblemAlert error={upload.error} />}
    </Space>
  );
}

/** The photo column of a candidate table. */
export function photoColumn(b: BatchView) {
  return { title: '照片', width: 150, render: (_: unknown, c: Candidate) => <CandidatePhotoCell batch={b} candidate={c} /> };
}

/** How many candidates still lack a photo (their certificates would print an empty photo box). */
export function MissingPhotos({ batch: b }: { batch: BatchView }) {
  const missing = b.candidates.filter((c) => !c.hasPhoto).length;
  if (b.candidates.length === 0 || missing === 0 || b.status === 'Accepted') return null;
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="photos-missing"
      title={`尚有 ${missing} 名考生未上传二寸照片（35×49毫米，白底，JPEG或PNG，不超过2MB）；缺照片的证书将留空照片框。`} />
  );
}
