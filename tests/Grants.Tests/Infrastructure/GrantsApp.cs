using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Grants.Tests.Infrastructure;

/// <summary>
/// The whole application over real DI and a real database, one per test class (IClassFixture&lt;GrantsApp&gt;): a SQLite
/// file, or with GRANTS_TEST_ENGINE=PostgreSql a PostgreSQL database cloned from a migrated template (<see cref="TestDatabase"/>).
/// Demo users exist; time is a <see cref="FakeTimeProvider"/> the test moves.
/// </summary>
public class GrantsApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Monday 2 March 2026, 09:00 in Stockholm: a working day far from any year or DST boundary.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// PBKDF2 iterations of the test hosts' password hashes. Production's default (100 000) costs tens of ms of CPU per
    /// hash, and every sign-in verifies twice: on the 2-core CI machine that was a large share of the suite.
    /// Identity/PasswordHashingTests proves a host with <see cref="WithProductionPasswordHashing"/> keeps the default.
    /// </summary>
    public const int TestHashIterations = 1_000;

    private readonly Dictionary<string, string?> _settings;
    private bool _productionPasswordHashing;

    public GrantsApp() : this(null)
    {
    }

    /// <summary>A host on the given database (several hosts may share one: the multi-instance tests).</summary>
    protected GrantsApp(TestDatabase? database)
    {
        Root = Directory.CreateTempSubdirectory("grants-test-").FullName;
        DatabaseFile = Path.Combine(Root, "grants.db");
        MailFolder = Path.Combine(Root, "mail");
        OwnsDatabase = database is null;
        Database = database ?? TestDatabase.Create(Root);
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider,
            ["Database:ConnectionString"] = Database.ConnectionString,
            ["Mail:PickupFolder"] = MailFolder,
            ["Mail:SmtpHost"] = "",
            ["App:Demo"] = "true",
            ["App:SecureCookies"] = "false",
            ["App:PublicBaseUrl"] = "http://127.0.0.1:5080",
            ["Hangfire:WorkerCount"] = "1",
            // Tests run the sweep themselves, on the fake clock. The recurring job would fire at real-clock 5-minute marks
            // in whichever hosts are alive and render their receipts with LibreOffice in the middle of unrelated tests.
            ["Hangfire:SweepCron"] = Hangfire.Cron.Never(),
            // Tests sign in dozens of times a minute from one address; the limiter itself is proven in Identity/BruteForceTests.
            ["Accounts:ClientPermitLimit"] = "100000",
            // The follow-up demo decides Aktiv uppföljning; most tests walk the demo cases from "inkommen" themselves.
            ["App:DemoFollowUp"] = "false",
        };
    }

    /// <summary>Temp folder holding this fixture's database, mail pickup folder and keys.</summary>
    public string Root { get; }
    /// <summary>The SQLite file when <see cref="Database"/> is SQLite.</summary>
    public string DatabaseFile { get; }
    public TestDatabase Database { get; }
    private bool OwnsDatabase { get; }
    public string MailFolder { get; }
    public FakeTimeProvider Time { get; } = new(DefaultStart);

    /// <summary>Overrides one setting; call before the first client or <see cref="WebApplicationFactory{T}.Services"/>.</summary>
    public GrantsApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Keeps Identity's own password-hashing cost; call before the host starts.</summary>
    public GrantsApp WithProductionPasswordHashing()
    {
        _productionPasswordHashing = true;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the host does not read the build's static-web-assets manifest, and MapStaticAssets then
        // answered a gzip-accepting browser with an empty 200 for every .js/.css (the .gz files live under obj/).
        builder.UseStaticWebAssets();
        // UseSetting reaches builder.Configuration before Program.cs reads it (ConfigureAppConfiguration would be too late).
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(new ServerErrorLog(Path.GetFileName(Root))));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            if (!_productionPasswordHashing) services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestHashIterations);
        });
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeResourcesAsync();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (OwnsDatabase) Database.Drop();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a background thread; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Subclasses release what they started (browser, servers) before the host stops.</summary>
    protected virtual Task DisposeResourcesAsync() => Task.CompletedTask;

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client sending a bearer token obtained from POST /api/auth/token.</summary>
    public Task<HttpClient> BearerClientAsync(string email) => Login.BearerAsync(Anonymous(), email);

    /// <summary>A client holding the cookie from the login page (antiforgery token included).</summary>
    public async Task<HttpClient> CookieClientAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await Login.CookieAsync(client, email);
        return client;
    }
}
