import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocation, useParams, useSearchParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../../api/client';
import { verifyCompactJws, type PublishedKey } from '../../../lib/credentials';
import { formatDate } from '../../../lib/format';
import { useTerms } from '../../../lib/terms';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { usePhone } from '../../../lib/responsive';
import { CredentialExplainer } from '../components/CredentialExplainer';
import { verificationKeys } from '../queries';

type PublicCertificate = Schemas['Certificates.PublicCertificate'];

function CertificateFacts({ certificate: c }: { certificate: PublicCertificate }) {
  const terms = useTerms();
  // on a phone each label sits above its value, so a 22-character number never pushes the page sideways
  const phone = usePhone();
  return (
    <Descriptions bordered size="small" column={1} layout={phone ? 'vertical' : 'horizontal'} data-testid="verified-certificate">
      <Descriptions.Item label="证书编号">{c.number}</Descriptions.Item>
      <Descriptions.Item label="姓名">{c.holderName}</Descriptions.Item>
      <Descriptions.Item label="职业名称">{c.occupation}</Descriptions.Item>
      <Descriptions.Item label="工种">{c.workType}</Descriptions.Item>
      <Descriptions.Item label="职业技能等级">{c.levelName}</Descriptions.Item>
      <Descriptions.Item label="发证日期">{formatDate(c.issuedOn)}</Descriptions.Item>
      <Descriptions.Item label="评价机构">{c.organizationName}（备案号 {c.filingNumber}，{c.filingStatus}）</Descriptions.Item>
      {c.revokedOn && <Descriptions.Item label="撤销日期">{formatDate(c.revokedOn)}</Descriptions.Item>}
      {c.printNumber > 1 && (
        <Descriptions.Item label="现行证书">
          第{c.printNumber}次打印（{terms.name('certificatePrintKinds', c.printKind)}，{formatDate(c.printedOn)}）
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function ResultBanner({ result, printNumber }: { result: string; printNumber?: number | null }) {
  if (result === 'Valid') return <Alert type="success" showIcon title="证书有效" data-testid="verify-result" />;
  if (result === 'Revoked') return <Alert type="error" showIcon title="证书已撤销" data-testid="verify-result" />;
  if (result === 'Superseded') {
    return (
      <Alert type="warning" showIcon title="此纸质证书已被新证书替代" data-testid="verify-result"
        description={`扫描的是第${printNumber ?? 1}次打印的证书，该证书已补发或更正后换发，本张作废；证书本身仍然有效，请以现行证书为准，或按证书编号和姓名查询。`} />
    );
  }
  return <Alert type="warning" showIcon title="未查到该证书：请核对证书编号和持证人姓名" data-testid="verify-result" />;
}

/** Public verification (CRT-04) by certificate number and the holder's name; the answer never shows an identity number. */
export function VerifyPage() {
  const [form] = Form.useForm<{ number: string; name: string }>();
  const verify = useMutation({
    mutationFn: (v: { number: string; name: string }) =>
      unwrap(api.GET('/api/public/certificates/verify', { params: { query: { number: v.number.trim(), name: v.name.trim() } } })),
  });
  // from the case lookup (进度查询): the number in the address, the name in the page state (never in a URL)
  const [params] = useSearchParams();
  const { state } = useLocation();
  const [prefill] = useState(() => ({ number: params.get('number') ?? '', name: (state as { name?: string } | null)?.name ?? '' }));
  const { mutate } = verify;
  useEffect(() => {
    if (prefill.number && prefill.name) mutate(prefill);
  }, [prefill, mutate]);
  return (
    <Card title="职业技能等级证书查询">
      <Typography.Paragraph type="secondary">输入证书编号和持证人姓名查询证书真伪；查询结果中姓名部分隐藏，不显示身份证件号码。</Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={prefill} onFinish={(v) => verify.mutate(v)} style={{ rowGap: 12, marginBottom: 16 }}>
        <Form.Item name="number" label="证书编号" rules={[{ required: true, whitespace: true, message: '请填写证书编号' }, { len: 22, message: '证书编号为22位' }]}>
          <Input aria-label="证书编号" style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="name" label="持证人姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input aria-label="持证人姓名" style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={verify.isPending}>查询</Button>
      </Form>
      <ProblemAlert error={verify.error} />
      {verify.data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ResultBanner result={verify.data.result} />
          {verify.data.certificate && <CertificateFacts certificate={verify.data.certificate} />}
        </Space>
      )}
    </Card>
  );
}

/** Tags and link buttons keep to one line by default; on a phone their long text wraps instead. */
const wrapping = { whiteSpace: 'normal', overflowWrap: 'anywhere', textAlign: 'start' } as const;

/** What a certificate's QR code opens: the registry's answer, and the signed payload checked here against the published keys. */
export function VerifyLinkPage() {
  const { token = '' } = useParams();
  const { hash } = useLocation();
  const link = useQuery({
    queryKey: verificationKeys.link(token),
    queryFn: () => unwrap(api.GET('/api/public/certificates/links/{token}', { params: { path: { token } } })),
  });
  const signature = useQuery({
    queryKey: verificationKeys.signature(token, hash, link.data?.payload),
    enabled: link.isSuccess,
    queryFn: async () => {
      const keys = (await (await fetch('/api/public/certificates/jwks')).json()) as { keys: PublishedKey[] };
      const payload = hash.length > 1 ? decodeURIComponent(hash.slice(1)) : link.data?.payload ?? '';
      return payload ? await verifyCompactJws(payload, keys.keys) : null;
    },
  });
  const [showCredential, setShowCredential] = useState(false);
  return (
    <Card title="扫码验证证书">
      <ProblemAlert error={link.error} />
      {link.data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ResultBanner result={link.data.result} printNumber={link.data.printNumber} />
          {signature.isSuccess && (
            <div data-testid="signature">
              {signature.data
                ? (
                  <Tag color="success" style={wrapping}>
                    电子签名有效：证书编号 {String(signature.data.n)}，持证人 {String(signature.data.h)}
                    {signature.data.p ? `，第${String(signature.data.p)}次打印` : ''}
                  </Tag>
                )
                : <Tag color="error" style={wrapping}>电子签名无效：二维码内容可能被篡改</Tag>}
            </div>
          )}
          {link.data.certificate && <CertificateFacts certificate={link.data.certificate} />}
          {link.data.credential && (
            <>
              <Button type="link" onClick={() => setShowCredential(!showCredential)} style={{ ...wrapping, height: 'auto', padding: 0 }}>
                {showCredential ? '收起' : '查看'}可验证凭证（W3C VC，application/vc+jwt）
              </Button>
              {showCredential && <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>{link.data.credential}</Typography.Paragraph>}
            </>
          )}
          <CredentialExplainer />
        </Space>
      )}
    </Card>
  );
}
