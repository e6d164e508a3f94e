using Grants.Applications;
using Grants.Association;
using Grants.Demo;
using Grants.Economy;
using Grants.FollowUp;
using Grants.Eligibility;
using Grants.Identity;
using Grants.Identity.External;
using Grants.Infrastructure;
using Grants.Lsg;
using Grants.Minutes;
using Grants.Meetings;
using Grants.Workflow;
using Grants.Shared;
using Grants.Privacy;
using Hangfire;

// `create-admin --email ...` runs the one-off first-administrator command instead of the web server.
var command = args.FirstOrDefault() == FirstAdmin.Command ? FirstAdmin.Command : null;
var demo = command is null && args.Contains("--demo");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command is null ? args.Where(a => a != "--demo").ToArray() : [],
});
builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
// A built (not published) app in any environment serves wwwroot through the build's manifest.
builder.WebHost.UseStaticWebAssets();
// No "Server: Kestrel": nothing tells a caller what runs here.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

if (Grants.Infrastructure.Moving.MoveCommands.IsRequested(args))
{
    return await Grants.Infrastructure.Moving.MoveCommands.RunAsync(args, builder.Configuration, builder.Environment, Console.Out);
}

builder.Services.AddGrantsOptions();
var appOptions = builder.Configuration.GetSection(AppOptions.Section).Get<AppOptions>() ?? new AppOptions();
demo = command is null && (demo || appOptions.Demo || builder.Environment.IsDevelopment());

builder.Services.AddGrantsData(builder.Configuration, builder.Environment);
builder.Services.AddGrantsServices(builder.Configuration);
if (demo) builder.Services.AddDemo();
builder.Services.AddGrantsIdentity(appOptions);
builder.Services.AddExternalSignIn(builder.Configuration, appOptions.SecureCookies);
builder.Services.AddPrivacy();
builder.Services.AddSingleton(new DemoMode(demo));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTexts.Apply);
builder.Services.AddExceptionHandler<ClientErrorHandler>();
builder.Services.AddCookieDefaults(appOptions.SecureCookies);
// Swedish letters as themselves in page output, not as &#xE4; entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddOpenApi();
builder.Services.AddRazorPages(o =>
{
    // Feature folders: pages live beside their use cases (Applications/, Association/ ...).
    o.RootDirectory = "/";
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Account/Denied");
    o.Conventions.AllowAnonymousToPage("/Account/Setup");
    o.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
    o.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
    o.Conventions.AllowAnonymousToPage("/Account/External");
    o.Conventions.AllowAnonymousToPage("/Index");
    o.Conventions.AllowAnonymousToPage("/Error");
}).AddMvcOptions(o =>
{
    SwedishBindingMessages.Apply(o.ModelBindingMessageProvider);
    o.ModelBinderProviders.Insert(0, new AmountModelBinderProvider());
});

// Behind the reverse proxy (docs/deployment.md) the scheme and the client's address come from X-Forwarded-*: Secure
// cookies need to know the request was https, and the sign-in limiter counts per real client, not per proxy.
// Only a proxy on this machine is trusted (the framework's default: loopback).
builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
    o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);

var app = builder.Build();

await Startup.InitializeAsync(app.Services, demo);
if (command == FirstAdmin.Command) return await FirstAdmin.RunAsync(app.Services, args, Console.Out);
KeyProtection.WarnIfUnprotected(app.Configuration, app.Environment, app.Logger);

app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseHttpsRequired(appOptions.SecureCookies);
app.UseCookiePolicy();

// The JSON API answers errors and bare status codes (401, 403, 404, 415 ...) as problem details; pages get the HTML error page.
static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api");
app.UseWhen(IsApi, api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(c => !IsApi(c), pages =>
{
    pages.UseExceptionHandler("/Error");
    pages.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
});
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.MapStaticAssets().AllowAnonymous();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseSessionCheck();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdminDashboardAuthorization()] })
    .RequireAuthorization(Policies.Admin);
app.MapAuthApi();
app.MapApplicationsApi();
app.MapAssociationApi();
app.MapWorkflowApi();
app.MapApplicationWorkflowApi();
app.MapLsgApi();
app.MapMinutesDocumentsApi();
app.MapEconomyApi();
app.MapFollowUpApi();
app.MapEligibilityApi();
app.MapMeetingsApi();
app.MapRazorPages();

app.Run();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory&lt;Program&gt;).</summary>
public partial class Program;
