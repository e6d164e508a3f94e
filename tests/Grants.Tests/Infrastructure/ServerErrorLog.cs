using Microsoft.Extensions.Logging;

namespace Grants.Tests.Infrastructure;

/// <summary>
/// Every test host's errors (an unhandled exception behind a 500, a failed job) appended to
/// artifacts/server-errors.log: a test sees only the status code, and the host's console is not shown by dotnet test.
/// </summary>
public sealed class ServerErrorLog(string host) : ILoggerProvider
{
    public static string FilePath { get; } = Artifacts.PathFor("server-errors.log");
    private static readonly Lock FileLock = new();

    public ILogger CreateLogger(string categoryName) => new Logger(host, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string host, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var entry = $"{DateTime.UtcNow:O} {logLevel} host={host} {category}: {formatter(state, exception)}{Environment.NewLine}"
                + (exception is null ? "" : exception + Environment.NewLine);
            lock (FileLock) File.AppendAllText(FilePath, entry);
        }
    }
}
