import { useState } from 'react';
import { Alert, Button, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { postForm, type Schemas } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { mayTake, useBatchCommand, type BatchView } from './BatchParts';
import { MissingPhotos } from './CandidatePhoto';

type BulkAnswer = Schemas['Batches.BulkPhotoUpload'];
type FileResult = Schemas['Batches.BulkPhotoFileResult'];

/** The limits the server applies to one bulk upload: 300 photos, 50 MB in all (each photo ≤ 2 MB, JPEG or PNG). */
export const MaxBulkFiles = 300;
export const MaxBulkBytes = 50 * 1024 * 1024;

const statusColors: Record<string, string> = { saved: 'green', duplicate: 'orange', 'too-large': 'orange' };

/** The per-file results of a bulk upload, in Chinese (已保存, 本批次无此考生, 不是图片, 文件过大, 重复文件, 不符合照片要求). */
export function BulkPhotoResults({ answer }: { answer: BulkAnswer }) {
  const refused = answer.files.length - answer.saved;
  return (
    <>
      <Alert type={refused > 0 ? 'warning' : 'success'} showIcon style={{ marginBottom: 8 }} data-testid="bulk-photo-summary"
        title={`共 ${answer.files.length} 个文件：${answer.saved} 张照片已保存${refused > 0 ? `，${refused} 个未保存（见下表）` : ''}。`} />
      <Table<FileResult & { key: number }> size="small" pagination={false} dataSource={answer.files.map((f, key) => ({ ...f, key }))}
        data-testid="bulk-photo-results" scroll={{ y: 320 }}
        columns={[
          { title: '文件名', dataIndex: 'fileName', width: 220 },
          {
            title: '结果', dataIndex: 'statusName', width: 130,
            render: (name: string, r) => <Tag color={statusColors[r.status] ?? 'red'}>{name}</Tag>,
          },
          { title: '说明', dataIndex: 'message' },
        ]} />
    </>
  );
}

/**
 * 批量上传照片 (CRT-03): a zip, or several JPEG/PNG files, each named by the candidate's identity number
 * (110101199003071234.jpg); the server judges each file like one photo and answers a result per file.
 */
export function BulkPhotoUpload({ batch: b }: { batch: BatchView }) {
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [answer, setAnswer] = useState<BulkAnswer | null>(null);
  const upload = useBatchCommand(b, (picked: File[], version) =>
    postForm<BulkAnswer>(`/api/batches/${b.id}/candidates/photos`, { version: String(version), file: picked }), '上传完成，请查看每个文件的结果');
  if (!mayTake(b, 'uploadCandidatePhotos')) return null;
  const total = files.reduce((sum, f) => sum + (f.size ?? 0), 0);
  const tooMany = files.length > MaxBulkFiles || total > MaxBulkBytes;
  const close = () => { setOpen(false); setFiles([]); setAnswer(null); upload.reset(); };
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>批量上传照片</Button>
      {open && (
        <Modal open title="批量上传照片" width={760} onCancel={close} destroyOnHidden
          footer={answer
            ? <Button type="primary" onClick={close}>完成</Button>
            : <Space>
              <Button onClick={close}>取消</Button>
              <Button type="primary" disabled={files.length === 0 || tooMany} loading={upload.isPending}
                onClick={() => upload.mutate(files.map((f) => f.originFileObj as File),
                  { onSuccess: (a) => setAnswer(a as unknown as BulkAnswer) })}>上传</Button>
            </Space>}>
          {answer ? <BulkPhotoResults answer={answer} /> : (
            <>
              <Typography.Paragraph type="secondary">
                每张照片以考生的证件号码命名（例如 110101199003071234.jpg），JPEG或PNG，不超过2MB；可选多张照片或一个zip压缩包，
                一次最多{MaxBulkFiles}张、合计不超过50MB。已上传的照片将被替换。
              </Typography.Paragraph>
              <Upload.Dragger multiple accept=".jpg,.jpeg,.png,.zip,image/jpeg,image/png,application/zip" fileList={files}
                beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} data-testid="bulk-photo-files">
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p>点击或拖入照片文件、zip压缩包</p>
              </Upload.Dragger>
              {tooMany && <Alert type="error" showIcon style={{ marginTop: 8 }} title={`一次最多${MaxBulkFiles}个文件、合计50MB，请分批上传。`} />}
              {upload.error && <ProblemAlert error={upload.error} />}
            </>
          )}
        </Modal>
      )}
    </>
  );
}

/** Above a roster: how many photos are missing, and for the organization the bulk upload. */
export function BatchPhotos({ batch: b }: { batch: BatchView }) {
  return (
    <>
      <MissingPhotos batch={b} />
      {mayTake(b, 'uploadCandidatePhotos') && <div style={{ marginBottom: 8 }}><BulkPhotoUpload batch={b} /></div>}
    </>
  );
}
