import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useRef, useState } from 'react';
import { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { formatBytes } from '../../../lib/format';
import { DownloadInterrupted, downloadZip, type ZipProgress } from '../../../lib/zipDownload';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ZipProgress | null }
  | { kind: 'done'; progress: ZipProgress }
  | { kind: 'failed'; error: unknown };

/**
 * 批量下载: a batch's certificate PDFs as one zip, streamed by the server as it draws them. A large batch takes minutes, so a
 * dialog shows how many certificates have arrived, lets the user cancel, and when the download fails says what to do.
 */
export function BatchZipDownload({ batchId, batchTitle, total }: { batchId: string; batchTitle: string; total: number }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'running', progress: null });
    try {
      const progress = await downloadZip(`/api/certificate-issuances/${batchId}/pdfs`, `证书（${batchTitle}）.zip`,
        (p) => setState({ kind: 'running', progress: p }), controller.signal);
      setState({ kind: 'done', progress });
    } catch (e) {
      setState(controller.signal.aborted ? { kind: 'idle' } : { kind: 'failed', error: e });
    }
  };
  const close = () => {
    abort.current?.abort();
    setState({ kind: 'idle' });
  };
  return (
    <>
      <Button size="small" icon={<DownloadOutlined />} loading={state.kind === 'running'} onClick={start}>批量下载</Button>
      <Modal open={state.kind !== 'idle'} title={`批量下载证书（${batchTitle}）`} onCancel={close} maskClosable={false}
        footer={<Button onClick={close}>{state.kind === 'running' ? '取消下载' : '关闭'}</Button>}>
        <div data-testid="zip-download">
          <ZipDownloadBody state={state} total={total} onRetry={start} />
        </div>
      </Modal>
    </>
  );
}

function ZipDownloadBody({ state, total, onRetry }: { state: State; total: number; onRetry: () => void }) {
  if (state.kind === 'running' || state.kind === 'done') {
    const p = state.progress;
    const expected = p?.expected ?? total;
    const files = state.kind === 'done' ? expected : p?.files ?? 0;
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Progress percent={expected > 0 ? Math.floor((files * 100) / expected) : 0} status={state.kind === 'done' ? 'success' : 'active'} />
        <Typography.Text data-testid="zip-progress">
          {state.kind === 'done'
            ? `已下载全部 ${expected} 份证书（${formatBytes(p?.bytes ?? 0)}），文件已保存到浏览器的下载目录。`
            : p === null ? '正在准备证书……' : `已收到 ${files} / ${expected} 份证书（${formatBytes(p.bytes)}）`}
        </Typography.Text>
        {state.kind === 'running' && (
          <Typography.Text type="secondary">服务器边生成边发送，每份证书约30KB；请保持此页面打开，关闭对话框将取消下载。</Typography.Text>
        )}
      </Space>
    );
  }
  if (state.kind !== 'failed') return null;
  const error = state.error;
  if (error instanceof ApiProblem) return <ProblemAlert error={error} />;
  const received = error instanceof DownloadInterrupted ? error.progress.files : 0;
  return (
    <Alert type="error" showIcon data-testid="zip-failed" title="批量下载中断，文件未保存"
      description={
        <Space orientation="vertical">
          <span>{received > 0 ? `已收到 ${received} 份证书后连接中断。` : '未能开始下载。'}请检查网络连接后重新下载；
            如果多次中断，可在下方证书列表中逐份下载，或联系系统管理员。</span>
          <Button size="small" type="primary" onClick={onRetry}>重新下载</Button>
        </Space>
      } />
  );
}
