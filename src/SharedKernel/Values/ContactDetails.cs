using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Assessment.SharedKernel.Values;

/// <summary>The one check for phone numbers and e-mail addresses people leave (FIL-11 contacts, objections).</summary>
public static partial class ContactDetails
{
    public const string PhoneHint = "应为11位手机号或带区号的固定电话（如0551-12345678）";

    public static bool IsPhone(string? value) => value is not null && PhonePattern().IsMatch(value.Trim());

    public static bool IsEmail(string? value)
    {
        var text = value?.Trim();
        return !string.IsNullOrEmpty(text) && MailAddress.TryCreate(text, out var m) && m.Address == text && text.Contains('.');
    }

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")]
    private static partial Regex PhonePattern();
}
