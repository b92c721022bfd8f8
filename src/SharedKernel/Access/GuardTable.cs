using System.Diagnostics.CodeAnalysis;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.SharedKernel.Access;

/// <summary>
/// The caller of one request as a guard sees it: who (role, authority or organization), the one object-level rule, and now.
/// Endpoints take it as a parameter like <c>Actor</c>; views build it to list the caller's actions.
/// </summary>
public sealed record AccessContext(CurrentUser User, AccessControl Access, Instant Now)
{
    public LocalDate Today => Now.Date();
}

/// <summary>
/// Every guard table of the platform, so architecture tests and the OpenAPI document can reach them all: the object they
/// guard and the operation ids they hold.
/// </summary>
public interface IGuardTable
{
    Type ObjectType { get; }
    string ObjectName { get; }
    IReadOnlyCollection<string> OperationIds { get; }

    /// <summary>Of <see cref="OperationIds"/>, those that start a new object (no object to act on yet).</summary>
    IReadOnlyCollection<string> CreationOperationIds { get; }
}

/// <summary>
/// Who may do what to one kind of object, decided in one place: whether the caller may see the object at all (no → 404, the
/// same answer as a missing one), and per operation id who may act (no → 403) and when it makes sense to (cheap status
/// preconditions). An endpoint's <c>Before</c> is one call to <see cref="Check"/>; a view's <c>actions</c> are
/// <see cref="Actions"/> — exactly the operations whose guards pass, so the SPA shows the buttons the server accepts.
/// Business rules stay in the deciders (422): "when" only keeps a button from showing where the decider would refuse it
/// for the object's state.
/// </summary>
public sealed class GuardTable<T> : IGuardTable
{
    private readonly Func<T, AccessContext, bool> _visible;
    private readonly Dictionary<string, Guard> _guards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Func<AccessContext, bool> Who, string Forbidden)> _creations = new(StringComparer.Ordinal);

    public GuardTable(string objectName, Func<T, AccessContext, bool> visible)
    {
        ObjectName = objectName;
        _visible = visible;
    }

    public Type ObjectType => typeof(T);
    public string ObjectName { get; }
    public IReadOnlyCollection<string> OperationIds => [.. _guards.Keys, .. _creations.Keys];

    public IReadOnlyCollection<string> CreationOperationIds => _creations.Keys;

    /// <summary>Adds the guard of <paramref name="operationId"/>; <paramref name="forbidden"/> is the 403's Chinese detail.</summary>
    public GuardTable<T> Operation(string operationId, Func<T, AccessContext, bool> who, string forbidden,
        Func<T, AccessContext, bool>? when = null) => Operation(operationId, who, (_, _) => forbidden, when);

    /// <summary>As above, with a 403 detail that depends on who asks about what (e.g. "not your own account").</summary>
    public GuardTable<T> Operation(string operationId, Func<T, AccessContext, bool> who, Func<T, AccessContext, string> forbidden,
        Func<T, AccessContext, bool>? when = null)
    {
        if (_creations.ContainsKey(operationId) || !_guards.TryAdd(operationId, new Guard(who, forbidden, when ?? ((_, _) => true))))
            throw new InvalidOperationException($"{ObjectName}: the operation '{operationId}' is guarded twice.");
        return this;
    }

    /// <summary>
    /// Adds the guard of an operation that starts a new object (no object to see yet): who may start one, else 403 with
    /// <paramref name="forbidden"/>. Lists offer it through <see cref="CreationActions"/>.
    /// </summary>
    public GuardTable<T> Creation(string operationId, Func<AccessContext, bool> who, string forbidden)
    {
        if (_guards.ContainsKey(operationId) || !_creations.TryAdd(operationId, (who, forbidden)))
            throw new InvalidOperationException($"{ObjectName}: the operation '{operationId}' is guarded twice.");
        return this;
    }

    /// <summary>The access answer for a creation endpoint's <c>Before</c>: 403 the wrong caller, else go on.</summary>
    public ProblemDetails CheckCreation(string operationId, AccessContext caller)
    {
        var guard = _creations.TryGetValue(operationId, out var g)
            ? g
            : throw new InvalidOperationException($"{ObjectName}: no creation guard for the operation '{operationId}'.");
        return guard.Who(caller) ? WolverineContinue.NoProblems : Problems.Problems.Forbidden(guard.Forbidden);
    }

    /// <summary>The new objects the caller may start (a list's <c>actions</c>).</summary>
    public IReadOnlyList<string> CreationActions(AccessContext caller) => _creations.Where(c => c.Value.Who(caller)).Select(c => c.Key).ToList();

    public bool CanSee(T state, AccessContext caller) => _visible(state, caller);

    /// <summary>For reads: 404 for a missing object and for one the caller may not see — the same answer — else go on.</summary>
    public ProblemDetails Visible(T? state, AccessContext caller) =>
        state is not null && _visible(state, caller) ? WolverineContinue.NoProblems : Problems.Problems.NotFound(ObjectName);

    /// <summary>
    /// The access answer for an endpoint's <c>Before</c>: 404 missing or hidden (the same answer), 403 the wrong caller,
    /// else go on. A missing object (null: an endpoint that loads its object itself) is a 404 like a hidden one.
    /// </summary>
    public ProblemDetails Check(string operationId, T? state, AccessContext caller)
    {
        var guard = GuardOf(operationId);
        if (state is null || !_visible(state, caller)) return Problems.Problems.NotFound(ObjectName);
        return guard.Who(state, caller) ? WolverineContinue.NoProblems : Problems.Problems.Forbidden(guard.Forbidden(state, caller));
    }

    /// <summary>
    /// For reads answering <c>IResult</c>: true, with the 404 answer, when the object is missing or hidden —
    /// <c>if (Table.IsHidden(batch, caller, out var hidden)) return hidden;</c>
    /// </summary>
    public bool IsHidden([NotNullWhen(false)] T? state, AccessContext caller, [NotNullWhen(true)] out IResult? hidden)
    {
        hidden = state is not null && _visible(state, caller) ? null : Results.Problem(Problems.Problems.NotFound(ObjectName));
        return hidden is not null;
    }

    /// <summary>
    /// <see cref="Check"/> for endpoints answering <c>IResult</c>: true, with the 404 or 403 answer, when the caller may not —
    /// <c>if (Table.Denies(op, row, caller, out var denied)) return denied;</c>
    /// </summary>
    public bool Denies(string operationId, [NotNullWhen(false)] T? state, AccessContext caller, [NotNullWhen(true)] out IResult? denied)
    {
        var answer = Check(operationId, state, caller);
        denied = answer.Status is null ? null : Results.Problem(answer);
        return denied is not null;
    }

    /// <summary>May the caller take this operation now (seen, the right caller, and the object in a state for it)?</summary>
    public bool Allows(string operationId, T state, AccessContext caller)
    {
        var guard = GuardOf(operationId);
        return _visible(state, caller) && guard.Who(state, caller) && guard.When(state, caller);
    }

    /// <summary>The operations the caller may take now, in the order the table declares them.</summary>
    public IReadOnlyList<string> Actions(T state, AccessContext caller) =>
        !_visible(state, caller) ? [] : _guards.Where(g => g.Value.Who(state, caller) && g.Value.When(state, caller)).Select(g => g.Key).ToList();

    private Guard GuardOf(string operationId) =>
        _guards.TryGetValue(operationId, out var guard)
            ? guard
            : throw new InvalidOperationException($"{ObjectName}: no guard for the operation '{operationId}'.");

    private sealed record Guard(Func<T, AccessContext, bool> Who, Func<T, AccessContext, string> Forbidden, Func<T, AccessContext, bool> When);
}
