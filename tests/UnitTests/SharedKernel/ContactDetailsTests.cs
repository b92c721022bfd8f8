using Assessment.SharedKernel;
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
}
