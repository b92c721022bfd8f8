import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Col, DatePicker, Form, InputNumber, Result, Row, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { policyKeys } from '../../policies/queries';
import { useMe } from '../../../auth/session';
import { Roles } from '../../../lib/roles';
import { calendarKeys } from '../queries';

/** Public questions to the one working-day calendar: is this a working day, and when do N working days end. */
export function CalendarPage() {
  const policies = useQuery({ queryKey: policyKeys.list(), queryFn: () => unwrap(api.GET('/api/policies')) });
  const options = (policies.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const [jurisdiction, setJurisdiction] = useState<string>('national');
  const layers = useQuery({ queryKey: calendarKeys.layers(), queryFn: () => unwrap(api.GET('/api/calendar/layers')), staleTime: Infinity });
  const layerName = (id: string) => layers.data?.find((l) => l.id === id)?.name ?? '';
  const me = useMe();
  const mayLoad = me.data?.role === Roles.administrator || me.data?.role === Roles.reviewer;

  const check = useMutation({
    mutationFn: (date: Dayjs) =>
      unwrap(api.GET('/api/calendar/{jurisdiction}/working-day', { params: { path: { jurisdiction }, query: { date: date.format('YYYY-MM-DD') } } })),
  });
  const add = useMutation({
    mutationFn: (v: { from: Dayjs; days: number }) =>
      unwrap(api.GET('/api/calendar/{jurisdiction}/add-working-days', {
        params: { path: { jurisdiction }, query: { from: v.from.format('YYYY-MM-DD'), days: v.days } },
      })),
  });

  return (
    <>
      <Typography.Title level={3}>工作日查询</Typography.Title>
      <Typography.Paragraph type="secondary">
        按国务院办公厅每年节假日安排（含调休上班日）及地方节假日（如广西“壮族三月三”）计算。超出已载入年度的日期不作推算。
        {mayLoad && <> <Link to="/calendar/load">载入节假日安排</Link></>}
      </Typography.Paragraph>
      <Select style={{ width: '100%', maxWidth: 420, marginBottom: 16 }} value={jurisdiction} options={options} onChange={setJurisdiction}
        aria-label="辖区" />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card title="是否工作日">
            <Form layout="inline" onFinish={(v: { date: Dayjs }) => check.mutate(v.date)} initialValues={{ date: dayjs() }}>
              <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker aria-label="日期" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={check.isPending}>查询</Button>
            </Form>
            <ProblemAlert error={check.error} />
            {check.data && (
              <Result
                status={check.data.isWorkingDay ? 'success' : 'info'}
                title={`${check.data.date} ${check.data.isWorkingDay ? '是工作日' : '不是工作日'}`}
                subTitle={layerName(check.data.calendarLayer) && `按${layerName(check.data.calendarLayer)}计算`}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title="推算 N 个工作日后的日期">
            <Form layout="inline" onFinish={(v: { from: Dayjs; days: number }) => add.mutate(v)} initialValues={{ from: dayjs(), days: 10 }}>
              <Form.Item name="from" rules={[{ required: true, message: '请选择起算日' }]}>
                <DatePicker aria-label="起算日" />
              </Form.Item>
              <Form.Item name="days" rules={[{ required: true, message: '请输入天数' }]}>
                <InputNumber min={0} max={366} addonAfter="个工作日" aria-label="工作日数" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={add.isPending}>计算</Button>
            </Form>
            <ProblemAlert error={add.error} />
            {add.data && (
              <Result status="success" title={`截止日期：${add.data.result}`}
                subTitle={`自 ${add.data.from} 起第 ${add.data.workingDays} 个工作日（起算日不计）${
                  layerName(add.data.calendarLayer) ? `，按${layerName(add.data.calendarLayer)}计算` : ''}`} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
