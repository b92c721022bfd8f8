import { Collapse, Typography } from 'antd';

const { Paragraph } = Typography;

/** What a verifiable credential (可验证凭证) is and how anyone checks it, in plain words, folded under one heading. */
export function CredentialExplainer() {
  return (
    <Collapse size="small" data-testid="credential-explainer" items={[{
      key: 'what',
      label: '什么是可验证凭证？怎样核验？',
      children: (
        <div data-testid="credential-explanation">
          <Paragraph>
            可验证凭证是证书的电子版本：证书编号、持证人、职业、等级、发证日期和评价机构等数据，由签发证书的本平台用自己的私钥做了电子签名。
            证书上的二维码里就带着这样一份签名数据。
          </Paragraph>
          <Paragraph>
            平台公开了用于核验的公钥。任何人都可以用公钥核对签名：数据只要被改动一个字，签名就对不上。
            打开本页时，您的浏览器已自动完成这一核对，结果显示为“电子签名有效”或“电子签名无效”；也可以点击“查看可验证凭证”复制凭证，用其他工具按公开的公钥自行核验。
          </Paragraph>
          <Paragraph style={{ marginBottom: 0 }}>
            签名只证明数据出自平台、没有被篡改；证书现在是否有效，以平台登记的状态为准。“已撤销”表示评价机构或主管部门已依规撤销这本证书，
            自撤销日期起证书不再有效，即使签名仍然有效也不能再作为技能等级的证明。“已被新证书替代”表示证书已补发或更正，请以新证书为准。
          </Paragraph>
        </div>
      ),
    }]} />
  );
}
