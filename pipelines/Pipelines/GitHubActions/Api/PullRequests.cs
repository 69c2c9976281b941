using Octokit;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.GitHubActions.Api;

/// <summary>
/// Opens a pull request, or updates the open one from the same head into the same base, so that a branch that is
/// pushed again (a bump made twice before review) never gets a second pull request.
/// </summary>
internal static partial class PullRequests
{
    /// <summary>
    /// Finds the open pull request for <c>owner:head</c> into the base; updates its title and body when they differ
    /// and adds missing labels, else opens one. Failures are <see cref="GitHubApiException"/>s; 5xx, 429 and lost
    /// connections are retried (at most 4 attempts) by running the whole look-up-then-write again, so a create whose
    /// answer was lost is found, not repeated (it is then reported with <c>Created = false</c>).
    /// </summary>
    public static async Task<PullRequestOutcome> OpenOrUpdateAsync(
        IGitHubClient client,
        PullRequestSpec spec,
        CancellationToken ct
    )
    {
        Validate(spec);
        var repo = spec.Repository;
        // GitHub ignores a head filter without the owner: the listing would hold every open pull request.
        var label = spec.Head.Contains(':') ? spec.Head : $"{repo.Owner}:{spec.Head}";
        var operation = new GitHubOperation(
            repo,
            $"open or update the pull request {spec.Head} -> {spec.Base}"
        )
        {
            ValidationHint =
                $"Check that branch '{spec.Head}' was pushed to {repo} and has commits that '{spec.Base}' "
                + $"does not, and that '{spec.Base}' exists.",
        };
        var outcome = await GitHubCalls.RunAsync(
            client,
            operation,
            token => OpenOrUpdateOnceAsync(client, spec, label, token),
            ct
        );
        Log.Info(
            $"{(outcome.Created ? "Opened" : "Updated")} pull request #{outcome.Number} {spec.Head} -> {spec.Base}: {outcome.Url}"
        );
        return outcome;
    }

    private static async Task<PullRequestOutcome> OpenOrUpdateOnceAsync(
        IGitHubClient client,
        PullRequestSpec spec,
        string label,
        CancellationToken ct
    )
    {
        var repo = spec.Repository;
        if (await FindOpenAsync(client, spec, label, ct) is { } existing)
        {
            return await UpdateAsync(client, spec, existing, ct);
        }
        PullRequest created;
        try
        {
            created = await client
                .PullRequest.Create(
                    repo.Owner,
                    repo.Name,
                    new NewPullRequest(spec.Title, spec.Head, spec.Base) { Body = spec.Body }
                )
                .WaitAsync(ct);
        }
        catch (ApiValidationException e) when (AlreadyExists(e))
        {
            // Another run opened it between the look-up and the create: update that one instead.
            var raced = await FindOpenAsync(client, spec, label, ct);
            if (raced is null)
            {
                throw;
            }
            return await UpdateAsync(client, spec, raced, ct);
        }
        await AddLabelsAsync(client, spec, created, ct);
        return new PullRequestOutcome(created.Number, created.HtmlUrl, Created: true);
    }

    private static async Task<PullRequest?> FindOpenAsync(
        IGitHubClient client,
        PullRequestSpec spec,
        string label,
        CancellationToken ct
    )
    {
        var request = new PullRequestRequest
        {
            State = ItemStateFilter.Open,
            Head = label,
            Base = spec.Base,
        };
        var open = await client
            .PullRequest.GetAllForRepository(
                spec.Repository.Owner,
                spec.Repository.Name,
                request,
                new ApiOptions { PageSize = 100 }
            )
            .WaitAsync(ct);
        // Filtered here too, so that a server ignoring a filter cannot make us edit someone else's pull request.
        return open.Where(pr =>
                string.Equals(pr.Head?.Label, label, StringComparison.OrdinalIgnoreCase)
                && pr.Base?.Ref == spec.Base
                && pr.State.Value == ItemState.Open
            )
            .OrderBy(pr => pr.Number)
            .FirstOrDefault();
    }

    private static async Task<PullRequestOutcome> UpdateAsync(
        IGitHubClient client,
        PullRequestSpec spec,
        PullRequest existing,
        CancellationToken ct
    )
    {
        if (existing.Title != spec.Title || (existing.Body ?? "") != spec.Body)
        {
            await client
                .PullRequest.Update(
                    spec.Repository.Owner,
                    spec.Repository.Name,
                    existing.Number,
                    new PullRequestUpdate { Title = spec.Title, Body = spec.Body }
                )
                .WaitAsync(ct);
        }
        await AddLabelsAsync(client, spec, existing, ct);
        return new PullRequestOutcome(existing.Number, existing.HtmlUrl, Created: false);
    }

    private static async Task AddLabelsAsync(
        IGitHubClient client,
        PullRequestSpec spec,
        PullRequest pullRequest,
        CancellationToken ct
    )
    {
        var present = (pullRequest.Labels ?? []).Select(l => l.Name);
        var missing = spec.Labels.Except(present, StringComparer.OrdinalIgnoreCase).ToArray();
        if (missing.Length > 0)
        {
            await client
                .Issue.Labels.AddToIssue(
                    spec.Repository.Owner,
                    spec.Repository.Name,
                    pullRequest.Number,
                    missing
                )
                .WaitAsync(ct);
        }
    }

    private static bool AlreadyExists(ApiValidationException e) =>
        (e.ApiError?.Errors ?? []).Any(d =>
            d.Message?.Contains("already exists", StringComparison.OrdinalIgnoreCase) == true
        );

    private static void Validate(PullRequestSpec spec)
    {
        static void Require(string? value, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new UsageException($"The pull request needs a {what}; it was empty.");
            }
        }
        Require(spec.Head, "head branch");
        Require(spec.Base, "base branch");
        Require(spec.Title, "title");
        if (spec.Head == spec.Base)
        {
            throw new UsageException(
                $"The pull request's head and base are both '{spec.Head}': push the change to its own branch "
                    + "(e.g. bump/<app>/<env>) and open the pull request from there."
            );
        }
        if (spec.Labels.Any(string.IsNullOrWhiteSpace))
        {
            throw new UsageException(
                "A pull request label was empty; remove it or give it a name."
            );
        }
    }
}
