import { Alert, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { readPurposeName, useReadPurpose } from '../../../lib/readPurpose';
import { useTerms } from '../../../lib/terms';
import { certificateKeys } from '../queries';

type Correction = Schemas['Certificates.CertificateCorrectionItem'];
type Holder = Schemas['Certificates.CertificateHolderView'];

export const correctionStatusColors: Record<string, string> = { Open: 'processing', Approved: 'success', Rejected: 'default', Withdrawn: 'default' };
export const printKindColors: Record<string, string> = { Original: 'default', Reissue: 'orange', Correction: 'blue' };

interface ChangeLine { field: string; label: string; before: string; after: string }

/**
 * What a correction changes, one line per changed field: the server names the fields (request names) and their labels (the
 * certificateCorrectionFields list); the values are as the caller may see them.
 */
export function changeLines(c: Pick<Correction, 'changedFields' | 'previous' | 'proposed'>, label: (field: string) => string): ChangeLine[] {
  const value = (h: Holder, field: string) =>
    field === 'holderName' ? h.name : field === 'documentType' ? h.documentTypeName : field === 'documentNumber' ? h.documentNumber : h.employer;
  return c.changedFields.map((field) => ({
    field, label: label(field), before: value(c.previous, field), after: value(c.proposed, field),
  }));
}

export function ChangeList({ correction }: { correction: Correction }) {
  const terms = useTerms();
  return (
    <div data-testid="correction-changes">
      {changeLines(correction, (field) => terms.name('certificateCorrectionFields', field)).map((l) => (
        <div key={l.field}>
          {l.label}：<Typography.Text delete type="secondary">{l.before}</Typography.Text> → <Typography.Text strong>{l.after}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

/**
 * One certificate as the caller may see it in full (GET /api/certificates/{certificateId}): the read states its purpose and is
 * recorded (AUD-04); nothing is kept in the cache once it leaves the screen.
 */
export function useCertificate(id: string) {
  return useQuery({
    queryKey: certificateKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/certificates/{certificateId}', { params: { path: { certificateId: id } } })),
    gcTime: 0,
    staleTime: 0,
  });
}

/** One correction request with the holder data before and as proposed, in full where the caller may see it (recorded likewise). */
export function useCorrection(id: string) {
  return useQuery({
    queryKey: certificateKeys.correction(id),
    queryFn: () => unwrap(api.GET('/api/certificate-corrections/{correctionId}', { params: { path: { correctionId: id } } })),
    gcTime: 0,
    staleTime: 0,
  });
}

/** Under a record opened in full: masked (the server shows this caller no more), or that the read was recorded and why. */
export function RevealNote({ masked }: { masked: boolean }) {
  const purpose = useReadPurpose();
  if (masked) return <Alert type="info" showIcon title="个人信息已脱敏" data-testid="reveal-masked" />;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="reveal-recorded">
      本次查看的完整个人信息已记录{purpose ? `，查阅目的：${readPurposeName(purpose)}` : ''}。
    </Typography.Text>
  );
}

export function useRefresh() {
  const client = useQueryClient();
  return () => {
    client.invalidateQueries({ queryKey: certificateKeys.lists() });
    client.invalidateQueries({ queryKey: certificateKeys.correctionLists() });
    client.invalidateQueries({ queryKey: certificateKeys.histories() });
  };
}
