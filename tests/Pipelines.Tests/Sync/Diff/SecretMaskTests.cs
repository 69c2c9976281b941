using System.Text;
using Pipelines.Sync.Diff;
using static Pipelines.Tests.Sync.Diff.Manifests;

namespace Pipelines.Tests.Sync.Diff;

public class SecretMaskTests
{
    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static Dictionary<string, object?> Secret(string data) =>
        FromYaml(
            $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: web\ntype: Opaque\n{data}"
        );

    private static ObjectDiff Compare(string desired, string live) =>
        DriftComparer.Compare(Secret(desired), Secret(live), [], "v1/Secret web/db");

    [Fact]
    public void A_changed_secret_value_is_drift_but_never_appears_in_paths_or_diff()
    {
        // Arrange
        var desired = $"data:\n  password: {B64("hunter2-new")}\n  user: {B64("app")}\n";
        var live = $"data:\n  password: {B64("hunter2")}\n  user: {B64("app")}\n";

        // Act
        var diff = Compare(desired, live);

        // Assert
        Assert.Equal([".data.password"], diff.ChangedPaths);
        var everything = string.Join("\n", diff.ChangedPaths) + diff.UnifiedDiff;
        foreach (var secret in new[] { "hunter2", B64("hunter2"), B64("hunter2-new"), B64("app") })
        {
            Assert.DoesNotContain(secret, everything);
        }
        Assert.Contains("-  password: '*** (7 bytes)'", diff.UnifiedDiff);
        Assert.Contains(
            "+  password: '*** (changed, was 7 bytes, now 11 bytes)'",
            diff.UnifiedDiff
        );
        Assert.Contains("user: '*** (unchanged)'", diff.UnifiedDiff);
    }

    [Fact]
    public void String_data_is_compared_with_the_live_data_it_became()
    {
        // Act
        var same = Compare(
            "stringData:\n  token: s3cr3t-value\n",
            $"data:\n  token: {B64("s3cr3t-value")}\n"
        );
        var changed = Compare(
            "stringData:\n  token: s3cr3t-value\n",
            $"data:\n  token: {B64("old-value")}\n"
        );

        // Assert
        Assert.True(same.InSync);
        Assert.Equal([".data.token"], changed.ChangedPaths);
        Assert.DoesNotContain("s3cr3t", changed.UnifiedDiff);
        Assert.DoesNotContain(B64("s3cr3t-value"), changed.UnifiedDiff);
        Assert.DoesNotContain(B64("old-value"), changed.UnifiedDiff);
    }

    [Fact]
    public void A_key_missing_from_the_live_secret_is_shown_as_added_with_its_length_only()
    {
        // Act
        var diff = Compare($"data:\n  apiKey: {B64("abc123")}\n", "data: {}\n");

        // Assert
        Assert.Equal([".data.apiKey"], diff.ChangedPaths);
        Assert.Contains("+  apiKey: '*** (added, 6 bytes)'", diff.UnifiedDiff);
        Assert.DoesNotContain(B64("abc123"), diff.UnifiedDiff);
    }

    [Fact]
    public void Base64_with_line_breaks_decodes_to_the_same_bytes()
    {
        // Act
        var same = SecretMask.SameBytes("aHVudGVy\nMg==", B64("hunter2"));

        // Assert
        Assert.True(same);
    }
}
