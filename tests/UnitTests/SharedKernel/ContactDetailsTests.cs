using Assessment.SharedKernel;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;

namespace Assessment.UnitTests.SharedKernel;

public class ContactDetailsTests
{
    [Theory]
    [InlineData("13912345678", true)]
    [InlineData("0551-65551234", true)]
    [InlineData("05516555123", true)]
    [InlineData("0551-6555123-801", true)]
    [InlineData("12345678901", false)]
    [InlineData("139123456", false)]
    [InlineData("", false)]
    public void FIL_11_phone_numbers(string phone, bool valid) => ContactDetails.IsPhone(phone).ShouldBe(valid);

    [Theory]
    [InlineData("contact@example.cn", true)]
    [InlineData("a@b", false)]
    [InlineData("not-an-email", false)]
    [InlineData("Name <a@b.cn>", false)]
    public void FIL_11_email_addresses(string email, bool valid) => ContactDetails.IsEmail(email).ShouldBe(valid);

    [Theory]
    [InlineData(null, null, 1, 20)]
    [InlineData(0, 0, 1, 1)]
    [InlineData(3, 500, 3, 100)]
    public void paging_is_bounded(int? page, int? size, int expectedPage, int expectedSize) =>
        Paging.From(page, size).ShouldBe(new Paging(expectedPage, expectedSize));

    [Theory]
    [InlineData(10_001)]
    [InlineData(int.MaxValue)]
    public void issue_15_item_5_a_page_beyond_10000_is_refused_naming_page(int page)
    {
        Paging.From(Paging.MaxPage, 100).ShouldBe(new Paging(Paging.MaxPage, 100));
        var refused = Should.Throw<InvalidValueException>(() => Paging.From(page, 20));
        refused.Field.ShouldBe("page");
        refused.Code.ShouldBe("invalid-parameter");
    }
}
