using System.Xml.Linq;

namespace Pipelines.DotNet;

/// <summary>The counters of a TRX (Visual Studio test results) file.</summary>
public sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    public static TestCounts FromTrx(string trx)
    {
        var counters =
            XDocument.Parse(trx).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters")
            ?? throw new FormatException("The TRX file has no <Counters> element.");
        int Read(string name) =>
            int.TryParse(counters.Attribute(name)?.Value, out var value) ? value : 0;
        var total = Read("total");
        var executed = Read("executed");
        return new TestCounts(
            Read("passed"),
            Read("failed") + Read("error") + Read("timeout") + Read("aborted"),
            total - executed
        );
    }

    public static TestCounts operator +(TestCounts left, TestCounts right) =>
        new(left.Passed + right.Passed, left.Failed + right.Failed, left.Skipped + right.Skipped);

    /// <summary>The plain closing line CI reads: "Tests: 57 passed, 0 failed, 1 skipped".</summary>
    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
