namespace Grants.Bench;

/// <summary>
/// Benchmarks (not tests): each prints its figures beside a baseline measured in the same run.
///   dotnet run -c Release --project bench/Grants.Bench -- submit [count]
///   dotnet run -c Release --project bench/Grants.Bench -- reminders [plans ...]
///   dotnet run -c Release --project bench/Grants.Bench -- footprint [applications]
/// BENCH_POSTGRES=&lt;server connection string&gt; (tests/pg-cluster.sh start prints one) adds PostgreSQL to submit, reminders and footprint.
///   dotnet run -c Release --project bench/Grants.Bench -- rules [count] [rounds]
///   dotnet run -c Release --project bench/Grants.Bench -- fuzz [count] [seed]
///   dotnet run -c Release --project bench/Grants.Bench -- crash [kills] [seed]
/// </summary>
public static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "submit":
                await SubmitBench.RunAsync(args.Skip(1).ToArray());
                break;
            case "reminders":
                await ReminderBench.RunAsync(args.Skip(1).ToArray());
                break;
            case "footprint":
                await FootprintBench.RunAsync(args.Skip(1).ToArray());
                break;
            case "serve-bare":
                await FootprintBench.ServeBareAsync(args.Skip(1).ToArray());
                break;
            case "fuzz":
                await FuzzBench.RunAsync(args.Skip(1).ToArray());
                break;
            case "crash":
                Environment.ExitCode = await CrashBench.RunAsync(args.Skip(1).ToArray());
                break;
            case "rules":
                await RulesBench.RunAsync(args.Skip(1).ToArray());
                break;
            default:
                Console.WriteLine("Usage: dotnet run -c Release --project bench/Grants.Bench -- submit [count] | reminders [plans ...] | footprint [applications] | rules [count] [rounds] | fuzz [count] [seed] | crash [kills] [seed]");
                break;
        }
    }
}
