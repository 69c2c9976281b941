namespace Pipelines.Helmfile.Vals;

/// <summary>
/// What <see cref="ParameterStoreResolver.ResolveAsync"/> made of a document.
/// </summary>
/// <param name="Data">A copy of the document with every <c>ref+awsssm://</c> replaced.</param>
/// <param name="SecretValues">
/// Where in <paramref name="Data"/> secrets now sit: the paths of the values that held refs, helm style
/// (<c>db.password</c>, <c>hosts[0]</c>, <c>.</c> for the root). Paths only, never the values themselves, so the
/// list is safe to print; the values are masked in all output through <c>Log.RegisterSecret</c>.
/// </param>
internal sealed record ResolvedValues(object? Data, IReadOnlyList<string> SecretValues);
