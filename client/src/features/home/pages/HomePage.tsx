import { Card, Col, Row, Typography, Statistic, Button, Space, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../../api/client';
import { ProblemAlert } from '../../../lib/ProblemAlert';
import { useMe } from '../../../auth/session';
import { homeFor } from '../../../lib/roles';
import { policyKeys } from '../../policies/queries';
import { ServiceEntries } from '../components/ServiceEntries';
import { ServiceGuide } from '../components/ServiceGuide';

export function HomePage() {
  const navigate = useNavigate();
  const session = useMe();
  const me = session.data;
  // the public's services and guide; never flashed to a signed-in user while the session is read
  const isPublic = !me && !session.isPending;
  const policies = useQuery({ queryKey: policyKeys.list(), queryFn: () => unwrap(api.GET('/api/policies')) });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2}>职业技能等级认定服务平台</Typography.Title>
        {isPublic && <div style={{ marginBottom: 16 }}><ServiceEntries /></div>}
        <Typography.Paragraph style={{ fontSize: 16 }}>
          评价机构在此向人力资源社会保障部门备案、组织认定批次、公示和报送结果并颁发证书；主管部门在本辖区内受理、评估、公示、备案和监管；
          社会公众无需注册即可核验证书、查询本人认定进度和评价机构目录，对公示提出异议，并查阅辖区政策与工作日安排。所有决定均记录操作人与理由，全程留痕。
        </Typography.Paragraph>
        <Space wrap>
          {me ? (
            <Button type="primary" size="large" onClick={() => navigate(homeFor(me.role))}>进入我的工作台</Button>
          ) : (
            <Button type="primary" size="large" onClick={() => navigate('/sign-in')}>登录</Button>
          )}
          {!isPublic && <Button size="large" onClick={() => navigate('/directory')}>查询评价机构目录</Button>}
          <Button size="large" onClick={() => navigate('/notices')}>公示公告</Button>
          <Button size="large" onClick={() => navigate('/policies')}>查看辖区政策</Button>
          <Button size="large" onClick={() => navigate('/calendar')}>工作日查询</Button>
        </Space>
      </Card>
      {isPublic && <ServiceGuide />}
      <Typography.Title level={4}>已接入的辖区</Typography.Title>
      <ProblemAlert error={policies.error} />
      {policies.isLoading ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          {(policies.data ?? []).map((p) => (
            <Col key={p.id} xs={24} md={12} xl={6}>
              <Card title={p.shortName} hoverable onClick={() => navigate(`/policies?id=${p.id}`)}>
                <Typography.Paragraph type="secondary">{p.name}</Typography.Paragraph>
                <Statistic title="可申请的服务范围" value={p.scopes.length} suffix="类" />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Space>
  );
}
