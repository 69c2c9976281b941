using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipelines.Engine;

namespace Pipelines.Images;

/// <summary>
/// Answers a registry's <c>401</c> the way docker and skopeo do: a <c>Basic</c> challenge with the login's user and
/// password; a <c>Bearer</c> challenge with a token from its <c>realm</c> (for the <c>service</c> and <c>scope</c> it
/// names), asked for with the login's credentials or anonymously (public repositories). The answer is kept for the
/// next request, so a run asks for a token once, not once per tag.
/// </summary>
internal sealed partial class RegistryChallenge(RegistryTarget registry, RegistryLogin? login)
{
    private AuthenticationHeaderValue? _authorization;

    /// <summary>Sends the request, and once more with credentials when the registry challenges it.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpClient http,
        Func<HttpRequestMessage> request,
        CancellationToken ct
    )
    {
        var response = await SendOnceAsync(http, request, ct);
        if (
            response.StatusCode != HttpStatusCode.Unauthorized
            || response.Headers.WwwAuthenticate.FirstOrDefault() is not { } challenge
        )
        {
            return response;
        }
        var answer = await AnswerAsync(http, challenge, ct);
        if (answer is null)
        {
            return response;
        }
        response.Dispose();
        _authorization = answer;
        return await SendOnceAsync(http, request, ct);
    }

    /// <summary>5xx, 429 and a dropped connection may pass on their own: RegistryRetry retries them.</summary>
    public static void ThrowIfTransient(HttpResponseMessage response)
    {
        if (
            (int)response.StatusCode >= 500
            || response.StatusCode == HttpStatusCode.TooManyRequests
        )
        {
            throw new HttpRequestException(
                $"{(int)response.StatusCode} {response.ReasonPhrase}",
                null,
                response.StatusCode
            );
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpClient http,
        Func<HttpRequestMessage> create,
        CancellationToken ct
    )
    {
        using var request = create();
        request.Headers.Authorization = _authorization;
        return await SendTimedAsync(http, request, ct);
    }

    /// <summary>HttpClient's timeout surfaces as a cancellation; it is a registry that did not answer, which RegistryRetry retries.</summary>
    private static async Task<HttpResponseMessage> SendTimedAsync(
        HttpClient http,
        HttpRequestMessage request,
        CancellationToken ct
    )
    {
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (TaskCanceledException exception) when (!ct.IsCancellationRequested)
        {
            throw new HttpRequestException(
                $"no answer within {http.Timeout.TotalSeconds:0} s (timeout)",
                exception
            );
        }
    }

    private async Task<AuthenticationHeaderValue?> AnswerAsync(
        HttpClient http,
        AuthenticationHeaderValue challenge,
        CancellationToken ct
    )
    {
        if (challenge.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return login is null ? null : Basic(login);
        }
        if (!challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var parameters = Parameters(challenge.Parameter ?? "");
        if (
            !parameters.TryGetValue("realm", out var realm)
            || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri)
        )
        {
            throw new RegistryAccessException(
                $"Registry {registry.Host} asked for a token without saying where to get one (WWW-Authenticate: {challenge})."
            );
        }
        return new AuthenticationHeaderValue(
            "Bearer",
            await TokenAsync(http, realmUri, parameters, ct)
        );
    }

    /// <summary>The token endpoint of the docker token spec: <c>GET realm?service=..&amp;scope=..</c> → <c>{"token": ...}</c>.</summary>
    private async Task<string> TokenAsync(
        HttpClient http,
        Uri realm,
        IReadOnlyDictionary<string, string> parameters,
        CancellationToken ct
    )
    {
        var query = string.Join(
            "&",
            new[] { "service", "scope" }
                .Where(parameters.ContainsKey)
                .Select(key => $"{key}={Uri.EscapeDataString(parameters[key])}")
        );
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            new UriBuilder(realm) { Query = query }.Uri
        );
        request.Headers.Authorization = login is null ? null : Basic(login);
        using var response = await SendTimedAsync(http, request, ct);
        ThrowIfTransient(response);
        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryAccessException(
                $"Registry {registry.Host}: the token service {realm.GetLeftPart(UriPartial.Path)} refused "
                    + $"{(login is null ? "an anonymous request" : login.User)} ({(int)response.StatusCode} {response.ReasonPhrase}). "
                    + "Check the registry credentials."
            );
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var token =
            body.RootElement.TryGetProperty("token", out var t) ? t.GetString()
            : body.RootElement.TryGetProperty("access_token", out var a) ? a.GetString()
            : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new RegistryAccessException(
                $"Registry {registry.Host}: the token service {realm.GetLeftPart(UriPartial.Path)} answered without a token."
            );
        }
        Log.RegisterSecret(token);
        return token;
    }

    private static AuthenticationHeaderValue Basic(RegistryLogin login) =>
        new(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{login.User}:{login.Password}"))
        );

    /// <summary><c>realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/app:pull"</c> as a dictionary.</summary>
    private static Dictionary<string, string> Parameters(string text)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in ChallengeParameter().Matches(text))
        {
            parameters.TryAdd(
                match.Groups["key"].Value.ToLowerInvariant(),
                match.Groups["value"].Value
            );
        }
        return parameters;
    }

    [GeneratedRegex("(?<key>[A-Za-z]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex ChallengeParameter();
}
