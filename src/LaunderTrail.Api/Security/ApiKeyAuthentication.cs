using System.Security.Claims;
using System.Text.Encodings.Web;
using LaunderTrail.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LaunderTrail.Api.Security;

/// <summary>
/// Recognises <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> by the key's hash, and answers
/// 401 and 403 with problem details. The key itself is never logged nor put in a message.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = SecretOf(Request);
        if (secret is null) return AuthenticateResult.NoResult();
        var key = await keys.FindAsync(secret, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("unknown or revoked API key");

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, ApiRoles.Name(key.Role))], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.Of(StatusCodes.Status401Unauthorized, "API key required",
            "Send a valid, unrevoked key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Of(StatusCodes.Status403Forbidden, "Role not allowed",
            $"The role '{Context.User.FindFirstValue(ClaimTypes.Role)}' may not use {Request.Method} {Request.Path}.").ExecuteAsync(Context);

    private static string? SecretOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return authorization[BearerPrefix.Length..].Trim();
        var apiKey = request.Headers["X-Api-Key"].ToString();
        return apiKey.Length > 0 ? apiKey.Trim() : null;
    }
}
