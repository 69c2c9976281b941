using Pipelines.Helmfile;

/// <summary>
/// The CD side's first step: RenderHelmfile, from the IHelmfileRender component
/// (see pipelines/Pipelines/Helmfile/IHelmfileRender.cs for its parameters).
/// </summary>
partial class Build : IHelmfileRender;
