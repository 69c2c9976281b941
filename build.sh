#!/usr/bin/env bash
# Bootstrap of the typed build: find a .NET SDK (or install one into .nuke/temp/dotnet), compile the build only
# when its sources changed (a content stamp over build/, pipelines/ if present, and the project files), then run the compiled
# build directly. A warm start never invokes MSBuild. Usage: ./build.sh [targets] [--parameter value ...]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMP="$ROOT/.nuke/temp"
OUTPUT="$TEMP/build"
ASSEMBLY="$OUTPUT/_build.dll"
STAMP="$TEMP/build.stamp"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() {
  echo "build.sh: $*" >&2
  exit 1
}

# A hash of every input of the build project: file names and contents, plus the dotnet that runs it.
content_stamp() {
  (
    cd "$ROOT"
    {
      # pipelines/ is this repository's library; an app repository has only build/ (it takes the package).
      find build $([ -d pipelines ] && echo pipelines) -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' \) \
        -not -path '*/bin/*' -not -path '*/obj/*' -print0
      for f in global.json Directory.Build.props Directory.Packages.props NuGet.config nuget.config; do
        if [ -f "$f" ]; then printf "%s\0" "$f"; fi
      done
    } | LC_ALL=C sort -z | xargs -0 sha256sum
    echo "$1"
  ) | sha256sum | cut -d' ' -f1
}

find_dotnet() {
  if [ -x "$TEMP/dotnet/dotnet" ]; then
    echo "$TEMP/dotnet/dotnet"
  elif [ -n "${DOTNET_ROOT:-}" ] && [ -x "$DOTNET_ROOT/dotnet" ]; then
    echo "$DOTNET_ROOT/dotnet"
  else
    command -v dotnet || true
  fi
}

# The Test target runs buildah, a registry, node, PowerShell...: check for them (as root, install them) before
# anything compiles, so a machine without them hears so in seconds. Silent and quick when they are there. An app
# repository made from the pipelines-app template shares this script but has no such suite, so no check.
check_test_prerequisites() {
  if [ -f "$ROOT/build/test-prerequisites.sh" ]; then bash "$ROOT/build/test-prerequisites.sh" "$DOTNET" "$@" 9>&-; fi
}

DOTNET="$(find_dotnet)"
if [ -n "$DOTNET" ] && [ -f "$ASSEMBLY" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(content_stamp "$DOTNET")" ]; then
  check_test_prerequisites "$@"
  exec "$DOTNET" "$ASSEMBLY" "$@"
fi

# Cold path. One bootstrap at a time compiles; the others wait, then find the stamp fresh.
mkdir -p "$TEMP"
exec 9>"$TEMP/bootstrap.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi

sdk_version() { sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n 1; }

# Children get fd 9 closed (9>&-): a compiler server or MSBuild node outliving this script must not hold the lock.
sdk_usable() { [ -n "$1" ] && (cd "$ROOT" && "$1" --version >/dev/null 2>&1 9>&-); }

install_dotnet() {
  local url="${DOTNET_INSTALL_SCRIPT_URL:-https://dot.net/v1/dotnet-install.sh}"
  local script="$TEMP/dotnet-install.sh"
  echo "build.sh: no .NET SDK matching global.json ($(sdk_version), latest feature band) found; installing into .nuke/temp/dotnet" >&2
  if ! curl -fsSL --retry 2 --connect-timeout 15 "$url" -o "$script" 2>/dev/null; then
    rm -f "$script"
    fail "could not download the .NET install script from $url (no network?). Install the .NET SDK $(sdk_version) or a later feature band of it (https://dot.net), put it on PATH or in .nuke/temp/dotnet, and run again."
  fi
  bash "$script" --jsonfile "$ROOT/global.json" --install-dir "$TEMP/dotnet" --no-path >&2 9>&- \
    || fail "the .NET install script failed; see its output above."
  DOTNET="$TEMP/dotnet/dotnet"
}

if ! sdk_usable "$DOTNET"; then
  install_dotnet
fi
check_test_prerequisites "$@"

STAMP_NOW="$(content_stamp "$DOTNET")"
if ! { [ -f "$ASSEMBLY" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_NOW" ]; }; then
  echo "build.sh: compiling the build (its sources changed)" >&2
  rm -f "$STAMP"
  (cd "$ROOT" && "$DOTNET" build build/_build.csproj -o "$OUTPUT" --nologo -v q -clp:NoSummary) >&2 9>&- \
    || fail "the build project did not compile; fix the errors above."
  # The stamp of the sources as they were before compiling: an edit made during the compile is compiled next
  # time (as is a file the formatter rewrote, once).
  echo "$STAMP_NOW" >"$STAMP"
fi
exec 9>&-
exec "$DOTNET" "$ASSEMBLY" "$@"
