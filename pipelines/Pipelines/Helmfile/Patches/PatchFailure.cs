namespace Pipelines.Helmfile.Patches;

/// <summary>
/// A patch or transformer that cannot apply, said without context; <see cref="ReleasePatcher"/> adds the release,
/// the patch and the object before it reaches the user.
/// </summary>
internal sealed class PatchFailure(string message) : Exception(message);
