using Assessment.Filing.Numbering;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.IntegrationTests.Filing;

public class FilingNumberTests(AppFixture app) : IntegrationTest(app)
{
    private FilingNumberAllocator Allocator => Host.Services.GetRequiredService<FilingNumberAllocator>();
    private PolicyCatalog Catalog => Host.Services.GetRequiredService<PolicyCatalog>();

    private IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>One assignment in its own transaction, as a grant does it.</summary>
    private async Task<FilingNumber> Assign(string policy, string area, OrganizationCategory category = OrganizationCategory.S)
    {
        await using var session = Store.LightweightSession();
        var number = await Allocator.AssignAsync(session, Catalog.Get(policy), Catalog, area, category, Guid.NewGuid(), Actor.System);
        await session.SaveChangesAsync();
        return number;
    }

    private async Task Discard(FilingNumber number, string reason)
    {
        await using var session = Store.LightweightSession();
        await Allocator.DiscardAsync(session, number, reason, Actor.System);
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task FIL_24_twenty_parallel_grants_in_one_city_get_twenty_distinct_consecutive_serials()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Assign("anhui", "340100"))));
        numbers.Select(n => n.Serial).Order().ShouldBe(Enumerable.Range(1, 20));
        numbers.Select(n => n.Value).Distinct().Count().ShouldBe(20);
        numbers.ShouldAllBe(n => n.Value.StartsWith("S00003401"));
    }

    [Theory]
    [InlineData("anhui", "341500", OrganizationCategory.Y, "Y000034240001")] // 六安 uses Anhui's own code 24
    [InlineData("anhui", "340000", OrganizationCategory.S, "S000034000001")] // 省直 00
    [InlineData("guangxi", "450100", OrganizationCategory.S, "S000045010001")]
    [InlineData("hubei-huangshi", "420281", OrganizationCategory.Y, "Y000042020001")] // a county counts in Huangshi's sequence
    [InlineData("national", "000000", OrganizationCategory.S, "S000000000001")]
    public async Task FIL_24_each_jurisdiction_numbers_with_its_own_codes(string policy, string area, OrganizationCategory category, string expected)
    {
        (await Assign(policy, area, category)).Value.ShouldBe(expected);
    }

    [Fact]
    public async Task FIL_24_serials_run_per_city_and_a_discarded_number_is_never_reassigned()
    {
        var first = await Assign("anhui", "340200");
        var second = await Assign("anhui", "340200");
        (await Assign("anhui", "340100")).Serial.ShouldBe(1);
        await Discard(second, "机构注销");
        await Discard(second, "重复作废无影响");
        var third = await Assign("anhui", "340200");
        new[] { first.Serial, second.Serial, third.Serial }.ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task FIL_24_a_number_never_assigned_cannot_be_discarded()
    {
        await Assign("anhui", "340200");
        await Should.ThrowAsync<BusinessRuleException>(() => Discard(FilingNumber.Parse("S000034020099"), "x"));
    }
}
