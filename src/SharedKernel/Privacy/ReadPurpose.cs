using System.Diagnostics.CodeAnalysis;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.SharedKernel.Privacy;

/// <summary>Why personal data is read (AUD-04): asked once per working session in the SPA, sent by API clients in a header.</summary>
public enum ReadPurpose { Review, Inspection, Complaint, Correction, Audit, Other }

/// <summary>The purpose a request states: <c>X-Read-Purpose</c> (review, inspection, complaint, correction, audit, other) and, for
/// other, <c>X-Read-Purpose-Note</c> (percent-encoded UTF-8, at most 100 characters).</summary>
public sealed record StatedPurpose(ReadPurpose Purpose, string? Note)
{
    public const string Header = "X-Read-Purpose";
    public const string NoteHeader = "X-Read-Purpose-Note";
    public const int NoteMaxLength = 100;

    public static readonly IReadOnlyDictionary<ReadPurpose, string> Names = new Dictionary<ReadPurpose, string>
    {
        [ReadPurpose.Review] = "审核",
        [ReadPurpose.Inspection] = "监督检查",
        [ReadPurpose.Complaint] = "投诉处理",
        [ReadPurpose.Correction] = "证书补正",
        [ReadPurpose.Audit] = "审计",
        [ReadPurpose.Other] = "其他",
    };

    public static readonly IReadOnlyDictionary<string, ReadPurpose> Codes = new Dictionary<string, ReadPurpose>(StringComparer.OrdinalIgnoreCase)
    {
        ["review"] = ReadPurpose.Review,
        ["inspection"] = ReadPurpose.Inspection,
        ["complaint"] = ReadPurpose.Complaint,
        ["correction"] = ReadPurpose.Correction,
        ["audit"] = ReadPurpose.Audit,
        ["other"] = ReadPurpose.Other,
    };

    public string Name => Purpose == ReadPurpose.Other && Note is { } note ? $"其他：{note}" : Names[Purpose];

    /// <summary>The purpose the request states, or the 400 that names what is missing or wrong (AUD-04).</summary>
    public static bool TryRead(HttpRequest request, [NotNullWhen(true)] out StatedPurpose? purpose, [NotNullWhen(false)] out ProblemDetails? problem)
    {
        purpose = null;
        var code = request.Headers[Header].ToString().Trim();
        if (code.Length == 0)
            return Fail("本次查看包含个人信息，请先说明查阅目的（审核、监督检查、投诉处理、证书补正、审计或其他）。", "read-purpose-required", out problem);
        if (!Codes.TryGetValue(code, out var value))
            return Fail($"查阅目的“{Truncate(code)}”不是可选项，请选择审核（review）、监督检查（inspection）、投诉处理（complaint）、证书补正（correction）、审计（audit）或其他（other）。",
                "read-purpose-invalid", out problem);
        string? note = null;
        var raw = request.Headers[NoteHeader].ToString();
        if (raw.Length > 0)
        {
            if (Decode(raw) is not { } decoded) return Fail("查阅目的说明须为百分号编码的UTF-8文本。", "read-purpose-invalid", out problem);
            note = decoded.Trim();
            if (note.Length > NoteMaxLength || note.Any(char.IsControl))
                return Fail($"查阅目的说明不超过{NoteMaxLength}字且不含控制字符。", "read-purpose-invalid", out problem);
            if (note.Length == 0) note = null;
        }
        if (value == ReadPurpose.Other && note is null)
            return Fail("查阅目的为“其他”时，请在 X-Read-Purpose-Note 中说明具体目的。", "read-purpose-required", out problem);
        purpose = new StatedPurpose(value, value == ReadPurpose.Other ? note : null);
        problem = null;
        return true;
    }

    /// <summary>Percent-decoding that refuses what is not UTF-8 (a header carries ASCII only; the note is encoded).</summary>
    private static string? Decode(string raw)
    {
        if (raw.Length > NoteMaxLength * 12) return null;
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '%')
            {
                if (i + 2 >= raw.Length || !Uri.IsHexDigit(raw[i + 1]) || !Uri.IsHexDigit(raw[i + 2])) return null;
                var b = (byte)((Uri.FromHex(raw[i + 1]) << 4) | Uri.FromHex(raw[i + 2]));
                bytes.Add(b);
                i += 2;
            }
            else if (raw[i] < 0x80) bytes.Add((byte)raw[i]);
            else return null;
        }
        try { return StrictUtf8.GetString(bytes.ToArray()); }
        catch (System.Text.DecoderFallbackException) { return null; }
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(false, true);

    private static bool Fail(string message, string code, out ProblemDetails problem)
    {
        problem = Problems.Problems.Validation(Header, message);
        problem.Title = "请说明查阅个人信息的目的";
        problem.Extensions["code"] = code;
        problem.Extensions["ruleId"] = "AUD-04";
        return false;
    }

    private static string Truncate(string s) => s.Length > 20 ? s[..20] + "…" : s;
}
