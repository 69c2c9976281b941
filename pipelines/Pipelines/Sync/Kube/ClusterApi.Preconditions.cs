using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Pipelines.Engine;
using Polly;

namespace Pipelines.Sync.Kube;

/// <summary>What became of a delete that named the uid of the object it meant.</summary>
internal enum DeleteOutcome
{
    Deleted,
    AlreadyGone,

    /// <summary>The name now belongs to another object (deleted and made again since it was read): left alone.</summary>
    Replaced,
}

/// <summary>
/// Writes that carry a precondition: a create (fails when the object exists), a replace naming the resourceVersion it
/// replaces, a delete naming the uid it deletes. Their 409 is an answer, not a hiccup, so it is never resent as is.
/// </summary>
internal sealed partial class ClusterApi
{
    private readonly ResiliencePipeline _retryUnlessConflict = Retry(exception =>
        exception.Response.StatusCode != HttpStatusCode.Conflict && IsTransient(exception)
    );

    /// <summary>
    /// Writes the object under optimistic locking: creates it when its <c>metadata.resourceVersion</c> is unset (409
    /// AlreadyExists when someone else created it first), else replaces it, and that resourceVersion must still be the
    /// live one (409 Conflict when it changed since it was read).
    /// </summary>
    public Task<Dictionary<string, object?>> WriteAsync(
        Dictionary<string, object?> body,
        CancellationToken cancellationToken
    )
    {
        var (type, ns, name) = catalog.Locate(body);
        var replaces =
            body.GetValueOrDefault("metadata") is Dictionary<string, object?> metadata
            && metadata.GetValueOrDefault("resourceVersion") is not null;
        return RunAsync(
            _retryUnlessConflict,
            ct =>
                replaces
                    ? client.CustomObjects.ReplaceAsync(type, ns, name, body, ct)
                    : client.CustomObjects.CreateAsync(type, ns, body, ct),
            cancellationToken
        );
    }

    /// <summary>
    /// Deletes the object, in the background (its dependents follow). Given the <paramref name="uid"/> read before,
    /// only that object: should the name have been deleted and made again in between, the server refuses (409) and
    /// the new object stays.
    /// </summary>
    public async Task<DeleteOutcome> DeleteAsync(
        ResourceType type,
        string? ns,
        string name,
        string? uid,
        bool dryRun,
        CancellationToken cancellationToken
    )
    {
        var dry = dryRun ? "All" : null;
        var options = new V1DeleteOptions
        {
            Preconditions = uid is null ? null : new V1Preconditions { Uid = uid },
            PropagationPolicy = "Background",
        };
        try
        {
            await RunAsync(
                _retryUnlessConflict,
                ct => client.CustomObjects.DeleteAsync(type, ns, name, options, dry, ct),
                cancellationToken
            );
            return DeleteOutcome.Deleted;
        }
        catch (HttpOperationException exception)
            when (exception.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return DeleteOutcome.AlreadyGone;
        }
        catch (HttpOperationException exception)
            when (exception.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return DeleteOutcome.Replaced;
        }
    }

    private async Task<Dictionary<string, object?>> RunAsync(
        ResiliencePipeline pipeline,
        Func<CancellationToken, Task<object>> call,
        CancellationToken cancellationToken
    ) => ToData(await pipeline.ExecuteAsync(async ct => await call(ct), cancellationToken));

    /// <summary>Retries dropped connections and the answers <paramref name="transient"/> names (bounds: <see cref="RetryBounds.RemoteCall"/>).</summary>
    private static ResiliencePipeline Retry(Func<HttpOperationException, bool> transient) =>
        Retries.For(
            "Kubernetes API call",
            RetryBounds.RemoteCall,
            e => e is HttpRequestException || e is HttpOperationException http && transient(http),
            e =>
                e is HttpOperationException http
                    ? $"{(int)http.Response.StatusCode} {http.Response.StatusCode}"
                    : e.Message
        );
}
