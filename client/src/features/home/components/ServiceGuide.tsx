import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';

const { Title, Paragraph } = Typography;

/** 办事指南: how an organization files and how a candidate checks a certificate, in the product's own steps. */
export function ServiceGuide() {
  return (
    <Card title="办事指南" data-testid="service-guide">
      <Row gutter={[24, 8]}>
        <Col xs={24} md={12}>
          <Title level={5}>评价机构如何备案</Title>
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            <li>使用平台分配的评价机构账号登录，登记本机构信息（统一社会信用代码、地址、联系人等）。</li>
            <li>起草备案申请：选择辖区和服务范围，填写职业（工种）、等级和评价站点，上传申请材料后提交。</li>
            <li>人力资源社会保障部门受理（材料不全的退回补正），组织专家评估，并在
              <Link to="/notices">公示公告</Link>中公示，公示期内任何人都可以提出异议。</li>
            <li>公示期满无异议的予以备案并编发备案号，机构即列入<Link to="/directory">机构目录</Link>，可以组织认定批次。</li>
          </ol>
        </Col>
        <Col xs={24} md={12}>
          <Title level={5}>考生如何查询证书</Title>
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            <li><Link to="/verify">证书查询</Link>：输入22位证书编号和持证人姓名，查看证书有效还是已撤销；结果中姓名部分隐藏，不显示身份证件号码。</li>
            <li>扫码验证：用手机扫描证书上的二维码，页面自动核对平台的电子签名，并显示证书现在的状态。</li>
            <li><Link to="/cases">进度查询</Link>：凭证件号码和姓名查看本人参加的认定批次、结果公示和发证情况；结果公示后才显示是否合格。</li>
          </ol>
          <Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>查询无需注册账号。</Paragraph>
        </Col>
      </Row>
    </Card>
  );
}
