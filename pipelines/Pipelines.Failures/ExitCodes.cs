namespace Pipelines.Failures;

/// <summary>The build's exit codes, as README documents them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A target failed.</summary>
    public const int Failed = 1;

    /// <summary>A usage error: unknown target, bad parameter value, missing required parameter; also drift found by a check mode.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled with Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
