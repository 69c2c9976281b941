using Pipelines.Images;

/// <summary>
/// The CI side's first steps: BuildImage and PushImage, from the IContainerImage component
/// (see pipelines/Pipelines/Images/IContainerImage.cs for its parameters). PushImage writes .nuke/temp/image.json.
/// </summary>
partial class Build : IContainerImage;
