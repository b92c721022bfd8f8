import { App, Form, Input, Modal, TreeSelect } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { useAreas } from '../../../lib/areas';
import { Roles } from '../../../lib/roles';
import { accountKeys } from '../queries';

type Account = Schemas['Api.AccountView'];
export type Decision = 'disable' | 'enable';

export const decisionNames: Record<Decision, string> = { disable: '停用', enable: '启用' };

/** Roles bound to an authority (as when the account was created): their authority may be changed. */
export const hasAuthority = (role: string) => role === Roles.reviewer || role === Roles.expert || role === Roles.inspector;

function useDone(text: string, onClose: () => void) {
  const client = useQueryClient();
  const { message } = App.useApp();
  return async () => {
    message.success(text);
    await client.invalidateQueries({ queryKey: accountKeys.all });
    onClose();
  };
}

const reasonItem = (
  <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请填写原因' }]}>
    <Input.TextArea rows={3} maxLength={500} showCount />
  </Form.Item>
);

const title = (what: string, a: Account) => `${what}：${a.displayName}（${a.userName}）`;

/** 停用 / 启用 with a reason (全程留痕); the version the administrator saw goes along (stale → 409). */
export function DecisionModal({ account, decision, onClose }: { account: Account; decision: Decision; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useMutation({
    mutationFn: ({ reason }: { reason: string }) => {
      const options = { params: { path: { accountId: account.id } }, body: { version: account.version, reason } };
      return unwrap(decision === 'disable'
        ? api.POST('/api/admin/accounts/{accountId}/disable', options)
        : api.POST('/api/admin/accounts/{accountId}/enable', options));
    },
    onSuccess: useDone(`已${decisionNames[decision]}`, onClose),
  });
  return (
    <Modal open title={title(`${decisionNames[decision]}账号`, account)} onCancel={onClose} okText={decisionNames[decision]}
      onOk={() => form.submit()} confirmLoading={decide.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => decide.mutate(v)}>
        {reasonItem}
        {decide.error && <ProblemAlert error={decide.error} />}
      </Form>
    </Modal>
  );
}

/** 修改信息: the name, and for a reviewer, expert or inspector the authority; a new authority ends the account's sessions. */
export function EditAccountModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const [form] = Form.useForm<{ displayName: string; authorityCode?: string; reason: string }>();
  const { tree } = useAreas();
  const withAuthority = hasAuthority(account.role);
  const edit = useMutation({
    mutationFn: (v: { displayName: string; authorityCode?: string; reason: string }) =>
      unwrap(api.POST('/api/admin/accounts/{accountId}/edit', {
        params: { path: { accountId: account.id } },
        body: { version: account.version, displayName: v.displayName, authorityCode: withAuthority ? v.authorityCode : undefined, reason: v.reason },
      })),
    onSuccess: useDone('账号信息已修改', onClose),
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Modal open title={title('修改账号信息', account)} onCancel={onClose} okText="保存" onOk={() => form.submit()}
      confirmLoading={edit.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => edit.mutate(v)}
        initialValues={{ displayName: account.displayName, authorityCode: account.authorityCode ?? undefined }}>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}><Input maxLength={50} /></Form.Item>
        {withAuthority && (
          <Form.Item name="authorityCode" label="所属主管部门" extra="更换主管部门后，该账号需重新登录"
            rules={[{ required: true, message: '请选择主管部门' }]}>
            <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
          </Form.Item>
        )}
        {reasonItem}
        {edit.error && <ProblemAlert error={edit.error} />}
      </Form>
    </Modal>
  );
}

/** 重置密码: the administrator sets a temporary password and tells its owner, who should change it under 账号安全. */
export function ResetPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const [form] = Form.useForm<{ newPassword: string; reason: string }>();
  const reset = useMutation({
    mutationFn: (v: { newPassword: string; reason: string }) =>
      unwrap(api.POST('/api/admin/accounts/{accountId}/password', {
        params: { path: { accountId: account.id } }, body: { version: account.version, ...v },
      })),
    onSuccess: useDone('密码已重置，请将临时密码告知本人并提醒其登录后修改', onClose),
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Modal open title={title('重置密码', account)} onCancel={onClose} okText="重置" onOk={() => form.submit()}
      confirmLoading={reset.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v)}>
        <Form.Item name="newPassword" label="临时密码" extra="至少10位，包含大写字母、小写字母、数字、符号中的三类；重置后该账号的登录会话全部失效"
          rules={[{ required: true, message: '请输入临时密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {reasonItem}
        {reset.error && <ProblemAlert error={reset.error} />}
      </Form>
    </Modal>
  );
}
