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

    /// <summary>
    /// One per container, created after its logger factory and therefore disposed before it: the host's factory
    /// takes Hangfire's messages from its first job storage use until its container is disposed, whether or not
    /// the host was ever started.
    /// </summary>
    public sealed class Attachment : IDisposable
    {
        readonly ILoggerFactory factory;

        public Attachment(ILoggerFactory factory)
        {
            this.factory = factory;
            lock (Gate) live = live.Remove(factory).Add(factory);
        }

        public void Dispose()
        {
            lock (Gate) live = live.Remove(factory);
        }
    }

    public ILog GetLogger(string name) => new Logger(name);

    sealed class Logger(string name) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var factories = live;
            if (factories.IsEmpty) return false;
            ILogger logger;
            try { logger = factories[^1].CreateLogger(name); }
            // That host's container was disposed between the lookup and now: the message has no running host left.
            catch (ObjectDisposedException) { return false; }
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
