using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;
using Marten;

namespace Assessment.IntegrationTests.Platform;

public class OrganizationRegistrationTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task FIL_11_an_organization_user_registers_its_organization_and_the_event_records_the_actor()
    {
        var (user, id) = await Given.Organization("wuhu.org", "340200", "芜湖机构");
        var org = await Given.Get<JsonObject>(user, $"/api/organizations/{id}");
        org["name"]!.GetValue<string>().ShouldBe("芜湖机构");
        org["version"]!.GetValue<long>().ShouldBe(1);

        await using var session = Host.DocumentStore().QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        var registered = events.ShouldHaveSingleItem().Data.ShouldBeOfType<Assessment.Filing.Organizations.OrganizationRegistered>();
        registered.By.UserName.ShouldBe("wuhu.org");
        registered.By.Role.ShouldBe(Roles.Organization);
        registered.By.OrganizationId.ShouldBe(id);
    }

    [Fact]
    public async Task FIL_11_invalid_basic_information_is_400_naming_each_field()
    {
        await Given.Account("bad.org", Roles.Organization);
        var user = await Given.SignIn("bad.org");
        var result = await Host.Scenario(s =>
        {
            s.As(user);
            s.Post.Json(new
            {
                name = "", creditCode = "91350100M000100Y44", nature = "Enterprise", category = "Y", areaCode = "999999",
                address = "地址", legalRepresentative = "张三", contactName = "李四", contactPhone = "12345", contactEmail = "not-an-email",
            }).ToUrl("/api/organizations");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        var errors = (await result.Problem())["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["name", "creditCode", "areaCode", "contactPhone", "contactEmail"], ignoreOrder: true);
        errors["creditCode"]![0]!.GetValue<string>().ShouldContain("校验位");
    }

    [Fact]
    public async Task registering_twice_is_409()
    {
        var (user, _) = await Given.Organization("twice.org", "340200", "芜湖机构", 3);
        var result = await Host.Scenario(s =>
        {
            s.As(user);
            s.Post.Json(Scenarios.RegisterBody("芜湖机构", "340200", 3)).ToUrl("/api/organizations");
            s.StatusCodeShouldBe(HttpStatusCode.Conflict);
        });
        await result.Problem();
    }

    [Fact]
    public async Task only_organization_users_register_organizations()
    {
        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Post.Json(Scenarios.RegisterBody("冒名机构", "340200", 4)).ToUrl("/api/organizations");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
    }
}
