using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Grants.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd writing each message into a Maildir.
/// Stop() and Start() again keep the same port, so a test can take the server down and bring it back.
/// </summary>
public sealed class SmtpServer : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    public SmtpServer()
    {
        Root = Directory.CreateTempSubdirectory("grants-smtp-").FullName;
        Maildir = Path.Combine(Root, "maildir");
        Port = FreePort();
    }

    public string Root { get; }
    /// <summary>aiosmtpd's Mailbox handler creates it (new/, cur/, tmp/).</summary>
    public string Maildir { get; }
    public int Port { get; }
    public string Host => "127.0.0.1";
    public bool IsRunning => _process is { HasExited: false };

    public async Task InitializeAsync() => await StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    public async Task StartAsync()
    {
        if (IsRunning) return;
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing; tests/run.sh installs python3-aiosmtpd.");
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir })
            info.ArgumentList.Add(a);
        _process = Process.Start(info) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        await WaitUntilAsync(accepting: true);
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
        await WaitUntilAsync(accepting: false);
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder)
            .Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f)))
            .OrderBy(f => f.Time).ThenBy(f => f.File, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.File))
            .ToList();
    }

    /// <summary>Settings that point the app's SMTP sender at this server.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Mail:SmtpHost", Host),
        new("Mail:SmtpPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Mail:Tls", "None"),
    ];

    /// <summary>Polls the port until it answers as wanted (no fixed sleep); gives up after 15 s.</summary>
    private async Task WaitUntilAsync(bool accepting)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (accepting && _process is { HasExited: true })
                throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode}.");
            if (await AcceptsAsync() == accepting) return;
            await Task.Delay(25);
        }
        throw new TimeoutException($"aiosmtpd on {Host}:{Port} did not {(accepting ? "start" : "stop")} within 15 s.");
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
