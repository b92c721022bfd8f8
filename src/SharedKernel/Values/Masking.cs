namespace Assessment.SharedKernel.Values;

/// <summary>How personal data appears to those who may not see it (BAT-06 publicity, masked views): 张*三, 3401**********1232.</summary>
public static class Masking
{
    public static string Name(string name) => name.Length switch
    {
        <= 1 => name,
        2 => name[0] + "*",
        _ => name[0] + new string('*', name.Length - 2) + name[^1],
    };

    public static string Document(string number) =>
        number.Length <= 8 ? new string('*', number.Length) : number[..4] + new string('*', number.Length - 8) + number[^4..];

    public static string? Email(string? email) =>
        email is null ? null : email.IndexOf('@') is var at and > 0 ? email[0] + "***" + email[at..] : "***";

    public static string? Phone(string? phone) =>
        phone is null || phone.Length < 7 ? phone is null ? null : "***" : phone[..3] + "****" + phone[^4..];
}
