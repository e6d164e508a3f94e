using System.Collections.Immutable;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using MsLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Grants.Infrastructure;

/// <summary>
/// Hangfire logs through one process-wide provider, but a process may run several hosts one after another (the test
/// suite, the bench). Hangfire.AspNetCore binds that provider to whichever host configured it last, so once that host
/// was disposed every other host's job client failed on its disposed logger factory. Here each host attaches its
/// factory while it runs and Hangfire writes to the newest host still running.
/// </summary>
public sealed class HangfireLogBridge : ILogProvider
{
    public static readonly HangfireLogBridge Instance = new();
    static readonly Lock Gate = new();
    static ImmutableList<ILoggerFactory> live = [];

    HangfireLogBridge() { }

    /// <summary>Attaches the host's factory until the host starts stopping (before its container disposes the factory).</summary>
    public static void Attach(ILoggerFactory factory, IHostApplicationLifetime lifetime)
    {
        lock (Gate) live = live.Remove(factory).Add(factory);
        lifetime.ApplicationStopping.Register(() => { lock (Gate) live = live.Remove(factory); });
    }

    public ILog GetLogger(string name) => new Logger(name);

    sealed class Logger(string name) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var factories = live;
            if (factories.IsEmpty) return false;
            var logger = factories[^1].CreateLogger(name);
            var level = Map(logLevel);
            // Hangfire asks "is this level on?" with no message.
            if (messageFunc is null) return logger.IsEnabled(level);
            if (!logger.IsEnabled(level)) return false;
            logger.Log(level, 0, exception, "{Message}", messageFunc());
            return true;
        }

        static MsLevel Map(HangfireLevel level) => level switch
        {
            HangfireLevel.Trace => MsLevel.Trace,
            HangfireLevel.Debug => MsLevel.Debug,
            HangfireLevel.Info => MsLevel.Information,
            HangfireLevel.Warn => MsLevel.Warning,
            HangfireLevel.Error => MsLevel.Error,
            _ => MsLevel.Critical,
        };
    }
}
