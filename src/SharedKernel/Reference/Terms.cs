namespace Assessment.SharedKernel.Reference;

/// <summary>A code and the name people read for it.</summary>
public sealed record Term(string Code, string Name);

/// <summary>
/// A module's names for its codes (statuses, kinds, items …), served to clients through <c>GET /api/terms</c> so that no
/// client keeps a copy of them. Each module registers one; keys are camelCase list names, unique across modules.
/// </summary>
public interface ITermProvider
{
    IReadOnlyDictionary<string, IReadOnlyList<Term>> Terms();
}

public static class TermLists
{
    public static IReadOnlyList<Term> Of<TEnum>(Func<TEnum, string> name) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new Term(v.ToString(), name(v))).ToList();

    public static IReadOnlyList<Term> Of(IEnumerable<KeyValuePair<string, string>> names) =>
        names.Select(n => new Term(n.Key, n.Value)).ToList();
}
