using Assessment.SharedKernel.Events;
using Microsoft.Extensions.Configuration;

namespace Assessment.SharedKernel.Demo;

/// <summary>
/// The people of the demo (embedded mode, <c>Demo:Seed=true</c>, set by ./build.sh run): the host creates their accounts,
/// each module seeds its own demo data acting as them. Ids are derived from names, so modules need no lookup.
/// </summary>
public static class DemoData
{
    public const string Password = "Demo@2026pass";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>("Demo:Seed");

    /// <param name="Organization">The key of the demo organization an organization user acts for.</param>
    public sealed record Person(string UserName, string DisplayName, string Role, string? Authority, string? Organization = null)
    {
        public Guid Id => AccountId(UserName);

        public Actor Actor => new(Id, UserName, Role, Authority, Organization is null ? null : OrganizationId(Organization), DisplayName);
    }

    public static readonly IReadOnlyList<Person> People =
    [
        new("admin", "平台管理员", Roles.Administrator, null),
        new("auditor", "孙审", Roles.Auditor, null),
        new("national.reviewer", "周衡（部鉴定中心）", Roles.Reviewer, "000000"),
        new("anhui.reviewer", "吴皖（安徽省鉴定中心）", Roles.Reviewer, "340000"),
        new("hefei.reviewer", "郑庐（合肥市鉴定中心）", Roles.Reviewer, "340100"),
        new("wuhu.reviewer", "江芜（芜湖市鉴定中心）", Roles.Reviewer, "340200"),
        new("guangxi.reviewer", "韦桂（广西鉴定中心）", Roles.Reviewer, "450000"),
        new("nanning.reviewer", "黄邕（南宁市鉴定中心）", Roles.Reviewer, "450100"),
        new("liuzhou.reviewer", "柳程（柳州市鉴定中心）", Roles.Reviewer, "450200"),
        new("hubei.reviewer", "楚鄂（湖北省鉴定中心）", Roles.Reviewer, "420000"),
        new("huangshi.reviewer", "石磊（黄石市鉴定指导中心）", Roles.Reviewer, "420200"),
        new("daye.reviewer", "冶明（大冶市人社局）", Roles.Reviewer, "420281"),
        new("anhui.expert", "赵建国（安徽评估专家）", Roles.Expert, "340000"),
        new("guangxi.expert", "蒙秀英（广西评估专家）", Roles.Expert, "450000"),
        new("huangshi.expert", "胡志强（湖北评估专家）", Roles.Expert, "420200"),
        new("national.expert", "孔德明（国家评估专家）", Roles.Expert, "000000"),
        new("hefei.inspector", "钱督", Roles.Inspector, "340100"),
        new("huangshi.inspector", "吴督", Roles.Inspector, "420200"),
        new("hefei.org", "李敏（合肥新华）", Roles.Organization, null, "hefei"),
        new("wuhu.org", "张伟（芜湖奇瑞）", Roles.Organization, null, "wuhu"),
        new("nanning.org", "陆芳（南宁家政协会）", Roles.Organization, null, "nanning"),
        new("liuzhou.org", "覃宁（柳州工程机械）", Roles.Organization, null, "liuzhou"),
        new("huangshi.org", "陈静（黄石技工学校）", Roles.Organization, null, "huangshi"),
        new("daye.org", "周洁（大冶特钢）", Roles.Organization, null, "daye"),
        new("new.org", "待登记机构用户", Roles.Organization, null, "unregistered"),
    ];

    public static Person Named(string userName) => People.Single(p => p.UserName == userName);

    public static Guid AccountId(string userName) => StreamIds.FromName("demo-account:" + userName);

    public static Guid OrganizationId(string key) => StreamIds.FromName("demo-organization:" + key);
}
