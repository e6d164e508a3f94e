using Grants.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

public static class IdentitySetup
{
    /// <summary>The default scheme AddIdentityApiEndpoints registers (IdentityConstants.BearerAndApplicationScheme is internal).</summary>
    public const string CompositeScheme = "Identity.BearerAndApplication";

    public static IServiceCollection AddGrantsIdentity(this IServiceCollection services, AppOptions app)
    {
        // Cookie for the pages and bearer for the API, chosen per request by the composite scheme.
        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                // No lock-outs anyone could trigger against the kansli or the chair: SignInThrottle delays instead.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = true;
                // Passkeys need Identity's Version3 schema (GrantsDbContext uses the same for hand-made contexts).
                o.Stores.SchemaVersion = IdentitySchema.Version;
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<SwedishIdentityErrors>()
            .AddEntityFrameworkStores<GrantsDbContext>()
            .AddClaimsPrincipalFactory<GrantsClaimsFactory>();

        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AccountLinks>();
        services.AddScoped<AccountAudit>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddScoped<Passkeys>();
        services.AddScoped<PasskeySignIn>();
        services.AddScoped<AccountMails>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<SecondFactorSetup>();
        services.AddScoped<AccountSetup>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<IStaffRoster, Lsg.LsgRoster>();
        services.AddScoped<IStaffRoster, Meetings.BoardRoster>();
        // Logout, deactivation, password and role changes renew the security stamp; SessionCheck compares it on
        // every request for cookies and bearer tokens alike.
        services.AddOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<AccountOptions>>((o, a) =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(a.Value.AccessTokenMinutes);
                o.RefreshTokenExpiration = TimeSpan.FromHours(a.Value.RefreshTokenHours);
            });
        services.AddSignInRateLimiter();
        services.AddOptions<IdentityPasskeyOptions>().Configure<Microsoft.Extensions.Options.IOptions<AccountOptions>>((o, a) =>
        {
            if (!string.IsNullOrWhiteSpace(a.Value.PasskeyServerDomain)) o.ServerDomain = a.Value.PasskeyServerDomain;
        });

        // The composite scheme challenges and forbids through the bearer scheme, so a page opened without
        // login answered a bare 401 instead of the login page. Pages use the cookie; the API keeps the bearer.
        services.Configure<AuthenticationSchemeOptions>(CompositeScheme, o =>
            o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "grants.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = app.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 instead of redirecting to the login page.
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden),
                // Every request, not every 30 minutes: a cookie ends with logout, deactivation and password or role changes.
                OnValidatePrincipal = SessionCheck.ValidateCookieAsync,
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "grants.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = app.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Applicant, p => p.RequireRole(Roles.Applicant).RequireClaim(GrantsClaims.Organisation))
            .AddPolicy(Policies.ApplicationReader, p => p.RequireRole(Roles.Applicant, Roles.Secretariat, Roles.Lsg, Roles.Board, Roles.Admin))
            .AddPolicy(Policies.ApplicationWriter, p => p.RequireRole(Roles.Applicant, Roles.Secretariat))
            .AddPolicy(Policies.Secretariat, p => p.RequireRole(Roles.Secretariat))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.LsgReader, p => p.RequireRole(Roles.Lsg, Roles.Secretariat, Roles.Admin))
            .AddPolicy(Policies.LsgRecorder, p => p.RequireRole(Roles.Lsg, Roles.Secretariat))
            .AddPolicy(Policies.LsgMember, p => p.RequireRole(Roles.Lsg))
            .AddPolicy(Policies.LsgAdmin, p => p.RequireRole(Roles.Secretariat, Roles.Admin))
            .AddPolicy(Policies.WorkflowAdmin, p => p.RequireRole(Roles.Secretariat, Roles.Admin))
            .AddPolicy(Policies.MinutesReader, p => p.RequireRole(Roles.Secretariat, Roles.Board, Roles.Admin))
            .AddPolicy(Policies.MinutesExtractReader, p => p.RequireRole(Roles.Applicant, Roles.Secretariat, Roles.Board, Roles.Admin))
            .AddPolicy(Policies.EconomyReader, p => p.RequireRole(Roles.Secretariat, Roles.Board, Roles.Admin))
            .AddPolicy(Policies.EconomyWriter, p => p.RequireRole(Roles.Secretariat))
            .AddPolicy(Policies.FollowUpReader, p => p.RequireRole(Roles.Applicant, Roles.Secretariat, Roles.Lsg, Roles.Board, Roles.Admin))
            .AddPolicy(Policies.ReportWriter, p => p.RequireRole(Roles.Applicant, Roles.Secretariat))
            .AddPolicy(Policies.ReportReviewer, p => p.RequireRole(Roles.Secretariat, Roles.Lsg))
            .AddPolicy(Policies.FollowUpAdmin, p => p.RequireRole(Roles.Secretariat))
            .AddPolicy(Policies.FollowUpOverview, p => p.RequireRole(Roles.Secretariat, Roles.Admin))
            .AddPolicy(Policies.BoardReader, p => p.RequireRole(Roles.Board, Roles.Secretariat, Roles.Admin))
            .AddPolicy(Policies.MeetingAdmin, p => p.RequireRole(Roles.Secretariat))
            .AddPolicy(Policies.MinutesSigner, p => p.RequireRole(Roles.Board, Roles.Secretariat));
        return services;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hangfire"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
