using Pipelines.Engine;
using Pipelines.Tools;

namespace Pipelines.Clusters.Calendar;

/// <summary>
/// Gets the EKS calendar from the source when it can: a cache read today, else <c>aws eks describe-cluster-versions</c>
/// (written to the cache with its date), else the built-in table. Prints which one it used; a failing or garbled AWS
/// CLI is a warning that names the fallback, never a failed target, because the table is still a calendar.
/// </summary>
internal static class EksCalendarLoader
{
    public const string CacheFileName = "eks-calendar.json";

    /// <param name="aws">The AWS CLI's path, or null when it is not on PATH.</param>
    /// <param name="temporaryDirectory">Where the cache lives (<c>.nuke/temp</c>).</param>
    /// <param name="region">The region to ask (the environment's), or null for the CLI's configured one.</param>
    /// <param name="today">The cache is used only when it was read on this day.</param>
    /// <param name="cancellationToken">Stops the AWS CLI.</param>
    public static async Task<EksCalendar> LoadAsync(
        string? aws,
        AbsolutePath temporaryDirectory,
        DateOnly today,
        string? region,
        CancellationToken cancellationToken
    )
    {
        var cache = temporaryDirectory / CacheFileName;
        var calendar =
            ReadCache(cache, today)
            ?? (
                aws is null
                    ? EksCalendar.Fallback("the AWS CLI (aws) is not on PATH")
                    : await ReadLiveAsync(aws, cache, today, region, cancellationToken)
            );
        Log.Info($"EKS calendar: {calendar.Origin}.");
        return calendar;
    }

    /// <summary>The command that reads the calendar.</summary>
    public static ToolCommand Command(string aws, string? region)
    {
        var command = ToolCommand
            .For(aws)
            .WithInheritedSecrets(ToolCommand.AwsCredentials)
            .WithArguments("eks", "describe-cluster-versions", "--output", "json");
        return region is null ? command : command.WithArguments("--region", region);
    }

    private static async Task<EksCalendar> ReadLiveAsync(
        string aws,
        AbsolutePath cache,
        DateOnly today,
        string? region,
        CancellationToken cancellationToken
    )
    {
        var command = Command(aws, region);
        ToolResult result;
        try
        {
            result = await ToolRunner.Default.RunAsync(
                command,
                ToolOutput.Capture,
                cancellationToken
            );
        }
        catch (ToolException exception)
        {
            return Warn($"{exception.Message.Split('\n')[0]} {Last(exception.Detail)}".TrimEnd());
        }
        IReadOnlyList<EksVersion> versions;
        try
        {
            versions = EksCalendarJson.ParseAwsOutput(result.StandardOutput);
        }
        catch (FormatException exception)
        {
            return Warn(
                $"{command.CommandLine} printed output this build cannot read: {exception.Message}"
            );
        }
        await AtomicFile.WriteAllTextAsync(
            cache,
            EksCalendarJson.WriteCache(today, versions),
            cancellationToken
        );
        return new EksCalendar(
            versions,
            EksCalendarSource.Live,
            $"live from 'aws eks describe-cluster-versions' on {today:yyyy-MM-dd} (cached in {cache})"
        );
    }

    private static EksCalendar Warn(string reason)
    {
        var calendar = EksCalendar.Fallback(reason);
        Log.Warning(
            $"Could not read the EKS calendar live, so support dates come from {calendar.Origin}. Check the AWS CLI "
                + "and its credentials (aws sts get-caller-identity)."
        );
        return calendar;
    }

    /// <summary>Today's cache, or null when there is none, it is older, or it is unreadable (a warning).</summary>
    private static EksCalendar? ReadCache(AbsolutePath cache, DateOnly today)
    {
        if (!File.Exists(cache))
        {
            return null;
        }
        try
        {
            var (fetched, versions) = EksCalendarJson.ReadCache(File.ReadAllText(cache));
            return fetched != today
                ? null
                : new EksCalendar(
                    versions,
                    EksCalendarSource.Cache,
                    $"'aws eks describe-cluster-versions' as read on {fetched:yyyy-MM-dd}, cached in {cache}"
                );
        }
        catch (FormatException exception)
        {
            Log.Warning(
                $"Ignoring the EKS calendar cache {cache}: {exception.Message} It is read again from the AWS CLI and rewritten."
            );
            return null;
        }
    }

    private static string Last(string detail) =>
        detail.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";
}
