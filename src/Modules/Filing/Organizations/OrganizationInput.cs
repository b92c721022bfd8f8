using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;

namespace Assessment.Filing.Organizations;

/// <summary>Field checks shared by the organization commands (FIL-11); each error names its field.</summary>
internal static class OrganizationInput
{
    public static void Required(Dictionary<string, string[]> errors, string field, string? value, string label, int max = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = [$"{label}不能为空。"];
        else if (value.Trim().Length > max) errors[field] = [$"{label}不能超过{max}个字符。"];
    }

    public static void Phone(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = ["联系电话不能为空。"];
        else if (!ContactDetails.IsPhone(value)) errors[field] = [$"联系电话格式不正确：{ContactDetails.PhoneHint}。"];
    }

    public static void Email(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (!ContactDetails.IsEmail(value))
            errors[field] = ["电子邮箱格式不正确。"];
    }

    public static void CreditCode(Dictionary<string, string[]> errors, string field, string? value)
    {
        try { UnifiedSocialCreditCode.Parse(value); }
        catch (InvalidValueException e) { errors[field] = [e.Message]; }
    }

}
