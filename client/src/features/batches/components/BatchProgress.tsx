import { Card, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import { batchProgress, progressSteps } from '../progress';
import type { BatchView } from './BatchParts';

/** The batch's way from plan to certificates as steps: where it stands, what happens next and who acts. */
export function BatchProgressCard({ batch }: { batch: BatchView }) {
  const progress = batchProgress(batch, dayjs().format('YYYY-MM-DD'));
  return (
    <Card size="small" data-testid="batch-progress">
      <Steps size="small" responsive current={progress.current} status={progress.state}
        items={progressSteps.map((title) => ({ title }))} />
      <Typography.Paragraph style={{ margin: '12px 0 0' }} data-testid="batch-next">
        <Typography.Text strong>下一步：</Typography.Text>{progress.next}
      </Typography.Paragraph>
    </Card>
  );
}
