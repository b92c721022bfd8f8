namespace Assessment.SharedKernel.Http;

/// <summary>
/// A POST that only reads: its body carries what must never stand in a URL (URLs end up in logs), such as an identity
/// number. Read-only accounts (auditors) may send it; the host's cross-site guard still applies, like to every POST.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyRequestAttribute : Attribute;
