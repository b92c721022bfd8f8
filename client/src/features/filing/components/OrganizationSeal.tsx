import { App, Button, Card, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postForm, type Schemas } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { formatDateTime } from '../../../lib/format';
import { organizationKeys } from '../queries';

type Organization = Schemas['Filing.OrganizationView'];

/** Shows the seal's transparency as it will lie over the certificate's text. */
const Checkerboard = 'repeating-conic-gradient(#f0f0f0 0 25%, #fff 0 50%) 0 0 / 16px 16px';

/** The server's limit (CRT-03 seal): a PNG with a transparent background, at most 1 MB. */
export const MaxSealBytes = 1024 * 1024;

/**
 * The organization's seal image (CRT-03: name and seal as filed): certificates are stamped with it over the organization's name
 * and the issue date. Without one the place stays blank for a stamp on paper.
 */
export function OrganizationSeal({ organization }: { organization: Organization }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => postForm(`/api/organizations/${organization.id}/seal`, { version: String(organization.version), file }),
    onSuccess: () => {
      message.success('印章图片已上传，此后打印的证书将加盖此印章');
      return client.invalidateQueries({ queryKey: organizationKeys.detail(organization.id) });
    },
  });
  const may = organization.actions.includes('uploadOrganizationSeal');
  return (
    <Card title="机构印章" data-testid="organization-seal" extra={may && (
      <Upload showUploadList={false} accept=".png,image/png"
        beforeUpload={(file) => {
          if (file.type && file.type !== 'image/png') {
            message.error('印章图片须为透明背景的PNG。');
            return Upload.LIST_IGNORE;
          }
          if (file.size > MaxSealBytes) {
            message.error('印章图片不超过1MB。');
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file }) => upload.mutate(file as File)}>
        <Button icon={<UploadOutlined />} loading={upload.isPending}>{organization.sealId ? '更换印章图片' : '上传印章图片'}</Button>
      </Upload>
    )}>
      <Space align="start" size="large" wrap>
        {organization.sealId ? (
          <img src={`/api/organizations/${organization.id}/seal?v=${organization.sealId}`} alt="本机构印章" data-testid="seal-image"
            style={{ width: 120, height: 120, objectFit: 'contain', background: Checkerboard }} />
        ) : (
          <div style={{ width: 120, height: 120, border: '1px dashed #d9d9d9', display: 'grid', placeItems: 'center', color: '#999' }}>未上传</div>
        )}
        <Typography.Paragraph type="secondary" style={{ maxWidth: 520, marginBottom: 0 }}>
          证书左页在机构名称和发证日期处加盖本机构印章图片（直径约40毫米）。印章名称应与备案公布的机构名称一致，可使用本机构人事劳动保障工作机构代章。
          请上传透明背景的PNG图片（不超过1MB，长宽150至3000像素）；更换后，只有之后打印的证书使用新印章。未上传时该处留空，可在纸质证书上加盖实体印章。
          {organization.sealUploadedAt && <><br />当前印章上传于 {formatDateTime(organization.sealUploadedAt)}。</>}
        </Typography.Paragraph>
      </Space>
      {upload.error && <div style={{ marginTop: 12 }}><ProblemAlert error={upload.error} /></div>}
    </Card>
  );
}
