import type { ReactNode } from 'react';
import type { App } from 'antd';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

export interface Decision {
  title: string;
  content?: ReactNode;
  okText: string;
  danger?: boolean;
  /** The command; a failure stays on its mutation (shown by ProblemAlert), so it is not rethrown here. */
  run: () => Promise<unknown>;
}

/** Asks before an irreversible decision (forward, accept, return, grant, reject, cancel …). */
export function confirmDecision(modal: ModalApi, d: Decision) {
  modal.confirm({
    title: d.title,
    content: d.content,
    okText: d.okText,
    cancelText: '取消',
    okButtonProps: { danger: d.danger },
    onOk: () => d.run().then(() => undefined, () => undefined),
  });
}
