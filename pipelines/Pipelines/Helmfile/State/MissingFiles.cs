using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Helmfile.State;

/// <summary>helmfile's <c>missingFileHandler</c>: Error stops, Warn and Info say so and go on, Debug goes on quietly.</summary>
internal static class MissingFiles
{
    public static void Handle(
        MissingFileHandler handler,
        string file,
        string declaredIn,
        string what = "values file"
    )
    {
        var message = $"{what} {file} (named in {declaredIn}) does not exist";
        switch (handler)
        {
            case MissingFileHandler.Error:
                throw new SourceLocatedException(
                    $"{declaredIn}: {message}. Create it, fix the path, or set missingFileHandler: Warn to skip it.",
                    declaredIn
                );
            case MissingFileHandler.Warn:
                Log.Warning($"{message}; skipped (missingFileHandler: Warn)", declaredIn);
                break;
            case MissingFileHandler.Info:
                Log.Info($"{message}; skipped (missingFileHandler: Info)");
                break;
            case MissingFileHandler.Debug:
                break;
        }
    }

    /// <summary>Reports something skipped at the handler's level (Warn, Info, or nothing for Debug).</summary>
    public static void Skipped(MissingFileHandler handler, string message, string file)
    {
        if (handler == MissingFileHandler.Warn)
        {
            Log.Warning($"{message}; skipped (missingFileHandler: Warn)", file);
        }
        else if (handler == MissingFileHandler.Info)
        {
            Log.Info($"{message}; skipped (missingFileHandler: Info)");
        }
    }
}
