using Assessment.Batches.Batches;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;

namespace Assessment.Batches.Candidates;

/// <summary>A candidate as typed or read from a spreadsheet row, before checking.</summary>
public sealed record CandidateInput(string? Name, string? DocumentType, string? DocumentNumber, string? Employer, string? Occupation,
    string? Level, string? Phone, string? City);

/// <summary>Identity numbers already in the batch, and in the organization's other open batches (BAT-09).</summary>
public sealed record TakenDocuments(IReadOnlySet<string> InBatch, IReadOnlySet<string> InOtherOpenBatches)
{
    public static readonly TakenDocuments None = new(new HashSet<string>(), new HashSet<string>());
}

/// <summary>A row the check refused: the spreadsheet's row number (header = 1), its column, the rule and what to fix.</summary>
public sealed record CandidateRowError(int Row, string Column, string RuleId, string Message);

/// <summary>
/// BAT-09 for each candidate: identity document type and number (GB 11643 check character and birth date for 201, a
/// lower-case x normalised), name, employer and city, an occupation and level the batch plans, no one twice in the
/// batch or in another open batch of the organization.
/// </summary>
public static class CandidateRows
{
    public static readonly IReadOnlyList<string> Columns = ["姓名", "证件类型", "证件号码", "所在单位", "职业名称", "职业技能等级", "考生所在地市", "联系电话"];

    public static (List<Candidate> Accepted, List<CandidateRowError> Errors) Check(Batch batch, IReadOnlyList<(int Row, CandidateInput Input)> rows,
        TakenDocuments taken, Func<Guid> newId)
    {
        var accepted = new List<Candidate>();
        var errors = new List<CandidateRowError>();
        var (inBatch, inOtherOpenBatches) = (taken.InBatch, taken.InOtherOpenBatches);
        var inFile = new Dictionary<string, int>();
        foreach (var (row, input) in rows)
        {
            var before = errors.Count;
            void Error(string column, string rule, string message) => errors.Add(new CandidateRowError(row, column, rule, message));
            var name = (input.Name ?? "").Trim();
            if (name.Length is 0 or > 50) Error("姓名", "BAT-09", "姓名不能为空且不超过50字。");
            IdentityDocument? document = null;
            if (ParseType(input.DocumentType) is not { } type) Error("证件类型", "BAT-09", $"证件类型“{input.DocumentType}”无效，应为201（居民身份证）等附件5规定的代码或名称。");
            else
            {
                try { document = IdentityDocument.Create(type, input.DocumentNumber); }
                catch (InvalidValueException e) { Error("证件号码", "BAT-09", e.Message); }
            }
            if (document is not null)
            {
                if (inBatch.Contains(document.Number)) Error("证件号码", "BAT-09", "该考生已在本批次中。");
                else if (inFile.TryGetValue(document.Number, out var first)) Error("证件号码", "BAT-09", $"与第{first}行的考生重复。");
                else if (inOtherOpenBatches.Contains(document.Number)) Error("证件号码", "BAT-09", "该考生已在本机构另一个未办结的批次中。");
                else inFile[document.Number] = row;
            }
            var employer = (input.Employer ?? "").Trim();
            if (employer.Length is 0 or > 100) Error("所在单位", "BAT-09", "所在单位不能为空且不超过100字。");
            var city = (input.City ?? "").Trim();
            if (city.Length is 0 or > 50) Error("考生所在地市", "BAT-09", "考生所在地市不能为空且不超过50字。");
            var phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
            if (phone is not null && (phone.Length > 20 || !phone.All(ch => char.IsAsciiDigit(ch) || ch is '-' or '+' or ' ')))
                Error("联系电话", "BAT-09", "联系电话格式不正确。");
            SkillLevel? level = null;
            try { level = SkillLevel.Parse(input.Level); }
            catch (InvalidValueException e) { Error("职业技能等级", "BAT-09", e.Message); }
            var occupationName = (input.Occupation ?? "").Trim();
            var planned = batch.Occupations.FirstOrDefault(o => o.Name == occupationName && level is { } l && o.Level == l.Number);
            if (occupationName.Length == 0) Error("职业名称", "BAT-09", "请填写报考的职业（工种）。");
            else if (level is not null && planned is null)
                Error("职业名称", "BAT-09", $"“{occupationName}”{level.Value.FullName}不在本批次计划的职业（工种）和等级中。");
            if (errors.Count == before)
                accepted.Add(new Candidate(newId(), name, document!.TypeCode, document.Number, employer, planned!.Key, planned.Level, phone, city));
        }
        return (accepted, errors);
    }

    private static IdentityDocumentType? ParseType(string? text)
    {
        var t = (text ?? "").Trim();
        if (int.TryParse(t, out var code) && Enum.IsDefined(typeof(IdentityDocumentType), code)) return (IdentityDocumentType)code;
        foreach (var (type, name) in IdentityDocumentTypes.Names)
        {
            if (name == t || name.Trim('《', '》') == t) return type;
        }
        return null;
    }

    /// <summary>
    /// Which of <paramref name="numbers"/> (as typed: trimmed and upper-cased here) are already in this batch or in another of the
    /// organization's batches that is not finished: the roster's open keys, looked up for these numbers only.
    /// </summary>
    public static async Task<TakenDocuments> TakenAsync(IQuerySession session, Batch batch, IEnumerable<string?> numbers)
    {
        var keys = numbers.Select(n => (n ?? "").Trim().ToUpperInvariant()).Where(n => n.Length > 0).Distinct()
            .Select(n => BatchCandidate.KeyOf(batch.OrganizationId, n)).ToArray();
        var found = keys.Length == 0 ? [] : await session.Query<BatchCandidate>().Where(c => keys.Contains(c.OpenKey!))
            .Select(c => new TakenDocument(c.BatchId, c.DocumentNumber)).ToListAsync();
        return new TakenDocuments(found.Where(f => f.BatchId == batch.Id).Select(f => f.DocumentNumber).ToHashSet(),
            found.Where(f => f.BatchId != batch.Id).Select(f => f.DocumentNumber).ToHashSet());
    }

    public sealed record TakenDocument(Guid BatchId, string DocumentNumber);
}
