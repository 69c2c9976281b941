using Pipelines.Sync;

/// <summary>
/// The CD pipeline's headline: Sync (with RenderHelmfile before it), from the ISync component
/// (see pipelines/Pipelines/Sync/ISync.cs for its parameters).
/// </summary>
partial class Build : ISync;
