import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Image, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { toProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { fetchWithPurpose, readPurposeName, useReadPurpose } from '../../../lib/readPurpose';
import { useTerms } from '../../../lib/terms';
import { ResultTag, mayTake, type BatchView } from './BatchParts';
import { batchKeys } from '../queries';

/** Whether the server lets the caller open a candidate in full (BAT-09, AUD-04: the organization, the receiving authority, auditors). */
export const mayOpenCandidates = (b: BatchView) => mayTake(b, 'getBatchCandidate');

/** Above a roster: everyone sees it masked; those who may are told how to see one candidate in full. */
export function MaskedRosterNote({ batch: b }: { batch: BatchView }) {
  if (b.candidates.length === 0) return null;
  return (
    <Alert type="info" showIcon style={{ marginBottom: 8 }} data-testid="masked-note"
      title={mayOpenCandidates(b) ? '名单中的个人信息已脱敏，点击“查看”查看完整信息（将记录查阅）' : '名单中的个人信息已脱敏'} />
  );
}

/** The 查看 column of a roster (for those who may open candidates) and the drawer it opens. */
export function useCandidateViewer(b: BatchView) {
  const [open, setOpen] = useState<string | null>(null);
  const column = mayOpenCandidates(b)
    ? [{
        title: '完整信息', width: 90,
        render: (_: unknown, c: { id: string; name: string }) => (
          <Button type="link" size="small" style={{ paddingInline: 0 }} aria-label={`查看${c.name}的完整信息`} onClick={() => setOpen(c.id)}>查看</Button>
        ),
      }]
    : [];
  const drawer = open ? <CandidateDrawer batch={b} candidateId={open} onClose={() => setOpen(null)} /> : null;
  return { column, drawer };
}

/**
 * One candidate in full (GET /api/batches/{batchId}/candidates/{candidateId}): the read states its purpose and is recorded.
 * Nothing is kept in the cache once the drawer closes.
 */
export function CandidateDrawer({ batch: b, candidateId, onClose }: { batch: BatchView; candidateId: string; onClose: () => void }) {
  const terms = useTerms();
  const purpose = useReadPurpose();
  const query = useQuery({
    queryKey: batchKeys.candidate(b.id, candidateId),
    queryFn: () => unwrap(api.GET('/api/batches/{batchId}/candidates/{candidateId}', { params: { path: { batchId: b.id, candidateId } } })),
    gcTime: 0,
    staleTime: 0,
  });
  const c = query.data;
  const photo = !!c?.hasPhoto && mayTake(b, 'downloadCandidatePhoto');
  return (
    <Drawer open title="考生信息" size="default" onClose={onClose} destroyOnHidden>
      {query.isLoading && <Skeleton active />}
      <ProblemAlert error={query.error} />
      {c && (
        <div data-testid="candidate-detail">
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="姓名">{c.name}</Descriptions.Item>
            <Descriptions.Item label="证件类型">{terms.name('identityDocumentTypes', c.documentType)}</Descriptions.Item>
            <Descriptions.Item label="证件号码"><span data-testid="candidate-document-number">{c.documentNumber}</span></Descriptions.Item>
            <Descriptions.Item label="联系电话">{c.phone || '—'}</Descriptions.Item>
            <Descriptions.Item label="所在单位">{c.employer}</Descriptions.Item>
            <Descriptions.Item label="报考职业（工种）">{c.occupation} {terms.name('skillLevels', c.level)}</Descriptions.Item>
            <Descriptions.Item label="所在地市">{c.cityName}</Descriptions.Item>
            <Descriptions.Item label="认定结果"><ResultTag result={c.result} /></Descriptions.Item>
            <Descriptions.Item label="照片">
              {photo
                ? <CandidatePhotoImage url={`/api/batches/${b.id}/candidates/${c.id}/photo?v=${b.version}`} alt={`${c.name}的照片`} />
                : c.hasPhoto ? <Tag color="green">已上传照片</Tag> : <Tag color="orange">缺照片</Tag>}
            </Descriptions.Item>
          </Descriptions>
          {purpose && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
              本次查看已记录，查阅目的：{readPurposeName(purpose)}。
            </Typography.Paragraph>
          )}
        </div>
      )}
    </Drawer>
  );
}

/**
 * A photo behind the purpose header (an <img> cannot send it): fetched, shown from a blob link, released when it leaves
 * the screen.
 */
export function CandidatePhotoImage({ url, alt }: { url: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let href: string | null = null;
    let gone = false;
    setSrc(null);
    setError(null);
    // not from the browser's cache: every view of the photo reaches the server and is recorded
    fetchWithPurpose(url, { credentials: 'same-origin', cache: 'no-store' })
      .then(async (response) => {
        if (!response.ok) throw await toProblem(response);
        const blob = await response.blob();
        if (gone) return;
        href = URL.createObjectURL(blob);
        setSrc(href);
      })
      .catch((e: unknown) => { if (!gone) setError(e); });
    return () => {
      gone = true;
      if (href) URL.revokeObjectURL(href);
    };
  }, [url]);
  if (error) return <ProblemAlert error={error} />;
  if (!src) return <Skeleton.Image active style={{ width: 105, height: 147 }} />;
  return (
    <Image src={src} alt={alt} width={105} height={147} style={{ objectFit: 'cover', border: '1px solid #d9d9d9' }}
      data-testid="candidate-photo" />
  );
}
