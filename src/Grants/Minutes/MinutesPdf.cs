using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Grants.Minutes;

/// <summary>Settings under "Documents".</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>LibreOffice's soffice: a program name looked up on PATH, or a full path.</summary>
    [Required(ErrorMessage = "Documents:SofficePath saknas.")]
    public string SofficePath { get; set; } = "soffice";

    /// <summary>Longest time one DOCX → PDF conversion may take before it is stopped.</summary>
    [Range(5, 600, ErrorMessage = "Documents:ConversionTimeoutSeconds måste vara mellan 5 och 600.")]
    public int ConversionTimeoutSeconds { get; set; } = 120;
}

/// <summary>The PDF could not be made; <see cref="Unavailable"/> when LibreOffice is not installed at all.</summary>
public sealed class DocumentConversionException(string message, bool unavailable, Exception? inner = null) : Exception(message, inner)
{
    public bool Unavailable { get; } = unavailable;
}

/// <summary>
/// DOCX → PDF/A-2b with LibreOffice headless. soffice refuses to run twice on one user profile, so this process
/// keeps its own profile folder and converts one document at a time; a conversion that hangs is killed after
/// <see cref="DocumentsOptions.ConversionTimeoutSeconds"/>.
/// </summary>
public sealed class MinutesPdf(IOptions<DocumentsOptions> options, ILogger<MinutesPdf> log) : IDisposable
{
    public const string ContentType = "application/pdf";

    // LibreOffice 7.4+ takes filter options as JSON; SelectPdfVersion 2 is PDF/A-2b (archival, fonts embedded).
    private const string Filter = """pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}""";

    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "grants-soffice", Guid.NewGuid().ToString("N"));

    public static string MissingMessage(string path) =>
        $"PDF kan inte skapas: LibreOffice ({path}) finns inte på servern. Installera paketet libreoffice-writer-nogui " +
        "eller ange sökvägen i inställningen Documents:SofficePath. Dokumentet finns som Word-fil (DOCX).";

    /// <summary>Whether the configured soffice exists (a full path, or a name found on PATH).</summary>
    public bool IsAvailable => Resolve(options.Value.SofficePath) is not null;

    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct)
    {
        var configured = options.Value.SofficePath;
        var program = Resolve(configured) ?? throw new DocumentConversionException(MissingMessage(configured), unavailable: true);
        var work = Directory.CreateTempSubdirectory("grants-pdf-").FullName;
        await _one.WaitAsync(ct);
        try
        {
            var input = Path.Combine(work, "dokument.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { $"-env:UserInstallation={new Uri(_profile).AbsoluteUri}", "--headless", "--norestore", "--convert-to", Filter, "--outdir", work, input })
                info.ArgumentList.Add(a);
            using var process = StartOrExplain(info, configured);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.ConversionTimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                ct.ThrowIfCancellationRequested();
                throw new DocumentConversionException(
                    $"PDF kunde inte skapas: LibreOffice svarade inte inom {options.Value.ConversionTimeoutSeconds} sekunder.", unavailable: false);
            }
            var output = Path.Combine(work, "dokument.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                log.LogError("soffice exited with {Code}: {Out} {Err}", process.ExitCode, await stdout, await stderr);
                throw new DocumentConversionException($"PDF kunde inte skapas: LibreOffice avslutades med kod {process.ExitCode}.", unavailable: false);
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            _one.Release();
            Directory.Delete(work, recursive: true);
        }
    }

    private static Process StartOrExplain(ProcessStartInfo info, string configured)
    {
        try
        {
            return Process.Start(info) ?? throw new DocumentConversionException(MissingMessage(configured), unavailable: true);
        }
        catch (Win32Exception e)
        {
            // The file vanished or is not executable between the PATH check and the start.
            throw new DocumentConversionException(MissingMessage(configured), unavailable: true, e);
        }
    }

    /// <summary>The executable's full path, or null when there is none.</summary>
    public static string? Resolve(string configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        if (configured.Contains(Path.DirectorySeparatorChar) || Path.IsPathRooted(configured))
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, configured))
            .FirstOrDefault(File.Exists);
    }

    public void Dispose()
    {
        _one.Dispose();
        if (Directory.Exists(_profile)) Directory.Delete(_profile, recursive: true);
    }
}
