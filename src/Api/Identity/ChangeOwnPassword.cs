using System.Security.Claims;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Api.Identity;

public sealed record ChangeOwnPassword(string CurrentPassword, string NewPassword);

public static class ChangeOwnPasswordEndpoint
{
    public static ProblemDetails Validate(ChangeOwnPassword request) =>
        Passwords.Check(request.NewPassword) is { } problem ? Problems.Validation("newPassword", problem) : WolverineContinue.NoProblems;

    /// <summary>A signed-in user changes its own password; other sessions of the account end.</summary>
    [Authorize(AuthenticationSchemes = AuthSchemes.Cookie), Infrastructure.SelfService]
    [WolverinePost("/api/auth/password", OperationId = "changeOwnPassword", Summary = "修改本人密码")]
    [ProducesResponseType(204)]
    public static async Task<IResult> Post(ChangeOwnPassword request, ClaimsPrincipal principal, HttpContext http, IDocumentSession session)
    {
        var user = CurrentUser.From(principal);
        var account = await session.LoadAsync<Account>(user.Id);
        if (account is null) return Results.Problem(Problems.NotFound("账号"));
        if (!Passwords.Verify(account.PasswordHash, request.CurrentPassword))
            throw new BusinessRuleException(new RuleViolation("AUTH", "auth.current-password-wrong", "当前密码不正确。"));
        session.Events.Append(account.Id, account.Version + 1,
            new AccountPasswordChanged(account.Id, Passwords.Hash(request.NewPassword), false, user.ToActor()));
        await session.SaveChangesAsync();
        var updated = await session.LoadAsync<Account>(account.Id);
        await http.SignInAsync(AuthSchemes.Cookie, ClaimsFactory.ForAccount(updated!, AuthSchemes.Cookie));
        return Results.NoContent();
    }
}
