using Microsoft.AspNetCore.Identity;

namespace Assessment.Api.Identity;

/// <summary>ASP.NET Core's PasswordHasher (PBKDF2) plus the platform's password rules.</summary>
public static class Passwords
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Subject = new();

    public static string Hash(string password) => Hasher.HashPassword(Subject, password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(Subject, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>Null when acceptable; otherwise a Chinese explanation.</summary>
    public static string? Check(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < 10) return "密码至少10位。";
        if (password.Length > 128) return "密码不能超过128位。";
        var classes = new[] { password.Any(char.IsAsciiLetterLower), password.Any(char.IsAsciiLetterUpper), password.Any(char.IsAsciiDigit),
            password.Any(c => !char.IsAsciiLetterOrDigit(c)) };
        return classes.Count(x => x) < 3 ? "密码须包含大写字母、小写字母、数字、符号中的至少三类。" : null;
    }
}
