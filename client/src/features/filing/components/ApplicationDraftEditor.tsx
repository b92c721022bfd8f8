import { useState } from 'react';
import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ApiProblem, type RuleViolation } from '../../../api/problem';
import { ProblemAlert, applyFieldErrors } from '../../../lib/ProblemAlert';
import { MaterialsCard } from './FilingStages';
import { applicationKeys } from '../queries';
import { type EditorValues, DetailsForm, useApplicantSections } from './ApplicationDetailsForm';
import { toLine } from './applicationLines';
import { ExceptionLabel } from './ExceptionLabel';
import { applyRuleTargets } from './applicationTargets';

type Application = Schemas['Filing.ApplicationView'];
type FilingPolicy = Schemas['SharedKernel.FilingPolicy'];

/** The material items (1–6) a 422 names as missing: its FIL-10 rules point at them ("/materialItems/4"). */
export function missingMaterialItems(rules: RuleViolation[]): number[] {
  return rules
    .map((r) => /^\/materialItems\/(\d+)$/.exec(r.target ?? ''))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
}

/** The organization's draft: details, then the materials, then submission (which needs both). */
export function DraftEditor({ application: a, policy }: { application: Application; policy?: FilingPolicy }) {
  const [form] = Form.useForm<EditorValues>();
  const sections = useApplicantSections(a, policy);
  const pledgeable = policy?.pledgeableMaterials ?? [];
  const client = useQueryClient();
  const { message } = App.useApp();
  const [justifications, setJustifications] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: (v: EditorValues) =>
      unwrap(api.PUT('/api/filing/applications/{applicationId}', {
        params: { path: { applicationId: a.id } },
        body: {
          version: a.version,
          consecutiveYears: v.consecutiveYears,
          cumulativePersonTimes: v.cumulativePersonTimes,
          subsidizedTraining: !!v.subsidizedTraining,
          occupations: (v.occupations ?? []).map(toLine),
          sites: (v.sites ?? []).map((x) => ({ name: x.name, address: x.address })),
          // a section the form does not show keeps what the draft holds
          evaluatedPopulations: v.evaluatedPopulations ?? a.evaluatedPopulations,
          mainBusiness: (v.mainBusiness === undefined ? a.mainBusiness : v.mainBusiness)?.trim() || null,
          majors: (v.majors ?? a.majors).map((m) => ({ name: m.name.trim(), occupations: m.occupations ?? [] })),
          preferences: v.preferences ?? a.preferences,
        },
      })),
    onSuccess: () => client.invalidateQueries({ queryKey: applicationKeys.detail(a.id) }),
    onError: (e) => {
      applyFieldErrors(form, e);
      applyRuleTargets(form, e);
    },
  });
  const submit = useMutation({
    mutationFn: (version: number) =>
      unwrap(api.POST('/api/filing/applications/{applicationId}/submit', {
        params: { path: { applicationId: a.id } },
        body: {
          version,
          exceptionRequests: Object.entries(justifications).filter(([, j]) => j.trim()).map(([ruleId, justification]) => ({ ruleId, justification })),
        },
      })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: applicationKeys.detail(a.id) });
      client.invalidateQueries({ queryKey: applicationKeys.lists() });
      message.success('申请已提交');
    },
    // a refused submission may still have saved the details: show the version the server holds now;
    // a rule about one occupation line, whom the applicant evaluates, its main business or preferences is shown at that field too
    onError: (e) => {
      client.invalidateQueries({ queryKey: applicationKeys.detail(a.id) });
      applyRuleTargets(form, e);
    },
  });
  const saveDraft = async () => {
    try {
      await save.mutateAsync(await form.validateFields());
      message.success('已保存');
    } catch {
      // field errors are shown next to the fields, a refusal in the alert above the buttons
    }
  };
  const saveAndSubmit = async () => {
    let values: EditorValues;
    try {
      values = await form.validateFields();
    } catch {
      message.error('申报内容有待修改的项目，请按红色提示修改后再提交。');
      form.scrollToField(form.getFieldsError().find((f) => f.errors.length > 0)?.name ?? 'consecutiveYears');
      return;
    }
    try {
      const saved = await save.mutateAsync(values);
      await submit.mutateAsync(saved.version);
    } catch {
      // the 422 lists every broken rule below; the materials it names are marked in the table
    }
  };
  const rules = submit.error instanceof ApiProblem ? submit.error.rules : [];
  const inPrinciple = rules.filter((r) => r.inPrinciple);
  const missing = missingMaterialItems(rules);

  return (
    <>
      <DetailsForm application={a} form={form} policy={policy} sections={sections} />
      <MaterialsCard application={a} pledgeable={pledgeable} flagged={missing} />
      <Card title="提交申请" data-testid="submit-card">
        {save.error && <div style={{ marginBottom: 16 }}><ProblemAlert error={save.error} /></div>}
        {submit.error && <div style={{ marginBottom: 16 }} data-testid="submit-problem"><ProblemAlert error={submit.error} /></div>}
        {inPrinciple.length > 0 && (
          <Card size="small" title="以下规则为“原则上”要求，可说明理由申请例外，由审核人员决定" style={{ marginBottom: 16 }}>
            <Form layout="vertical">
              {[...new Set(inPrinciple.map((r) => r.ruleId))].map((ruleId) => (
                <Form.Item key={ruleId} label={<ExceptionLabel rules={inPrinciple} ruleId={ruleId} ask="例外理由" />}>
                  <Input.TextArea rows={2} value={justifications[ruleId] ?? ''}
                    onChange={(e) => setJustifications({ ...justifications, [ruleId]: e.target.value })} />
                </Form.Item>
              ))}
            </Form>
          </Card>
        )}
        <Typography.Paragraph type="secondary">
          提交时将按辖区政策逐项核验，所有不符合项会一并列出；缺少的材料会在上方材料表中标红。
        </Typography.Paragraph>
        <Space wrap>
          <Button onClick={saveDraft} loading={save.isPending && !submit.isPending}>保存草稿</Button>
          <Button type="primary" onClick={saveAndSubmit} loading={submit.isPending}>提交申请</Button>
        </Space>
      </Card>
    </>
  );
}
