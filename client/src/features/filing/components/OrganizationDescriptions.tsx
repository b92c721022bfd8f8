import { Descriptions } from 'antd';
import { type Schemas } from '../../../api/client';
import { useAreas } from '../../../lib/areas';
import { useTerms } from '../../../lib/terms';
import { formatDateTime } from '../../../lib/format';

export function OrganizationDescriptions({ organization: o }: { organization: Schemas['Filing.Organization'] }) {
  const { areaName } = useAreas();
  const terms = useTerms();
  return (
    <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label="机构名称">{o.name}</Descriptions.Item>
      <Descriptions.Item label="统一社会信用代码">{o.creditCode}</Descriptions.Item>
      <Descriptions.Item label="评价机构类别">{terms.name('organizationCategories', o.category)}</Descriptions.Item>
      <Descriptions.Item label="机构性质">{terms.name('organizationNatures', o.nature)}</Descriptions.Item>
      <Descriptions.Item label="登记所在地">{areaName(o.areaCode)}</Descriptions.Item>
      <Descriptions.Item label="地址">{o.address}</Descriptions.Item>
      <Descriptions.Item label="法定代表人">{o.legalRepresentative}</Descriptions.Item>
      <Descriptions.Item label="联系人">{o.contactName}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{o.contactPhone}</Descriptions.Item>
      <Descriptions.Item label="电子邮箱">{o.contactEmail}</Descriptions.Item>
      <Descriptions.Item label="登记时间">{formatDateTime(o.registeredAt)}</Descriptions.Item>
    </Descriptions>
  );
}
