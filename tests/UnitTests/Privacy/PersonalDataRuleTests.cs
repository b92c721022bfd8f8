using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Privacy;
using Microsoft.AspNetCore.Http;

namespace Assessment.UnitTests.Privacy;

/// <summary>Issue 16, AUD-04, BAT-09: the one personal-data rule — relation of each role to the data, and what it gets.</summary>
public class PersonalDataRuleTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly PersonalDataHolder Holder = new(Org, "340200");

    public static TheoryData<string, string?, bool, DataRelation, PersonalDataView> Callers => new()
    {
        { Roles.Organization, null, true, DataRelation.HoldingOrganization, PersonalDataView.Full },
        { Roles.ApiClient, null, true, DataRelation.HoldingOrganization, PersonalDataView.Full },
        { Roles.Organization, null, false, DataRelation.OtherOrganization, PersonalDataView.None },
        { Roles.Reviewer, "340200", false, DataRelation.ReceivingAuthority, PersonalDataView.Full },
        { Roles.ApiClient, "340200", false, DataRelation.ReceivingAuthority, PersonalDataView.Full },
        { Roles.Reviewer, "340000", false, DataRelation.AuthorityAbove, PersonalDataView.Masked },
        { Roles.Reviewer, "000000", false, DataRelation.AuthorityAbove, PersonalDataView.Masked },
        { Roles.ApiClient, "340000", false, DataRelation.AuthorityAbove, PersonalDataView.Masked },
        { Roles.Inspector, "340200", false, DataRelation.Inspector, PersonalDataView.Masked },
        { Roles.Reviewer, "340100", false, DataRelation.OtherArea, PersonalDataView.None },
        { Roles.Reviewer, "420200", false, DataRelation.OtherArea, PersonalDataView.None },
        { Roles.Expert, "340200", false, DataRelation.Expert, PersonalDataView.None },
        { Roles.Auditor, null, false, DataRelation.Auditor, PersonalDataView.Full },
        { Roles.Administrator, null, false, DataRelation.Administrator, PersonalDataView.Masked },
        { Roles.Public, null, false, DataRelation.Public, PersonalDataView.None },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public void AUD_04_each_role_and_relation_gets_what_the_table_says_and_lists_never_more_than_masked(string role, string? authority, bool ownOrganization,
        DataRelation relation, PersonalDataView oneRecord)
    {
        var caller = GuardCallers.As(role, authority, ownOrganization ? Org : role is Roles.Organization ? Guid.NewGuid() : null);
        if (role == Roles.Public) caller = caller with { User = caller.User with { Id = Guid.Empty } };
        PersonalDataRule.RelationOf(caller.User, Holder, caller.Access).ShouldBe(relation);
        PersonalDataRule.ForOneRecord(caller, Holder).ShouldBe(oneRecord);
        PersonalDataRule.ForList(caller, Holder).ShouldBe(oneRecord == PersonalDataView.None ? PersonalDataView.None : PersonalDataView.Masked);
    }

    [Fact]
    public void AUD_04_every_relation_has_a_line_and_a_chinese_name()
    {
        foreach (var relation in Enum.GetValues<DataRelation>())
        {
            PersonalDataRule.OneRecord.ShouldContainKey(relation);
            PersonalDataRule.RelationNames[relation].ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [InlineData("review", null, ReadPurpose.Review, null)]
    [InlineData("AUDIT", null, ReadPurpose.Audit, null)]
    [InlineData("other", "%E6%A0%B8%E5%AF%B9%E8%A1%A5%E8%B4%B4", ReadPurpose.Other, "核对补贴")]
    [InlineData("review", "%E5%A4%87%E6%B3%A8", ReadPurpose.Review, null)]
    public void AUD_04_a_stated_purpose_is_read_from_the_headers(string code, string? note, ReadPurpose purpose, string? expectedNote)
    {
        var request = Request(code, note);
        StatedPurpose.TryRead(request, out var stated, out _).ShouldBeTrue();
        stated.ShouldBe(new StatedPurpose(purpose, expectedNote));
    }

    [Theory]
    [InlineData(null, null, "read-purpose-required")]
    [InlineData("  ", null, "read-purpose-required")]
    [InlineData("other", null, "read-purpose-required")]
    [InlineData("other", "%20", "read-purpose-required")]
    [InlineData("snooping", null, "read-purpose-invalid")]
    [InlineData("other", "%E0%A4%A", "read-purpose-invalid")]
    [InlineData("other", "%E6%A0%B8%0A%E6%A0%B8", "read-purpose-invalid")]
    public void AUD_04_a_missing_or_wrong_purpose_is_a_400_naming_the_rule(string? code, string? note, string problemCode)
    {
        StatedPurpose.TryRead(Request(code, note), out _, out var problem).ShouldBeFalse();
        problem.Status.ShouldBe(400);
        problem.Extensions["code"].ShouldBe(problemCode);
        problem.Extensions["ruleId"].ShouldBe("AUD-04");
    }

    private static HttpRequest Request(string? code, string? note)
    {
        var context = new DefaultHttpContext();
        if (code is not null) context.Request.Headers[StatedPurpose.Header] = code;
        if (note is not null) context.Request.Headers[StatedPurpose.NoteHeader] = note;
        return context.Request;
    }
}
